#include "messaging/sms_sender.hpp"

#include <fmt/format.h>

#include <boost/describe/class.hpp>
#include <boost/json.hpp>

#include "core/org_time.hpp"
#include "logging/log.hpp"
#include "messaging/consent.hpp"
#include "messaging/outbox.hpp"
#include "messaging/sealed_message.hpp"
#include "net/http_client.hpp"
#include "store/claim.hpp"
#include "store/org_tx.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::messaging {

namespace {

using store::CrossTenantSql;
using store::Value;

// Due: queued and past its back-off, or claimed by an instance whose lease
// ran out (it crashed mid-send). Only orgs with an SMS number can send.
constexpr store::ClaimStatement kClaim = BULWARK_CLAIM_STATEMENT(
    "UPDATE sms_messages SET status = 'sending', claimed_until = $1, attempts = attempts + 1, "
    "updated_at = $2",
    "SELECT m.id FROM sms_messages m JOIN org_sms_numbers n ON n.org_id = m.org_id "
    "WHERE m.direction = 'outbound' AND ((m.status = 'queued' AND m.next_attempt_at <= $2) OR "
    "(m.status = 'sending' AND m.claimed_until < $2)) ORDER BY m.id LIMIT $3",
    "m", "id, org_id, customer_id, kind, body, idempotency_key, attempts, row_key");

std::int64_t wall_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

// The worker serves every organization: its statements name rows by id.
constexpr CrossTenantSql kFinish(
    "UPDATE sms_messages SET status = $2, provider_sid = COALESCE($3, provider_sid), "
    "last_error = $4, next_attempt_at = $5, claimed_until = NULL, updated_at = $6 "
    "WHERE id = $1 AND status = 'sending'");
// Back to the queue until the text window opens: not an attempt.
constexpr CrossTenantSql kHold(
    "UPDATE sms_messages SET status = 'queued', attempts = attempts - 1, last_error = $2, "
    "next_attempt_at = $3, claimed_until = NULL, updated_at = $4 "
    "WHERE id = $1 AND status = 'sending'");
constexpr CrossTenantSql kRequeue(
    "UPDATE sms_messages SET status = 'queued', last_error = $2, next_attempt_at = $3, "
    "claimed_until = NULL, updated_at = $4 WHERE id = $1 AND status = 'sending'");
// Right before sending: who gets it, from which number, and whether it is still ours.
// A message to no customer (a requester told why their work request was
// declined) goes to its own sealed number; a customer's goes to the
// customer's current one, and not at all once the customer is deleted.
constexpr CrossTenantSql kRecipient(
    "SELECT CASE WHEN c.id IS NULL THEN m.phone ELSE c.phone END AS phone, "
    "COALESCE(c.sms_opt_out, 0) AS sms_opt_out, "
    "n.phone AS from_phone, m.status AS status, m.claimed_until AS claimed_until, "
    "o.time_zone AS time_zone, c.row_key AS customer_row_key, m.row_key AS message_row_key "
    "FROM sms_messages m JOIN orgs o ON o.id = m.org_id "
    "LEFT JOIN customers c ON c.org_id = m.org_id AND "
    "c.id = m.customer_id JOIN org_sms_numbers n ON n.org_id = m.org_id "
    "WHERE m.id = $1 AND m.org_id = $2 AND ((m.customer_id IS NULL AND c.id IS NULL) OR "
    "(c.id IS NOT NULL AND c.deleted_at IS NULL))");

struct ClaimedRow {
  std::int64_t id = 0, org_id = 0;
  std::optional<std::int64_t> customer_id;
  std::string kind, body;
  std::optional<std::string> idempotency_key;
  int attempts = 0;
  std::optional<std::string> row_key;  // the body is sealed (messaging/sealed_message.hpp)
};
BOOST_DESCRIBE_STRUCT(ClaimedRow, (),
                      (id, org_id, customer_id, kind, body, idempotency_key, attempts, row_key))

struct RecipientRow {
  std::optional<std::string> phone;
  bool sms_opt_out = false;
  std::string from_phone, status;
  std::optional<std::int64_t> claimed_until;
  std::string time_zone;
  std::optional<std::string> customer_row_key;  // a customer's phone is sealed with it
  std::optional<std::string> message_row_key;   // a message to no customer: its own number
};
BOOST_DESCRIBE_STRUCT(RecipientRow, (),
                      (phone, sms_opt_out, from_phone, status, claimed_until, time_zone,
                       customer_row_key, message_row_key))

struct Claimed {
  std::int64_t id, org_id, customer_id;
  std::string kind, body, key;
  int attempts;
  std::int64_t lease_until;  // our claim: claimed_until as we set it
};

void finish(store::Database& db, std::int64_t id, std::string_view status, Value sid, Value error,
            std::int64_t next_attempt, std::int64_t now) {
  // Only while we hold the claim: after a lease ran out another sender owns it.
  db.query(kFinish, {id, std::string(status), std::move(sid), std::move(error), next_attempt, now});
}

void send_one(store::Database& db, const config::Config& config, const std::string& url,
              const Claimed& m, std::int64_t now_ms, SendReport& report);

}  // namespace

