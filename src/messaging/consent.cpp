#include "messaging/consent.hpp"

#include <boost/describe/class.hpp>

#include "store/org_tx.hpp"

namespace bulwark::messaging {

BOOST_DESCRIBE_STRUCT(Consent, (), (state, changed_at, source))

namespace {

using store::OrgSql;

constexpr OrgSql kConsent(
    "SELECT state, changed_at, source FROM sms_consent WHERE org_id = $1 AND phone_e164 = $2");
// Writes the choice unless it is already the recorded one.
constexpr OrgSql kRecord(
    "INSERT INTO sms_consent (org_id, phone_e164, state, changed_at, source) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (org_id, phone_e164) DO UPDATE "
    "SET state = excluded.state, changed_at = excluded.changed_at, source = excluded.source "
    "WHERE sms_consent.state <> excluded.state OR sms_consent.source <> excluded.source "
    "RETURNING 1");
constexpr OrgSql kMirror(
    "UPDATE customers SET sms_opt_out = $3, sms_opt_out_by_customer = $4, updated_at = $5, "
    "version = version + 1 WHERE org_id = $1 AND phone = $2 "
    "AND (sms_opt_out <> $3 OR sms_opt_out_by_customer <> $4) RETURNING id");

struct IdRow {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(IdRow, (), (id))

bool upsert(store::Connection& conn, std::int64_t org_id, const std::string& phone,
            std::string_view state, std::string_view source, std::int64_t now_ms) {
  store::OrgTx tx(conn, org_id);
  return !tx.run(kRecord, phone, state, now_ms, source).empty();
}

}  // namespace

std::optional<Consent> consent_for(store::Connection& conn, std::int64_t org_id,
                                   const std::string& phone_e164) {
  store::OrgTx tx(conn, org_id);
  return tx.one<Consent>(kConsent, phone_e164);
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
  store::OrgTx tx(conn, org_id);
  std::vector<std::int64_t> ids;
  for (const auto& row :
       tx.all<IdRow>(kMirror, phone_e164, c && c->opted_out(), c && c->by_customer(), now_ms))
    ids.push_back(row.id);
  return ids;
}

}  // namespace bulwark::messaging
