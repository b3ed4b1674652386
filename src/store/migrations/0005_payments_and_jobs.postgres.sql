CREATE TABLE jobs (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT REFERENCES orgs(id),
  kind TEXT NOT NULL,
  payload TEXT NOT NULL,
  idempotency_key TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('queued','running','done','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  next_attempt_at BIGINT NOT NULL DEFAULT 0,
  claimed_until BIGINT,
  last_error TEXT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  UNIQUE (kind, idempotency_key)
);
CREATE INDEX jobs_due ON jobs(kind, status, next_attempt_at, id);
CREATE TABLE checkout_sessions (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  invoice_id BIGINT NOT NULL REFERENCES invoices(id),
  invoice_version INTEGER NOT NULL,
  session_id TEXT NOT NULL UNIQUE,
  url TEXT NOT NULL,
  amount_cents BIGINT NOT NULL,
  currency TEXT NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('active','expired','completed')),
  created_at BIGINT NOT NULL,
  expired_at BIGINT
);
CREATE INDEX checkout_sessions_invoice ON checkout_sessions(org_id, invoice_id, id);
INSERT INTO checkout_sessions (org_id, invoice_id, invoice_version, session_id, url, amount_cents, currency, status, created_at) SELECT p.org_id, p.invoice_id, i.version, p.checkout_session_id, p.url, i.total_cents, i.currency, CASE WHEN i.status IN ('paid','refunded') THEN 'completed' ELSE 'active' END, p.created_at FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id AND i.org_id = p.org_id;
INSERT INTO jobs (org_id, kind, payload, idempotency_key, status, created_at, updated_at) SELECT p.org_id, 'stripe.expire_checkout_session', '{"org_id":' || CAST(p.org_id AS TEXT) || ',"invoice_id":' || CAST(p.invoice_id AS TEXT) || ',"session_id":"' || p.checkout_session_id || '"}', p.checkout_session_id, 'queued', p.created_at, p.created_at FROM invoice_payments p JOIN invoices i ON i.id = p.invoice_id AND i.org_id = p.org_id WHERE i.status = 'void';
DELETE FROM invoice_payments WHERE invoice_id IN (SELECT id FROM invoices WHERE status = 'void');
CREATE TABLE payment_ledger (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  invoice_id BIGINT NOT NULL REFERENCES invoices(id),
  kind TEXT NOT NULL CHECK (kind IN ('charge','refund')),
  amount_cents BIGINT NOT NULL CHECK (amount_cents > 0),
  currency TEXT NOT NULL,
  source TEXT NOT NULL,
  external_id TEXT,
  payment_intent_id TEXT,
  charge_id TEXT,
  refund_id TEXT,
  event_id TEXT,
  checkout_session_id TEXT,
  recorded_by BIGINT REFERENCES users(id),
  at BIGINT NOT NULL,
  UNIQUE (source, external_id)
);
CREATE INDEX payment_ledger_invoice ON payment_ledger(org_id, invoice_id, id);
CREATE INDEX payment_ledger_charge ON payment_ledger(charge_id);
INSERT INTO payment_ledger (org_id, invoice_id, kind, amount_cents, currency, source, external_id, payment_intent_id, at) SELECT org_id, id, 'charge', total_cents, currency, 'legacy', 'invoice:' || CAST(id AS TEXT), payment_intent_id, COALESCE(paid_at, updated_at) FROM invoices WHERE status IN ('paid','refunded') AND total_cents > 0;
INSERT INTO payment_ledger (org_id, invoice_id, kind, amount_cents, currency, source, external_id, at) SELECT org_id, id, 'refund', total_cents, currency, 'legacy', 'invoice-refund:' || CAST(id AS TEXT), updated_at FROM invoices WHERE status = 'refunded' AND total_cents > 0;
CREATE TABLE payment_mismatches (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  invoice_id BIGINT NOT NULL REFERENCES invoices(id),
  kind TEXT NOT NULL,
  expected_cents BIGINT,
  received_cents BIGINT,
  expected_currency TEXT,
  currency TEXT,
  invoice_status TEXT NOT NULL,
  needs_refund INTEGER NOT NULL DEFAULT 0,
  event_type TEXT NOT NULL,
  event_id TEXT NOT NULL,
  checkout_session_id TEXT,
  payment_intent_id TEXT,
  at BIGINT NOT NULL
);
CREATE INDEX payment_mismatches_invoice ON payment_mismatches(org_id, invoice_id, id);
