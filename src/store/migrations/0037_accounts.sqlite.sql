-- Accounts and memberships (issue 14 item 4): one person may belong to
-- several organizations (a bookkeeper, a contractor). The sign-in identity
-- (email, password) becomes an `accounts` row, across organizations; a
-- `users` row becomes a membership: account x organization x role, with the
-- name and the active flag the organization sets. Every reference to
-- users(id) (sessions, assignments, audit actors) keeps meaning "this person
-- in this organization", so ids are kept and nothing else moves.
--
-- users.email stays as the account's address copied onto the membership (the
-- organization's user list and staff mail read it); it is unique per
-- organization now, and accounts.email is the unique sign-in address.
-- last_org_id is the organization sign-in opens first (the last one the
-- person switched to). SQLite drops a UNIQUE only by rebuilding the table
-- (this migration runs with foreign keys off; the runner checks them before
-- commit).
CREATE TABLE accounts (
  id INTEGER PRIMARY KEY,
  email TEXT NOT NULL UNIQUE,
  password_hash TEXT NOT NULL,
  last_org_id INTEGER REFERENCES orgs(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO accounts (email, password_hash, created_at, updated_at)
  SELECT email, password_hash, created_at, updated_at FROM users ORDER BY id;

CREATE TABLE users_new (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  account_id INTEGER NOT NULL REFERENCES accounts(id),
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('owner','admin','dispatcher','technician','viewer','requester')),
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  UNIQUE (org_id, account_id),
  UNIQUE (org_id, email)
);
INSERT INTO users_new (id, org_id, account_id, email, name, role, active, created_at, updated_at)
  SELECT u.id, u.org_id, a.id, u.email, u.name, u.role, u.active, u.created_at, u.updated_at
  FROM users u JOIN accounts a ON a.email = u.email;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_org ON users(org_id, id);
CREATE INDEX users_account ON users(account_id);
