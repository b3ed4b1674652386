#include "messaging/consent.hpp"

namespace bulwark::messaging {

namespace {

using store::Sql;

// Writes the choice unless it is already the recorded one.
bool upsert(store::Connection& conn, std::int64_t org_id, const std::string& phone,
            std::string_view state, std::string_view source, std::int64_t now_ms) {
  return !conn.query(Sql("INSERT INTO sms_consent (org_id, phone_e164, state, changed_at, source) "
                         "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, phone_e164) DO UPDATE "
                         "SET state = excluded.state, changed_at = excluded.changed_at, "
                         "source = excluded.source WHERE sms_consent.state <> excluded.state OR "
                         "sms_consent.source <> excluded.source RETURNING 1"),
                     {org_id, phone, std::string(state), now_ms, std::string(source)})
              .empty();
}

}  // namespace

std::optional<Consent> consent_for(store::Connection& conn, std::int64_t org_id,
                                   const std::string& phone_e164) {
  auto r = conn.query(Sql("SELECT state, changed_at, source FROM sms_consent WHERE org_id = $1 "
                          "AND phone_e164 = $2"),
                      {org_id, phone_e164});
  if (r.empty()) return std::nullopt;
  return Consent{r.rows[0].text(0), r.rows[0].integer(1), r.rows[0].text(2)};
}

bool may_text(store::Connection& conn, std::int64_t org_id, const std::string& phone_e164,
              bool record_opted_out) {
  if (record_opted_out || phone_e164.empty()) return false;
  const auto c = consent_for(conn, org_id, phone_e164);
  return !(c && c->opted_out());
}

bool record_texted_choice(store::Connection& conn, std::int64_t org_id,
                          const std::string& phone_e164, bool opt_out, std::int64_t now_ms) {
  return upsert(conn, org_id, phone_e164, opt_out ? kOptedOut : kOptedIn, kSourceCustomerSms,
                now_ms);
}

OfficeChoice record_office_choice(store::Connection& conn, std::int64_t org_id,
                                  const std::string& phone_e164, bool opt_out,
                                  std::int64_t now_ms) {
  const auto current = consent_for(conn, org_id, phone_e164);
  if (opt_out) {
    // Already opted out: keep who did it (a customer's STOP stays theirs).
    if (current && current->opted_out()) return OfficeChoice::unchanged;
    upsert(conn, org_id, phone_e164, kOptedOut, kSourceOffice, now_ms);
    return OfficeChoice::changed;
  }
  if (!current || !current->opted_out()) return OfficeChoice::unchanged;
  if (current->by_customer()) return OfficeChoice::refused_customer_stop;
  upsert(conn, org_id, phone_e164, kOptedIn, kSourceOffice, now_ms);
  return OfficeChoice::changed;
}

std::vector<std::int64_t> mirror_consent_to_customers(store::Connection& conn, std::int64_t org_id,
                                                      const std::string& phone_e164,
                                                      std::int64_t now_ms) {
  const auto c = consent_for(conn, org_id, phone_e164);
  const std::int64_t out = c && c->opted_out() ? 1 : 0;
  const std::int64_t by_customer = c && c->by_customer() ? 1 : 0;
  auto r = conn.query(Sql("UPDATE customers SET sms_opt_out = $3, sms_opt_out_by_customer = $4, "
                          "updated_at = $5, version = version + 1 WHERE org_id = $1 AND phone = $2 "
                          "AND (sms_opt_out <> $3 OR sms_opt_out_by_customer <> $4) RETURNING id"),
                      {org_id, phone_e164, out, by_customer, now_ms});
  std::vector<std::int64_t> ids;
  for (const auto& row : r.rows) ids.push_back(row.integer(0));
  return ids;
}

}  // namespace bulwark::messaging
