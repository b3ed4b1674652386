#include "domain/payment_ledger.hpp"

#include "domain/timestamps.hpp"

namespace bulwark::domain {

namespace {

using store::Sql;
using store::Value;

Value opt(const std::optional<std::string>& v) { return v ? Value(*v) : Value(nullptr); }
Value opt(const std::optional<std::int64_t>& v) { return v ? Value(*v) : Value(nullptr); }
boost::json::value json_opt(const store::Row& r, std::size_t i, bool integer) {
  if (r.is_null(i)) return nullptr;
  return integer ? boost::json::value(r.integer(i)) : boost::json::value(r.text(i));
}

}  // namespace

bool record_ledger_entry(store::Connection& conn, const LedgerEntry& e) {
  auto r = conn.query(
      Sql("INSERT INTO payment_ledger (org_id, invoice_id, kind, amount_cents, currency, source, "
          "external_id, payment_intent_id, charge_id, refund_id, event_id, checkout_session_id, "
          "recorded_by, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14) "
          "ON CONFLICT (source, external_id) DO NOTHING RETURNING id"),
      {e.org_id, e.invoice_id, e.kind, e.amount_cents, e.currency, e.source, opt(e.external_id),
       opt(e.payment_intent_id), opt(e.charge_id), opt(e.refund_id), opt(e.event_id),
       opt(e.checkout_session_id), opt(e.recorded_by), e.at});
  return !r.empty();
}

PaymentState payment_state(store::Connection& conn, std::int64_t org_id, std::int64_t invoice_id,
                           std::int64_t total_cents) {
  auto r = conn.query(Sql("SELECT COALESCE(SUM(CASE WHEN kind = 'charge' THEN amount_cents "
                          "ELSE 0 END), 0), COALESCE(SUM(CASE WHEN kind = 'refund' THEN "
                          "amount_cents ELSE 0 END), 0) FROM payment_ledger WHERE org_id = $1 "
                          "AND invoice_id = $2"),
                      {org_id, invoice_id});
  PaymentState s;
  s.paid_cents = r.rows.at(0).integer(0);
  s.refunded_cents = r.rows.at(0).integer(1);
  s.balance_cents = total_cents - s.paid_cents + s.refunded_cents;
  if (s.paid_cents == 0) s.state = "unpaid";
  else if (s.refunded_cents >= s.paid_cents) s.state = "refunded";
  else if (s.refunded_cents > 0) s.state = "partially_refunded";
  else if (s.paid_cents < total_cents) s.state = "partially_paid";
  else s.state = "paid";
  return s;
}

bool record_mismatch(store::Connection& conn, const PaymentMismatch& m) {
  // One payment is often reported by several events (checkout.session.completed
  // and payment_intent.succeeded): the office sees it once.
  if (m.payment_intent_id || m.checkout_session_id) {
    auto seen = conn.query(
        Sql("SELECT 1 FROM payment_mismatches WHERE org_id = $1 AND invoice_id = $2 AND kind = $3 "
            "AND ((CAST($4 AS TEXT) IS NOT NULL AND payment_intent_id = CAST($4 AS TEXT)) OR "
            "(CAST($4 AS TEXT) IS NULL AND checkout_session_id = CAST($5 AS TEXT)))"),
        {m.org_id, m.invoice_id, m.kind, opt(m.payment_intent_id), opt(m.checkout_session_id)});
    if (!seen.empty()) return false;
  }
  conn.query(Sql("INSERT INTO payment_mismatches (org_id, invoice_id, kind, expected_cents, "
                 "received_cents, expected_currency, currency, invoice_status, needs_refund, "
                 "event_type, event_id, checkout_session_id, payment_intent_id, at) VALUES ($1, "
                 "$2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)"),
             {m.org_id, m.invoice_id, m.kind, opt(m.expected_cents), opt(m.received_cents),
              opt(m.expected_currency), opt(m.currency), m.invoice_status,
              std::int64_t{m.needs_refund ? 1 : 0}, m.event_type, m.event_id,
              opt(m.checkout_session_id), opt(m.payment_intent_id), m.at});
  return true;
}

boost::json::array mismatches_view(store::Connection& conn, std::int64_t org_id,
                                   std::int64_t invoice_id) {
  boost::json::array out;
  for (const auto& r : conn.query(Sql("SELECT kind, expected_cents, received_cents, "
                                      "expected_currency, currency, invoice_status, needs_refund, "
                                      "event_type, at FROM payment_mismatches WHERE org_id = $1 "
                                      "AND invoice_id = $2 ORDER BY id"),
                                  {org_id, invoice_id})
                           .rows)
    out.push_back({{"kind", r.text(0)},
                   {"expected_cents", json_opt(r, 1, true)},
                   {"received_cents", json_opt(r, 2, true)},
                   {"expected_currency", json_opt(r, 3, false)},
                   {"currency", json_opt(r, 4, false)},
                   {"invoice_status", r.text(5)},
                   {"needs_refund", r.integer(6) != 0},
                   {"event_type", r.text(7)},
                   {"at", format_rfc3339(r.integer(8))}});
  return out;
}

boost::json::array ledger_view(store::Connection& conn, std::int64_t org_id,
                               std::int64_t invoice_id) {
  boost::json::array out;
  for (const auto& r : conn.query(Sql("SELECT kind, amount_cents, currency, source, "
                                      "payment_intent_id, charge_id, refund_id, at FROM "
                                      "payment_ledger WHERE org_id = $1 AND invoice_id = $2 "
                                      "ORDER BY id"),
                                  {org_id, invoice_id})
                           .rows)
    out.push_back({{"kind", r.text(0)},
                   {"amount_cents", r.integer(1)},
                   {"currency", r.text(2)},
                   {"source", r.text(3)},
                   {"payment_intent_id", json_opt(r, 4, false)},
                   {"charge_id", json_opt(r, 5, false)},
                   {"refund_id", json_opt(r, 6, false)},
                   {"at", format_rfc3339(r.integer(7))}});
  return out;
}

}  // namespace bulwark::domain
