-- Email (issue 14 item 3): the outbox of messages to send, written in the
-- transaction of their cause, sent over SMTP by the jobs worker (job kind
-- mail.send). The recipient's address, the subject and both bodies are
-- personal data: sealed per row (AES-256-GCM, the organization's data key)
-- with this random row key in the associated data. last_error is a class
-- ("smtp_451", "smtp_connect"), never the server's answer or the address.
CREATE TABLE email_outbox (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  kind TEXT NOT NULL,
  customer_id INTEGER REFERENCES customers(id),
  to_customer INTEGER NOT NULL DEFAULT 0,
  to_address TEXT NOT NULL,
  subject TEXT NOT NULL,
  body_text TEXT NOT NULL,
  body_html TEXT NOT NULL,
  row_key TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','sent','failed')),
  attempts INTEGER NOT NULL DEFAULT 0,
  last_error TEXT,
  message_id TEXT,
  idempotency_key TEXT NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  sent_at INTEGER,
  UNIQUE (org_id, idempotency_key)
);
CREATE INDEX email_outbox_org ON email_outbox(org_id, id);
-- The organization's own address for replies (Reply-To); the From address is
-- the operator's BULWARK_MAIL_FROM. Not personal data: a business address.
ALTER TABLE orgs ADD COLUMN reply_to_email TEXT;