std::int64_t retry_delay_ms(int attempts, std::chrono::milliseconds base) {
  const int shift = std::clamp(attempts - 1, 0, 20);
  return std::min<std::int64_t>(base.count() << shift, 3'600'000);
}

SendReport send_due_messages(store::Database& db, const config::Config& config, std::int64_t now_ms,
                             int batch) {
  SendReport report;
  if (!config.twilio_configured()) return report;
  std::vector<Claimed> claimed;
  const auto lease_until = now_ms + config.sms_claim_lease.count();
  const Value params[] = {lease_until, now_ms, std::int64_t{batch}};
  for (auto& r : store::decode_all<ClaimedRow>(store::claim_rows(db, kClaim, params)))
    claimed.push_back({r.id, r.org_id, r.customer_id.value_or(0), std::move(r.kind),
                       open_message_field(db, r.org_id, "body", r.row_key, std::move(r.body)),
                       r.idempotency_key.value_or(fmt::format("sms-{}", r.id)), r.attempts,
                       lease_until});
  report.claimed = static_cast<int>(claimed.size());
  const std::string url = fmt::format("{}/2010-04-01/Accounts/{}/Messages.json",
                                      config.twilio_api_base, config.twilio_account_sid);
  for (const auto& m : claimed) {
    try {
      send_one(db, config, url, m, now_ms, report);
    } catch (const std::exception& e) {
      // The row stays claimed; its lease runs out and it is tried again.
      logging::warn("sms send failed", {{logging::Field::reason, std::string_view(e.what())}});
    }
  }
  return report;
}

namespace {

void send_one(store::Database& db, const config::Config& config, const std::string& url,
              const Claimed& m, std::int64_t now_ms, SendReport& report) {
  {
    // Right before sending: the row must still be ours (not superseded by a
    // newer confirmation, not reclaimed after our lease ran out), and the
    // number must not have opted out since it was queued.
    auto who = store::decode_first<RecipientRow>(db.query(kRecipient, {m.id, m.org_id}));
    if (who && (who->status != "sending" || who->claimed_until != m.lease_until)) {
      ++report.withdrawn;
      return;
    }
    bool allowed = who && who->phone;
    if (allowed)
      db.with_connection([&](store::Connection& conn) {
        store::OrgTx tx(conn, m.org_id);
        *who->phone = who->customer_row_key
                          ? tx.open("customers", "phone", *who->customer_row_key, *who->phone)
                          : open_message_field(tx, "phone", who->message_row_key, *who->phone);
        allowed = may_text(conn, m.org_id, *who->phone, who->sms_opt_out);
      });
    if (!allowed) {
      finish(db, m.id, "suppressed", nullptr, std::string("customer_opted_out"), 0, wall_ms());
      ++report.suppressed;
      return;
    }
    // Quiet hours, in the organization's zone: an automated text queued at
    // 20:59 or retried after 21:00 waits for 08:00 (outbox.hpp).
    if (config.sms_quiet_hours && held_in_quiet_hours(m.kind))
      if (const auto opens = core::text_window_opens_at(who->time_zone, now_ms); opens != 0) {
        db.query(kHold, {m.id, std::string(kQuietHours), opens, wall_ms()});
        ++report.held;
        return;
      }
    net::PostRequest request{
        .url = url,
        .form = {{"To", *who->phone}, {"From", who->from_phone}, {"Body", m.body}},
        .headers = {"Idempotency-Key: " + fmt::format("bulwark-{}-{}", m.org_id, m.key)},
        .basic_user = config.twilio_account_sid,
        .basic_password = config.twilio_auth_token.reveal(),
        .bearer_token = {},
        .timeout = std::chrono::seconds(10),
    };
    if (!config.public_url.empty()) {
      std::string base = config.public_url;
      while (base.ends_with('/')) base.pop_back();
      request.form.emplace_back("StatusCallback", base + "/webhooks/twilio/status");
    }
    const auto result = net::post_form(request);
    const auto now = wall_ms();
    if (result.status >= 200 && result.status < 300) {
      std::string sid;
      boost::system::error_code ec;
      auto json = boost::json::parse(result.body, ec);
      if (!ec && json.is_object())
        if (auto* s = json.as_object().if_contains("sid"); s && s->is_string())
          sid = std::string(s->as_string());
      finish(db, m.id, "sent", sid.empty() ? Value(nullptr) : Value(sid), nullptr, 0, now);
      ++report.sent;
      return;
    }
    const bool retryable = result.status == 0 || result.status == 429 || result.status >= 500;
    const auto error = result.status == 0 ? std::string("twilio_unreachable")
                                          : fmt::format("twilio_http_{}", result.status);
    if (retryable && m.attempts < kMaxSendAttempts) {
      // Back to the queue (status 'queued') after the back-off.
      db.query(kRequeue,
               {m.id, error, now + retry_delay_ms(m.attempts, config.sms_retry_base), now});
      ++report.retried;
    } else {
      finish(db, m.id, "failed", nullptr, error, 0, now);
      ++report.failed;
    }
    logging::warn("sms send failed", {{logging::Field::reason, std::string_view(error)},
                                      {logging::Field::count, std::int64_t{m.attempts}}});
  }
}

}  // namespace

}  // namespace bulwark::messaging
