CREATE TABLE org_sms_numbers (
  org_id INTEGER PRIMARY KEY REFERENCES orgs(id),
  phone TEXT NOT NULL UNIQUE,
  updated_at INTEGER NOT NULL
);
CREATE TABLE sms_templates (
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, kind)
);
CREATE TABLE sms_messages (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  customer_id INTEGER REFERENCES customers(id),
  work_order_id INTEGER REFERENCES work_orders(id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
  kind TEXT NOT NULL,
  phone TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received','queued','sending','sent','delivered','undelivered','failed','suppressed')),
  idempotency_key TEXT,
  provider_sid TEXT UNIQUE,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at INTEGER NOT NULL DEFAULT 0,
  claimed_until INTEGER,
  last_error TEXT,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX sms_messages_due ON sms_messages(status, next_attempt_at, id);
CREATE INDEX sms_messages_customer ON sms_messages(org_id, customer_id, id);
CREATE INDEX sms_messages_org ON sms_messages(org_id, id);
CREATE TABLE webhook_events (
  provider TEXT NOT NULL,
  event_id TEXT NOT NULL,
  received_at INTEGER NOT NULL,
  PRIMARY KEY (provider, event_id)
);
CREATE TABLE invoice_payments (
  invoice_id INTEGER PRIMARY KEY REFERENCES invoices(id),
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  checkout_session_id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
ALTER TABLE invoices ADD COLUMN payment_intent_id TEXT;
CREATE INDEX invoices_payment_intent ON invoices(payment_intent_id);
ALTER TABLE work_orders ADD COLUMN customer_confirmed_at INTEGER;
ALTER TABLE customers ADD COLUMN sms_opt_out_by_customer INTEGER NOT NULL DEFAULT 0;
