#include "messaging/consent.hpp"

#include <boost/describe/class.hpp>

#include "domain/customers/blind.hpp"
#include "store/org_tx.hpp"

namespace bulwark::messaging {

namespace {

using store::OrgSql;

// The list is keyed by the number's blind index; the number itself is
// sealed (issue 13: the consent list holds no plain phone numbers).
constexpr OrgSql kConsent(
    "SELECT state, changed_at, source, row_key, phone FROM sms_consent "
    "WHERE org_id = $1 AND phone_bidx = $2");
// Writes the choice unless it is already the recorded one (a new row's key
// and sealed number; an existing row keeps its own).
constexpr OrgSql kRecord(
    "INSERT INTO sms_consent (org_id, phone_bidx, state, changed_at, source, row_key, phone) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT (org_id, phone_bidx) DO UPDATE "
    "SET state = excluded.state, changed_at = excluded.changed_at, source = excluded.source "
    "WHERE sms_consent.state <> excluded.state OR sms_consent.source <> excluded.source "
    "RETURNING 1");
constexpr OrgSql kMirror(
    "UPDATE customers SET sms_opt_out = $3, sms_opt_out_by_customer = $4, updated_at = $5, "
    "version = version + 1 WHERE org_id = $1 AND phone_bidx = $2 "
    "AND (sms_opt_out <> $3 OR sms_opt_out_by_customer <> $4) RETURNING id");

struct ConsentRow {
  std::string state;
  std::int64_t changed_at = 0;
  std::string source;
  std::optional<std::string> row_key;
  std::string phone;
};
BOOST_DESCRIBE_STRUCT(ConsentRow, (), (state, changed_at, source, row_key, phone))

struct IdRow {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(IdRow, (), (id))

bool upsert(store::Connection& conn, std::int64_t org_id, const std::string& phone,
            std::string_view state, std::string_view source, std::int64_t now_ms) {
  store::OrgTx tx(conn, org_id);
  const auto key = tx.new_row_key();
  return !tx.run(kRecord, domain::customers::phone_bidx(tx, phone), state, now_ms, source, key,
                 tx.seal("sms_consent", "phone", key, phone))
              .empty();
}

}  // namespace

std::optional<Consent> consent_for(store::Connection& conn, std::int64_t org_id,
                                   const std::string& phone_e164) {
  store::OrgTx tx(conn, org_id);
  const auto row = tx.one<ConsentRow>(kConsent, domain::customers::phone_bidx(tx, phone_e164));
  if (!row) return std::nullopt;
  // A truncated index may match another number: check the sealed one (a
  // row not sealed yet holds the number itself).
  const auto phone =
      row->row_key ? tx.open("sms_consent", "phone", *row->row_key, row->phone) : row->phone;
  if (phone != phone_e164) return std::nullopt;
  return Consent{row->state, row->changed_at, row->source};
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
  for (const auto& row : tx.all<IdRow>(kMirror, domain::customers::phone_bidx(tx, phone_e164),
                                       c && c->opted_out(), c && c->by_customer(), now_ms))
    ids.push_back(row.id);
  return ids;
}

}  // namespace bulwark::messaging
