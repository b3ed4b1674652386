#include "domain/requests/decline_text.hpp"

#include "messaging/consent.hpp"
#include "messaging/sealed_message.hpp"
#include "messaging/templates.hpp"

namespace bulwark::domain::requests {

namespace {

constexpr store::OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");
constexpr store::OrgSql kQueue(
    "INSERT INTO sms_messages (org_id, customer_id, work_order_id, direction, kind, phone, "
    "body, status, idempotency_key, last_error, next_attempt_at, created_at, updated_at, "
    "row_key) VALUES ($1, NULL, NULL, 'outbound', 'request_declined', $2, $3, $4, $5, $6, $7, "
    "$7, $7, $8) ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING id");

}  // namespace

std::string queue_decline_text(store::OrgTx& tx, std::int64_t request_id,
                               const std::string& phone_e164, const std::string& reason,
                               std::int64_t now) {
  const bool opted_out = !messaging::may_text(tx.connection(), tx.org_id(), phone_e164, false);
  const auto body =
      messaging::render(messaging::template_for(tx.connection(), tx.org_id(), "request_declined"),
                        {{"org", tx.run(kOrgName).rows.at(0).text(0)}, {"body", reason}});
  const auto sealed = messaging::seal_message(tx, phone_e164, body);
  tx.run(kQueue, sealed.phone, sealed.body, std::string_view(opted_out ? "suppressed" : "queued"),
         "request_declined:" + std::to_string(request_id),
         opted_out ? std::optional<std::string>("customer_opted_out") : std::nullopt, now,
         sealed.row_key);
  return opted_out ? "suppressed" : "queued";
}

}  // namespace bulwark::domain::requests
