#include "domain/checkout_sessions.hpp"

#include <algorithm>
#include <cctype>

namespace bulwark::domain {

namespace {
using store::Sql;
using store::Value;
}  // namespace

bool same_currency(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::optional<CheckoutSession> find_checkout_session(store::Connection& conn, std::int64_t org_id,
                                                     std::int64_t invoice_id,
                                                     const std::optional<std::string>& session_id) {
  const Value name = session_id ? Value(*session_id) : Value(nullptr);
  auto r = conn.query(Sql("SELECT session_id, url, amount_cents, currency, invoice_version, status "
                          "FROM checkout_sessions WHERE org_id = $1 AND invoice_id = $2 AND "
                          "(CAST($3 AS TEXT) IS NULL OR session_id = CAST($3 AS TEXT)) "
                          "ORDER BY id DESC LIMIT 1"),
                      {org_id, invoice_id, name});
  if (!r.empty()) {
    const auto& row = r.rows[0];
    return CheckoutSession{row.text(0), row.text(1), row.integer(2), row.text(3), row.integer(4),
                           row.text(5)};
  }
  // Created by the previous release: it asked for the invoice's total.
  auto legacy = conn.query(Sql("SELECT p.checkout_session_id, p.url, i.total_cents, i.currency, "
                               "i.version FROM invoice_payments p JOIN invoices i ON i.id = "
                               "p.invoice_id AND i.org_id = p.org_id WHERE p.org_id = $1 AND "
                               "p.invoice_id = $2 AND (CAST($3 AS TEXT) IS NULL OR "
                               "p.checkout_session_id = CAST($3 AS TEXT))"),
                           {org_id, invoice_id, name});
  if (legacy.empty()) return std::nullopt;
  const auto& row = legacy.rows[0];
  return CheckoutSession{row.text(0), row.text(1), row.integer(2), row.text(3), row.integer(4),
                         "active"};
}

std::vector<std::string> active_checkout_sessions(store::Connection& conn, std::int64_t org_id,
                                                  std::int64_t invoice_id) {
  std::vector<std::string> out;
  for (const auto& r : conn.query(Sql("SELECT session_id FROM checkout_sessions WHERE org_id = $1 "
                                      "AND invoice_id = $2 AND status = 'active' UNION SELECT "
                                      "checkout_session_id FROM invoice_payments WHERE org_id = $1 "
                                      "AND invoice_id = $2"),
                                  {org_id, invoice_id})
                           .rows)
    out.push_back(r.text(0));
  return out;
}

}  // namespace bulwark::domain
