#include "jobs/stripe_jobs.hpp"

#include <fmt/format.h>

#include "audit/audit_log.hpp"
#include "identity/clock.hpp"
#include "net/http_client.hpp"
#include "store/org_tx.hpp"

namespace bulwark::jobs {

namespace {

using store::OrgSql;

constexpr OrgSql kExpireSession(
    "UPDATE checkout_sessions SET status = 'expired', expired_at = $3 "
    "WHERE org_id = $1 AND session_id = $2 AND status = 'active'");

// Stripe ids are [A-Za-z0-9_]; anything else would change the request path.
bool is_stripe_id(std::string_view id) {
  if (id.empty() || id.size() > 255) return false;
  for (char c : id)
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_'))
      return false;
  return true;
}

std::optional<std::int64_t> integer_at(const boost::json::object& o, std::string_view key) {
  auto* v = o.if_contains(key);
  if (v && v->is_int64()) return v->as_int64();
  return std::nullopt;
}

}  // namespace

void enqueue_session_expiry(store::Connection& conn, std::int64_t org_id, std::int64_t invoice_id,
                            const std::string& session_id) {
  enqueue_job(conn, kExpireCheckoutSession,
              {{"org_id", org_id}, {"invoice_id", invoice_id}, {"session_id", session_id}},
              session_id, org_id);
}

JobResult expire_checkout_session(const JobContext& ctx, const Job& job) {
  const auto* sid = job.payload.if_contains("session_id");
  const auto org = integer_at(job.payload, "org_id");
  const auto invoice = integer_at(job.payload, "invoice_id");
  if (!sid || !sid->is_string() || !is_stripe_id(sid->as_string()) || !org || !invoice)
    return {HttpVerdict::give_up, "invalid_payload"};
  const std::string session(sid->as_string());
  const auto& config = ctx.config;
  net::PostRequest request{
      .url = config.stripe_api_base + "/v1/checkout/sessions/" + session + "/expire",
      .form = {},
      .headers = {"Idempotency-Key: bulwark-expire-" + session},
      .basic_user = {},
      .basic_password = {},
      .bearer_token = config.stripe_api_key.reveal(),
      .timeout = std::chrono::seconds(15),
  };
  const auto result = net::post_form(request);
  const auto verdict = verdict_of_http(result.status);
  if (verdict != HttpVerdict::done)
    return {verdict, result.status == 0 ? std::string("stripe_unreachable")
                                        : fmt::format("stripe_http_{}", result.status)};
  ctx.db.transaction([&](store::Connection& conn) {
    const auto now = identity::now_ms();
    auto r = store::OrgTx(conn, *org).run(kExpireSession, session, now);
    if (r.affected == 0) return;
    audit::Entry entry;
    entry.org_id = *org;
    entry.actor_type = "system";
    entry.action = "invoice.payment_link_expired";
    entry.target_type = "invoice";
    entry.target_id = std::to_string(*invoice);
    entry.fields = {"checkout_session"};
    audit::append(conn, entry);
  });
  return {HttpVerdict::done, {}};
}

}  // namespace bulwark::jobs
