-- Work requests, the rest of issue 14 item 6: photos on the public form and
-- a `requester` role (a plant operator who signs in and follows only the
-- requests they filed).
--
-- The role is a CHECK on users and invitations: SQLite changes a CHECK only
-- by rebuilding the table (this migration runs with foreign keys off; the
-- runner checks them before commit). Columns, ids and indexes are kept.
CREATE TABLE users_new (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  email TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('owner','admin','dispatcher','technician','viewer','requester')),
  password_hash TEXT NOT NULL,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
INSERT INTO users_new (id, org_id, email, name, role, password_hash, active, created_at, updated_at)
  SELECT id, org_id, email, name, role, password_hash, active, created_at, updated_at FROM users;
DROP TABLE users;
ALTER TABLE users_new RENAME TO users;
CREATE INDEX users_org ON users(org_id, id);

CREATE TABLE invitations_new (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  email TEXT NOT NULL,
  name TEXT NOT NULL DEFAULT '',
  role TEXT NOT NULL CHECK (role IN ('owner','admin','dispatcher','technician','viewer','requester')),
  found TEXT NOT NULL CHECK (found IN ('new','member','elsewhere')),
  status TEXT NOT NULL DEFAULT 'pending' CHECK (status IN ('pending','accepted','revoked')),
  link_id INTEGER REFERENCES link_tokens(id),
  invited_by INTEGER REFERENCES users(id),
  user_id INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  sent_count INTEGER NOT NULL DEFAULT 0
);
INSERT INTO invitations_new (id, org_id, email, name, role, found, status, link_id, invited_by, user_id, created_at, updated_at, expires_at, sent_count)
  SELECT id, org_id, email, name, role, found, status, link_id, invited_by, user_id, created_at, updated_at, expires_at, sent_count FROM invitations;
DROP TABLE invitations;
ALTER TABLE invitations_new RENAME TO invitations;
CREATE INDEX invitations_org ON invitations(org_id, status, id);

-- A requester files from inside the app, without a link: link_id becomes
-- optional (a NOT NULL is dropped by a rebuild on SQLite too), and filed_by
-- names the requester's account, which is what "their own requests" means.
CREATE TABLE work_requests_new (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  link_id INTEGER REFERENCES link_tokens(id),
  asset_id INTEGER REFERENCES assets(id),
  site_id INTEGER REFERENCES sites(id),
  row_key TEXT NOT NULL,
  requester_name TEXT NOT NULL,
  requester_phone TEXT,
  description TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','approved','declined')),
  decline_reason TEXT,
  work_order_id INTEGER REFERENCES work_orders(id),
  decided_by INTEGER REFERENCES users(id),
  decided_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  filed_by INTEGER REFERENCES users(id)
);
INSERT INTO work_requests_new (id, org_id, link_id, asset_id, site_id, row_key, requester_name, requester_phone, description, status, decline_reason, work_order_id, decided_by, decided_at, version, created_at, updated_at)
  SELECT id, org_id, link_id, asset_id, site_id, row_key, requester_name, requester_phone, description, status, decline_reason, work_order_id, decided_by, decided_at, version, created_at, updated_at FROM work_requests;
DROP TABLE work_requests;
ALTER TABLE work_requests_new RENAME TO work_requests;
CREATE INDEX work_requests_status ON work_requests(org_id, status, id);
CREATE INDEX work_requests_link ON work_requests(org_id, link_id, created_at);
CREATE INDEX work_requests_filed_by ON work_requests(org_id, filed_by, id);

-- Photos of a request (at most 5, re-encoded, bytes sealed in the blob store
-- under row_key). A table of their own rather than attachments rows:
-- attachments.owner_kind is CHECKed to work_order/asset and uploaded_by is a
-- NOT NULL user, while a photo from the public form has no user, and the
-- attachments table is referenced by checklists (a rebuild would touch the
-- evidence of finished work for a file that is not yet part of any work).
-- Approval copies the photos to attachments of the new work order and
-- deletes these rows; declining deletes them with their bytes at once (no
-- retention wait: the office said no, the photos serve nothing). No file
-- name is kept (a phone's "IMG_2041.jpg" says nothing and may say too much).
CREATE TABLE request_photos (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  request_id INTEGER NOT NULL REFERENCES work_requests(id),
  row_key TEXT NOT NULL,
  mime TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  blob_key TEXT NOT NULL,
  thumbnail_bytes INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX request_photos_request ON request_photos(org_id, request_id, id);
