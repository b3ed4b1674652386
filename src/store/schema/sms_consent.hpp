#pragma once
// Migration 0006: SMS consent belongs to the phone number, and outbound
// texts that a newer one replaced are withdrawn.
//
// sms_consent: one row per (organization, phone number in E.164) that has
// made a choice. A STOP is recorded whoever sent it: a customer, a
// soft-deleted customer, a number that is no customer yet. The row has no
// foreign key to customers on purpose: erasing a customer must not make the
// number textable again (GDPR Art. 17(3)(b): kept to comply with the TCPA).
// source says who made the choice: 'customer_sms' (a keyword texted by the
// number; only the number can undo it) or 'office' (staff recorded it).
// Existing opt-outs move here from customers.sms_opt_out and
// sms_opt_out_by_customer, which stay (expand-then-contract) and are kept in
// step for instances of the previous release.
//
// work_orders.notify_customer: 0 for work the office records after the fact
// (and for demo data): such a work order never texts its customer, and its
// start may lie in the past.
//
// sms_messages.status gains 'superseded': an unsent confirmation or reminder
// that a newer confirmation or a cancellation replaced; never sent. A CHECK
// constraint changes in place on PostgreSQL; SQLite rebuilds the table with
// the same columns, defaults and indexes (this migration runs with foreign
// keys off, checked by PRAGMA foreign_key_check before commit).
namespace bulwark::store::schema {

#define BULWARK_SMS_CONSENT_SCHEMA(BIG)                                                     \
  "CREATE TABLE sms_consent (\n"                                                          \
  "  org_id " BIG " NOT NULL REFERENCES orgs(id),\n"                                      \
  "  phone_e164 TEXT NOT NULL,\n"                                                         \
  "  state TEXT NOT NULL CHECK (state IN ('opted_out','opted_in')),\n"                    \
  "  changed_at " BIG " NOT NULL,\n"                                                      \
  "  source TEXT NOT NULL CHECK (source IN ('customer_sms','office')),\n"                 \
  "  PRIMARY KEY (org_id, phone_e164)\n"                                                  \
  ");\n"                                                                                  \
  "INSERT INTO sms_consent (org_id, phone_e164, state, changed_at, source)\n"             \
  "  SELECT org_id, phone, 'opted_out', MAX(updated_at),\n"                               \
  "         CASE WHEN MAX(sms_opt_out_by_customer) = 1 THEN 'customer_sms' ELSE 'office' END\n" \
  "  FROM customers WHERE (sms_opt_out = 1 OR sms_opt_out_by_customer = 1)\n"             \
  "    AND phone IS NOT NULL AND phone <> ''\n"                                           \
  "  GROUP BY org_id, phone;\n"                                                           \
  "ALTER TABLE work_orders ADD COLUMN notify_customer INTEGER NOT NULL DEFAULT 1;\n"

#define BULWARK_SMS_STATUSES                                                                \
  "'received','queued','sending','sent','delivered','undelivered','failed','suppressed',"  \
  "'superseded'"

inline constexpr char kSmsConsentSqlite[] =
    BULWARK_SMS_CONSENT_SCHEMA("INTEGER")
    "CREATE TABLE sms_messages_new (\n"
    "  id INTEGER PRIMARY KEY,\n"
    "  org_id INTEGER NOT NULL REFERENCES orgs(id),\n"
    "  customer_id INTEGER REFERENCES customers(id),\n"
    "  work_order_id INTEGER REFERENCES work_orders(id),\n"
    "  direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),\n"
    "  kind TEXT NOT NULL,\n"
    "  phone TEXT NOT NULL,\n"
    "  body TEXT NOT NULL,\n"
    "  status TEXT NOT NULL CHECK (status IN (" BULWARK_SMS_STATUSES ")),\n"
    "  idempotency_key TEXT,\n"
    "  provider_sid TEXT UNIQUE,\n"
    "  attempts INTEGER NOT NULL DEFAULT 0,\n"
    "  next_attempt_at INTEGER NOT NULL DEFAULT 0,\n"
    "  claimed_until INTEGER,\n"
    "  last_error TEXT,\n"
    "  created_at INTEGER NOT NULL,\n"
    "  updated_at INTEGER NOT NULL,\n"
    "  UNIQUE (org_id, idempotency_key)\n"
    ");\n"
    "INSERT INTO sms_messages_new (id, org_id, customer_id, work_order_id, direction, kind, "
    "phone, body, status, idempotency_key, provider_sid, attempts, next_attempt_at, "
    "claimed_until, last_error, created_at, updated_at)\n"
    "  SELECT id, org_id, customer_id, work_order_id, direction, kind, phone, body, status, "
    "idempotency_key, provider_sid, attempts, next_attempt_at, claimed_until, last_error, "
    "created_at, updated_at FROM sms_messages;\n"
    "DROP TABLE sms_messages;\n"
    "ALTER TABLE sms_messages_new RENAME TO sms_messages;\n"
    "CREATE INDEX sms_messages_due ON sms_messages(status, next_attempt_at, id);\n"
    "CREATE INDEX sms_messages_customer ON sms_messages(org_id, customer_id, id);\n"
    "CREATE INDEX sms_messages_org ON sms_messages(org_id, id);\n";

inline constexpr char kSmsConsentPostgres[] =
    BULWARK_SMS_CONSENT_SCHEMA("BIGINT")
    "ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_status_check,\n"
    "  ADD CONSTRAINT sms_messages_status_check CHECK (status IN (" BULWARK_SMS_STATUSES "));\n";

#undef BULWARK_SMS_STATUSES
#undef BULWARK_SMS_CONSENT_SCHEMA

}  // namespace bulwark::store::schema
