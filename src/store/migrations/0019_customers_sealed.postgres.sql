-- Customers, sites and the SMS consent list hold personal data sealed by the
-- organization's data key (issue 13 items 1 and 2): each row gets its random
-- row_key (the associated data that binds a ciphertext to its row), exact
-- lookups go through blind indexes (phone_bidx, email_bidx: HMAC tokens of
-- the normalised value) and the name search through customer_name_tokens
-- (one row per word and >= 3-character prefix of the name). Rows written
-- before this release keep row_key NULL until the start-up pass
-- (privacy/seal_plain_customers.cpp) seals them.
ALTER TABLE customers ADD COLUMN row_key TEXT;
ALTER TABLE customers ADD COLUMN phone_bidx TEXT;
ALTER TABLE customers ADD COLUMN email_bidx TEXT;
CREATE INDEX customers_org_phone_bidx ON customers(org_id, phone_bidx);
CREATE INDEX customers_org_email_bidx ON customers(org_id, email_bidx);
-- Indexes over columns that now hold ciphertext order nothing useful.
DROP INDEX customers_org_name;
DROP INDEX customers_org_phone;
CREATE TABLE customer_name_tokens (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  customer_id BIGINT NOT NULL,
  token TEXT NOT NULL,
  PRIMARY KEY (org_id, token, customer_id)
);
CREATE INDEX customer_name_tokens_customer ON customer_name_tokens(org_id, customer_id);
ALTER TABLE sites ADD COLUMN row_key TEXT;
-- The consent list is keyed by the number's blind index; the number itself
-- is kept sealed (row_key + phone). Existing rows are copied with a
-- 'plain:' key, unique and never a hex token, that the pass replaces.
CREATE TABLE sms_consent_sealed (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  phone_bidx TEXT NOT NULL,
  row_key TEXT,
  phone TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('opted_out','opted_in')),
  changed_at BIGINT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('customer_sms','office')),
  PRIMARY KEY (org_id, phone_bidx)
);
INSERT INTO sms_consent_sealed (org_id, phone_bidx, row_key, phone, state, changed_at, source)
  SELECT org_id, 'plain:' || phone_e164, NULL, phone_e164, state, changed_at, source FROM sms_consent;
DROP TABLE sms_consent;
ALTER TABLE sms_consent_sealed RENAME TO sms_consent;
