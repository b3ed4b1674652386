#pragma once
// Migration 0004: customer messaging (SMS thread and outbox in one table),
// per-organization SMS numbers and templates, webhook deduplication, and the
// Stripe Checkout sessions behind invoice payment links.
//
// The outbox: an outbound message is a row written in the same transaction
// as the change that caused it (status 'queued'); the sender claims rows
// ('sending' with a lease in claimed_until, so a crashed instance's claims
// expire), posts them with the row's idempotency key, and records the
// provider's id. (org_id, idempotency_key) is unique, so the same cause never
// queues two messages.
//
// customers.sms_opt_out_by_customer: the customer texted STOP. Only they can
// undo that (START); the office cannot clear such an opt-out.
namespace bulwark::store::schema {

#define BULWARK_MESSAGING_SCHEMA(ID, BIG)                                                      \
  "CREATE TABLE org_sms_numbers (\n"                                                         \
  "  org_id " BIG " PRIMARY KEY REFERENCES orgs(id),\n"                                      \
  "  phone TEXT NOT NULL UNIQUE,\n"                                                          \
  "  updated_at " BIG " NOT NULL\n"                                                          \
  ");\n"                                                                                     \
  "CREATE TABLE sms_templates (\n"                                                           \
  "  org_id " BIG " NOT NULL REFERENCES orgs(id),\n"                                         \
  "  kind TEXT NOT NULL,\n"                                                                  \
  "  body TEXT NOT NULL,\n"                                                                  \
  "  updated_at " BIG " NOT NULL,\n"                                                         \
  "  PRIMARY KEY (org_id, kind)\n"                                                           \
  ");\n"                                                                                     \
  "CREATE TABLE sms_messages (\n"                                                            \
  "  id " ID ",\n"                                                                           \
  "  org_id " BIG " NOT NULL REFERENCES orgs(id),\n"                                         \
  "  customer_id " BIG " REFERENCES customers(id),\n"                                        \
  "  work_order_id " BIG " REFERENCES work_orders(id),\n"                                    \
  "  direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),\n"                 \
  "  kind TEXT NOT NULL,\n"                                                                  \
  "  phone TEXT NOT NULL,\n"                                                                 \
  "  body TEXT NOT NULL,\n"                                                                  \
  "  status TEXT NOT NULL CHECK (status IN ('received','queued','sending','sent',"           \
  "'delivered','undelivered','failed','suppressed')),\n"                                     \
  "  idempotency_key TEXT,\n"                                                                \
  "  provider_sid TEXT UNIQUE,\n"                                                            \
  "  attempts INTEGER NOT NULL DEFAULT 0,\n"                                                 \
  "  next_attempt_at " BIG " NOT NULL DEFAULT 0,\n"                                          \
  "  claimed_until " BIG ",\n"                                                               \
  "  last_error TEXT,\n"                                                                     \
  "  created_at " BIG " NOT NULL,\n"                                                         \
  "  updated_at " BIG " NOT NULL,\n"                                                         \
  "  UNIQUE (org_id, idempotency_key)\n"                                                     \
  ");\n"                                                                                     \
  "CREATE INDEX sms_messages_due ON sms_messages(status, next_attempt_at, id);\n"            \
  "CREATE INDEX sms_messages_customer ON sms_messages(org_id, customer_id, id);\n"           \
  "CREATE INDEX sms_messages_org ON sms_messages(org_id, id);\n"                             \
  "CREATE TABLE webhook_events (\n"                                                          \
  "  provider TEXT NOT NULL,\n"                                                              \
  "  event_id TEXT NOT NULL,\n"                                                              \
  "  received_at " BIG " NOT NULL,\n"                                                        \
  "  PRIMARY KEY (provider, event_id)\n"                                                     \
  ");\n"                                                                                     \
  "CREATE TABLE invoice_payments (\n"                                                        \
  "  invoice_id " BIG " PRIMARY KEY REFERENCES invoices(id),\n"                              \
  "  org_id " BIG " NOT NULL REFERENCES orgs(id),\n"                                         \
  "  checkout_session_id TEXT NOT NULL UNIQUE,\n"                                            \
  "  url TEXT NOT NULL,\n"                                                                   \
  "  created_at " BIG " NOT NULL\n"                                                          \
  ");\n"                                                                                     \
  "ALTER TABLE invoices ADD COLUMN payment_intent_id TEXT;\n"                                \
  "CREATE INDEX invoices_payment_intent ON invoices(payment_intent_id);\n"                   \
  "ALTER TABLE work_orders ADD COLUMN customer_confirmed_at " BIG ";\n"                     \
  "ALTER TABLE customers ADD COLUMN sms_opt_out_by_customer INTEGER NOT NULL DEFAULT 0;\n"

inline constexpr char kMessagingSqlite[] =
    BULWARK_MESSAGING_SCHEMA("INTEGER PRIMARY KEY", "INTEGER");
inline constexpr char kMessagingPostgres[] =
    BULWARK_MESSAGING_SCHEMA("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT");

#undef BULWARK_MESSAGING_SCHEMA

}  // namespace bulwark::store::schema
