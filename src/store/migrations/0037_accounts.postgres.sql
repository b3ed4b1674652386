-- Accounts and memberships (issue 14 item 4): one person may belong to
-- several organizations. See the SQLite file for the reasons; PostgreSQL
-- moves the column and the UNIQUE in place.
CREATE TABLE accounts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  last_org_id BIGINT REFERENCES orgs(id),
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
INSERT INTO accounts (email, password_hash, created_at, updated_at)
  SELECT email, password_hash, created_at, updated_at FROM users ORDER BY id;

ALTER TABLE users ADD COLUMN account_id BIGINT REFERENCES accounts(id);
UPDATE users SET account_id = (SELECT a.id FROM accounts a WHERE a.email = users.email);
ALTER TABLE users ALTER COLUMN account_id SET NOT NULL;
ALTER TABLE users DROP COLUMN password_hash;
ALTER TABLE users DROP CONSTRAINT users_email_key;
ALTER TABLE users ADD CONSTRAINT users_org_account UNIQUE (org_id, account_id);
ALTER TABLE users ADD CONSTRAINT users_org_email UNIQUE (org_id, email);
CREATE INDEX users_account ON users(account_id);
