#pragma once
// Migration 0005: the general jobs outbox, Checkout Sessions per invoice
// version, the payment ledger and the payment mismatches the office sees.
//
// jobs: every call to an outside service (Stripe session expiry now; email,
// SIEM streaming, alert webhooks later) is a row written in the transaction
// of its cause. Workers claim due rows in batches ('running' with a lease in
// claimed_until; FOR UPDATE SKIP LOCKED on PostgreSQL), retry transport
// errors, 429 and 5xx with back-off, and give up ('failed') on other answers
// or after N attempts. (kind, idempotency_key) is unique: one cause, one job.
// last_error holds a short code ("stripe_http_503"), never a body or PII.
//
// checkout_sessions: what Bulwark asked Stripe to collect, per invoice
// version (amount and currency), so a payment event is matched against it.
// invoice_payments (0004) keeps one session per invoice and is what the
// previous release reads: it is still written (and its row is deleted when
// the invoice is voided, so an old instance stops handing out the link).
// Existing rows are copied here; a void invoice's session is queued for
// expiry at Stripe.
//
// payment_ledger: money, one row per charge or refund (amount_cents > 0).
// The invoice's paid / refunded state is derived from the sum of its rows.
// source says where the money moved ('stripe'; 'manual' when the office
// marked an invoice paid; 'legacy' for invoices paid before the ledger;
// later 'cash', 'check'). (source, external_id) is unique: the payment
// intent for a Stripe charge, the refund id for a refund, so a repeated
// event records nothing twice.
//
// payment_mismatches: a payment event that did not match what we asked for
// (amount, currency, status, invoice not open). It changes nothing else;
// needs_refund is set when money arrived for a void or already paid invoice.
namespace bulwark::store::schema {

#define BULWARK_PAYMENTS_JOBS_SCHEMA(ID, BIG)                                                 \
  "CREATE TABLE jobs (\n"                                                                    \
  "  id " ID ",\n"                                                                           \
  "  org_id " BIG " REFERENCES orgs(id),\n"                                                  \
  "  kind TEXT NOT NULL,\n"                                                                  \
  "  payload TEXT NOT NULL,\n"                                                               \
  "  idempotency_key TEXT NOT NULL,\n"                                                       \
  "  status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed')),\n"         \
  "  attempts INTEGER NOT NULL DEFAULT 0,\n"                                                 \
  "  next_attempt_at " BIG " NOT NULL DEFAULT 0,\n"                                          \
  "  claimed_until " BIG ",\n"                                                               \
  "  last_error TEXT,\n"                                                                     \
  "  created_at " BIG " NOT NULL,\n"                                                         \
  "  updated_at " BIG " NOT NULL,\n"                                                         \
  "  UNIQUE (kind, idempotency_key)\n"                                                       \
  ");\n"                                                                                     \
  "CREATE INDEX jobs_due ON jobs(kind, status, next_attempt_at, id);\n"                      \
  "CREATE TABLE checkout_sessions (\n"                                                       \
  "  id " ID ",\n"                                                                           \
  "  org_id " BIG " NOT NULL REFERENCES orgs(id),\n"                                         \
  "  invoice_id " BIG " NOT NULL REFERENCES invoices(id),\n"                                 \
  "  invoice_version INTEGER NOT NULL,\n"                                                    \
  "  session_id TEXT NOT NULL UNIQUE,\n"                                                     \
  "  url TEXT NOT NULL,\n"                                                                   \
  "  amount_cents " BIG " NOT NULL,\n"                                                       \
  "  currency TEXT NOT NULL,\n"                                                              \
  "  status TEXT NOT NULL CHECK (status IN ('active','expired','completed')),\n"             \
  "  created_at " BIG " NOT NULL,\n"                                                         \
  "  expired_at " BIG "\n"                                                                   \
  ");\n"                                                                                     \
  "CREATE INDEX checkout_sessions_invoice ON checkout_sessions(org_id, invoice_id, id);\n"   \
  "INSERT INTO checkout_sessions (org_id, invoice_id, invoice_version, session_id, url, "    \
  "amount_cents, currency, status, created_at) SELECT p.org_id, p.invoice_id, i.version, "   \
  "p.checkout_session_id, p.url, i.total_cents, i.currency, CASE WHEN i.status IN "          \
  "('paid','refunded') THEN 'completed' ELSE 'active' END, p.created_at FROM "               \
  "invoice_payments p JOIN invoices i ON i.id = p.invoice_id AND i.org_id = p.org_id;\n"     \
  "INSERT INTO jobs (org_id, kind, payload, idempotency_key, status, created_at, "           \
  "updated_at) SELECT p.org_id, 'stripe.expire_checkout_session', "                          \
  "'{\"org_id\":' || CAST(p.org_id AS TEXT) || ',\"invoice_id\":' || "                       \
  "CAST(p.invoice_id AS TEXT) || ',\"session_id\":\"' || p.checkout_session_id || '\"}', "   \
  "p.checkout_session_id, 'queued', p.created_at, p.created_at FROM invoice_payments p "     \
  "JOIN invoices i ON i.id = p.invoice_id AND i.org_id = p.org_id WHERE i.status = 'void';\n" \
  "DELETE FROM invoice_payments WHERE invoice_id IN (SELECT id FROM invoices WHERE "         \
  "status = 'void');\n"                                                                      \
  "CREATE TABLE payment_ledger (\n"                                                          \
  "  id " ID ",\n"                                                                           \
  "  org_id " BIG " NOT NULL REFERENCES orgs(id),\n"                                         \
  "  invoice_id " BIG " NOT NULL REFERENCES invoices(id),\n"                                 \
  "  kind TEXT NOT NULL CHECK (kind IN ('charge','refund')),\n"                              \
  "  amount_cents " BIG " NOT NULL CHECK (amount_cents > 0),\n"                              \
  "  currency TEXT NOT NULL,\n"                                                              \
  "  source TEXT NOT NULL,\n"                                                                \
  "  external_id TEXT,\n"                                                                    \
  "  payment_intent_id TEXT,\n"                                                              \
  "  charge_id TEXT,\n"                                                                      \
  "  refund_id TEXT,\n"                                                                      \
  "  event_id TEXT,\n"                                                                       \
  "  checkout_session_id TEXT,\n"                                                            \
  "  recorded_by " BIG " REFERENCES users(id),\n"                                            \
  "  at " BIG " NOT NULL,\n"                                                                 \
  "  UNIQUE (source, external_id)\n"                                                         \
  ");\n"                                                                                     \
  "CREATE INDEX payment_ledger_invoice ON payment_ledger(org_id, invoice_id, id);\n"         \
  "CREATE INDEX payment_ledger_charge ON payment_ledger(charge_id);\n"                       \
  "INSERT INTO payment_ledger (org_id, invoice_id, kind, amount_cents, currency, source, "   \
  "external_id, payment_intent_id, at) SELECT org_id, id, 'charge', total_cents, currency, " \
  "'legacy', 'invoice:' || CAST(id AS TEXT), payment_intent_id, COALESCE(paid_at, "          \
  "updated_at) FROM invoices WHERE status IN ('paid','refunded') AND total_cents > 0;\n"     \
  "INSERT INTO payment_ledger (org_id, invoice_id, kind, amount_cents, currency, source, "   \
  "external_id, at) SELECT org_id, id, 'refund', total_cents, currency, 'legacy', "          \
  "'invoice-refund:' || CAST(id AS TEXT), updated_at FROM invoices WHERE status = "          \
  "'refunded' AND total_cents > 0;\n"                                                        \
  "CREATE TABLE payment_mismatches (\n"                                                      \
  "  id " ID ",\n"                                                                           \
  "  org_id " BIG " NOT NULL REFERENCES orgs(id),\n"                                         \
  "  invoice_id " BIG " NOT NULL REFERENCES invoices(id),\n"                                 \
  "  kind TEXT NOT NULL,\n"                                                                  \
  "  expected_cents " BIG ",\n"                                                              \
  "  received_cents " BIG ",\n"                                                              \
  "  expected_currency TEXT,\n"                                                              \
  "  currency TEXT,\n"                                                                       \
  "  invoice_status TEXT NOT NULL,\n"                                                        \
  "  needs_refund INTEGER NOT NULL DEFAULT 0,\n"                                             \
  "  event_type TEXT NOT NULL,\n"                                                            \
  "  event_id TEXT NOT NULL,\n"                                                              \
  "  checkout_session_id TEXT,\n"                                                            \
  "  payment_intent_id TEXT,\n"                                                              \
  "  at " BIG " NOT NULL\n"                                                                  \
  ");\n"                                                                                     \
  "CREATE INDEX payment_mismatches_invoice ON payment_mismatches(org_id, invoice_id, id);\n"

inline constexpr char kPaymentsJobsSqlite[] =
    BULWARK_PAYMENTS_JOBS_SCHEMA("INTEGER PRIMARY KEY", "INTEGER");
inline constexpr char kPaymentsJobsPostgres[] =
    BULWARK_PAYMENTS_JOBS_SCHEMA("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT");

#undef BULWARK_PAYMENTS_JOBS_SCHEMA

}  // namespace bulwark::store::schema
