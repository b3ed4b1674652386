CREATE TABLE sms_consent (
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  phone_e164 TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('opted_out','opted_in')),
  changed_at INTEGER NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('customer_sms','office')),
  PRIMARY KEY (org_id, phone_e164)
);
INSERT INTO sms_consent (org_id, phone_e164, state, changed_at, source)
  SELECT org_id, phone, 'opted_out', MAX(updated_at),
         CASE WHEN MAX(sms_opt_out_by_customer) = 1 THEN 'customer_sms' ELSE 'office' END
  FROM customers WHERE (sms_opt_out = 1 OR sms_opt_out_by_customer = 1)
    AND phone IS NOT NULL AND phone <> ''
  GROUP BY org_id, phone;
ALTER TABLE work_orders ADD COLUMN notify_customer INTEGER NOT NULL DEFAULT 1;
CREATE TABLE sms_messages_new (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  customer_id INTEGER REFERENCES customers(id),
  work_order_id INTEGER REFERENCES work_orders(id),
  direction TEXT NOT NULL CHECK (direction IN ('inbound','outbound')),
  kind TEXT NOT NULL,
  phone TEXT NOT NULL,
  body TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('received','queued','sending','sent','delivered','undelivered','failed','suppressed','superseded')),
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
INSERT INTO sms_messages_new (id, org_id, customer_id, work_order_id, direction, kind, phone, body, status, idempotency_key, provider_sid, attempts, next_attempt_at, claimed_until, last_error, created_at, updated_at)
  SELECT id, org_id, customer_id, work_order_id, direction, kind, phone, body, status, idempotency_key, provider_sid, attempts, next_attempt_at, claimed_until, last_error, created_at, updated_at FROM sms_messages;
DROP TABLE sms_messages;
ALTER TABLE sms_messages_new RENAME TO sms_messages;
CREATE INDEX sms_messages_due ON sms_messages(status, next_attempt_at, id);
CREATE INDEX sms_messages_customer ON sms_messages(org_id, customer_id, id);
CREATE INDEX sms_messages_org ON sms_messages(org_id, id);
