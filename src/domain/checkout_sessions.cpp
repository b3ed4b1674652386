#include "domain/checkout_sessions.hpp"

#include <algorithm>
#include <boost/describe/class.hpp>
#include <cctype>

namespace bulwark::domain {

namespace {

using store::OrgSql;

constexpr OrgSql kFind(
    "SELECT session_id, url, amount_cents, currency, invoice_version, status "
    "FROM checkout_sessions WHERE org_id = $1 AND invoice_id = $2 AND "
    "(CAST($3 AS TEXT) IS NULL OR session_id = CAST($3 AS TEXT)) ORDER BY id DESC LIMIT 1");
// Created by the previous release: it asked for the invoice's total.
constexpr OrgSql kFindLegacy(
    "SELECT p.checkout_session_id AS session_id, p.url, i.total_cents AS amount_cents, "
    "i.currency, i.version AS invoice_version, 'active' AS status FROM invoice_payments p "
    "JOIN invoices i ON i.org_id = $1 AND i.id = p.invoice_id WHERE p.org_id = $1 AND "
    "p.invoice_id = $2 AND (CAST($3 AS TEXT) IS NULL OR p.checkout_session_id = CAST($3 AS TEXT))");
constexpr OrgSql kActive(
    "SELECT session_id FROM checkout_sessions WHERE org_id = $1 AND invoice_id = $2 AND "
    "status = 'active' UNION SELECT checkout_session_id AS session_id FROM invoice_payments "
    "WHERE org_id = $1 AND invoice_id = $2");
constexpr OrgSql kInsert(
    "INSERT INTO checkout_sessions (org_id, invoice_id, invoice_version, session_id, url, "
    "amount_cents, currency, status, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7, 'active', "
    "$8) ON CONFLICT (session_id) DO NOTHING RETURNING 1");
// What the previous release reads during a rolling upgrade.
constexpr OrgSql kInsertLegacy(
    "INSERT INTO invoice_payments (org_id, invoice_id, checkout_session_id, url, created_at) "
    "VALUES ($1, $2, $3, $4, $5) ON CONFLICT (invoice_id) DO NOTHING");
constexpr OrgSql kComplete(
    "UPDATE checkout_sessions SET status = 'completed' WHERE org_id = $1 AND session_id = $2");
constexpr OrgSql kForgetLegacy(
    "DELETE FROM invoice_payments WHERE org_id = $1 AND invoice_id = $2");

struct SessionName {
  std::string session_id;
};
BOOST_DESCRIBE_STRUCT(SessionName, (), (session_id))

}  // namespace

BOOST_DESCRIBE_STRUCT(CheckoutSession, (),
                      (session_id, url, amount_cents, currency, invoice_version, status))

bool same_currency(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<CheckoutSession> find_checkout_session(store::OrgTx& tx, std::int64_t invoice_id,
                                                     const std::optional<std::string>& session_id) {
  if (auto s = tx.one<CheckoutSession>(kFind, invoice_id, session_id)) return s;
  return tx.one<CheckoutSession>(kFindLegacy, invoice_id, session_id);
}

std::vector<std::string> active_checkout_sessions(store::OrgTx& tx, std::int64_t invoice_id) {
  std::vector<std::string> out;
  for (auto& s : tx.all<SessionName>(kActive, invoice_id)) out.push_back(std::move(s.session_id));
  return out;
}

bool record_checkout_session(store::OrgTx& tx, std::int64_t invoice_id, const CheckoutSession& s,
                             std::int64_t now_ms) {
  if (tx.run(kInsert, invoice_id, s.invoice_version, s.session_id, s.url, s.amount_cents,
             s.currency, now_ms)
          .empty())
    return false;
  tx.run(kInsertLegacy, invoice_id, s.session_id, s.url, now_ms);
  return true;
}

void complete_checkout_session(store::OrgTx& tx, const std::string& session_id) {
  tx.run(kComplete, session_id);
}

void forget_legacy_payment_link(store::OrgTx& tx, std::int64_t invoice_id) {
  tx.run(kForgetLegacy, invoice_id);
}

}  // namespace bulwark::domain
