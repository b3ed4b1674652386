#include "domain/links/send.hpp"

#include "domain/customers/service.hpp"
#include "mail/outbox.hpp"
#include "messaging/outbox.hpp"

namespace bulwark::domain::links {

namespace {

constexpr store::OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");

ApiError nowhere(const std::string& message, std::string reason) {
  return ApiError(ErrorCode::conflict, message, std::move(reason));
}

// What the email says the link is for.
std::string what(Purpose purpose, const std::string& number) {
  switch (purpose) {
    case Purpose::appointment: return "your appointment " + number;
    case Purpose::invoice: return "your invoice for " + number;
    case Purpose::report: return "the service report for " + number;
    default: return number;
  }
}

Expected<std::string, ApiError> by_text(store::OrgTx& tx, const work_orders::WorkOrderView& v,
                                        std::int64_t link_id, std::string_view url,
                                        std::int64_t now) {
  using messaging::QueueResult;
  const auto r = messaging::enqueue_for_work_order(
      tx.connection(), tx.org_id(), v.id, "customer_link",
      "customer_link:" + std::to_string(link_id), now, {{"link", std::string(url)}});
  if (r == QueueResult::queued) return std::string("queued");
  if (r == QueueResult::suppressed) return std::string("suppressed");
  return unexpected(nowhere("the customer has no phone number to text", "no_customer_phone"));
}

Expected<std::string, ApiError> by_email(store::OrgTx& tx, const work_orders::WorkOrderView& v,
                                         Purpose purpose, std::int64_t link_id,
                                         std::string_view url, std::int64_t now) {
  std::optional<std::string> email;
  if (v.customer_id)
    if (auto c = customers::get(tx, *v.customer_id); c && c->email && !c->email->empty())
      email = c->email;
  if (!email) return unexpected(nowhere("the customer has no email address", "no_customer_email"));
  const auto org = tx.run(kOrgName).rows.at(0).text(0);
  const auto subject = org + ": " + what(purpose, v.number.text());
  mail::Message m;
  m.kind = "customer_link";
  m.to_address = *email;
  m.subject = subject;
  m.text = "Hello,\n\n" + org + " sent you a link to " + what(purpose, v.number.text()) + ":\n\n" +
           std::string(url) + "\n\nThe link works without an account and expires.\n";
  m.to_customer = true;
  m.customer_id = v.customer_id;
  m.idempotency_key = "customer_link:" + std::to_string(link_id);
  if (auto queued = mail::enqueue(tx.connection(), tx.org_id(), m, now); !queued)
    return unexpected(
        nowhere("the customer's email address cannot be used",
                std::string("email_") + std::string(mail::to_string(queued.error()))));
  return std::string("queued");
}

}  // namespace

Expected<std::string, ApiError> send_link(store::OrgTx& tx, const work_orders::WorkOrderView& v,
                                          std::string_view by, Purpose purpose,
                                          std::int64_t link_id, std::string_view url,
                                          std::int64_t now) {
  if (by == "sms") return by_text(tx, v, link_id, url, now);
  return by_email(tx, v, purpose, link_id, url, now);
}

}  // namespace bulwark::domain::links
