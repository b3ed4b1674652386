-- "Export everything" (issue 13 item 8): an owner's request for the whole
-- organization's data, built by the jobs worker of any instance. The ZIP is
-- sealed with the organization's data key (row_key binds it to this row) and
-- kept in org_export_chunks (text chunks of the sealed envelope), so every
-- instance can serve it on both engines; the chunks are deleted once the
-- download link has expired (expires_at = ready_at + 24 h).
CREATE TABLE org_exports (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  requested_by INTEGER NOT NULL REFERENCES users(id),
  status TEXT NOT NULL DEFAULT 'queued' CHECK (status IN ('queued','running','ready','failed')),
  tables_done INTEGER NOT NULL DEFAULT 0,
  tables_total INTEGER NOT NULL DEFAULT 0,
  rows_done INTEGER NOT NULL DEFAULT 0,
  files INTEGER NOT NULL DEFAULT 0,
  size_bytes INTEGER NOT NULL DEFAULT 0,
  row_key TEXT NOT NULL,
  error TEXT,
  created_at INTEGER NOT NULL,
  ready_at INTEGER,
  expires_at INTEGER
);
CREATE INDEX org_exports_org ON org_exports(org_id, id);
CREATE TABLE org_export_chunks (
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  export_id INTEGER NOT NULL REFERENCES org_exports(id),
  seq INTEGER NOT NULL,
  data TEXT NOT NULL,
  PRIMARY KEY (org_id, export_id, seq)
);
