-- Photos, PDFs and signatures on work orders and assets (MUST-007: stored
-- only after the malware scan and the type check). The metadata here; on
-- SQLite the bytes are files under the data directory, named by blob_key
-- (attachment_chunks exists for the same schema on both engines, unused).
CREATE TABLE attachments (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('work_order','asset')),
  owner_id INTEGER NOT NULL,
  uploaded_by INTEGER NOT NULL REFERENCES users(id),
  original_name TEXT NOT NULL DEFAULT '',
  mime TEXT NOT NULL,
  size_bytes INTEGER NOT NULL,
  sha256 TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  blob_key TEXT NOT NULL UNIQUE,
  thumbnail_bytes INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX attachments_owner ON attachments(org_id, owner_kind, owner_id, id);
CREATE TABLE attachment_chunks (
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  blob_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BLOB NOT NULL,
  PRIMARY KEY (org_id, blob_key, seq)
);
