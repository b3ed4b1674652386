CREATE TABLE org_sms_numbers (
  org_id BIGINT PRIMARY KEY REFERENCES orgs(id),
  phone TEXT NOT NULL UNIQUE,
  updated_at BIGINT NOT NULL
);
CREATE TABLE sms_templates (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  kind TEXT NOT NULL,
  body TEXT NOT NULL,
  updated_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, kind)
);
CREATE TABLE sms_messages (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  customer_id BIGINT REFERENCES customers(id),
  work_order_id BIGINT REFERENCES work_orders(id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
  kind TEXT NOT NULL,
  phone TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received','queued','sending','sent','delivered','undelivered','failed','suppressed')),
  idempotency_key TEXT,
  provider_sid TEXT UNIQUE,
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL DEFAULT 0,
  claimed_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX sms_messages_due ON sms_messages(status, next_attempt_at, id);
CREATE INDEX sms_messages_customer ON sms_messages(org_id, customer_id, id);
CREATE INDEX sms_messages_org ON sms_messages(org_id, id);
CREATE TABLE webhook_events (
  provider TEXT NOT NULL,
  event_id TEXT NOT NULL,
  received_at BIGINT NOT NULL,
  PRIMARY KEY (provider, event_id)
);
CREATE TABLE invoice_payments (
  invoice_id BIGINT PRIMARY KEY REFERENCES invoices(id),
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  checkout_session_id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
ALTER TABLE invoices ADD COLUMN payment_intent_id TEXT;
CREATE INDEX invoices_payment_intent ON invoices(payment_intent_id);
ALTER TABLE work_orders ADD COLUMN customer_confirmed_at BIGINT;
ALTER TABLE customers ADD COLUMN sms_opt_out_by_customer INTEGER NOT NULL DEFAULT 0;
