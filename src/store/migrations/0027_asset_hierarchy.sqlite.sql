-- A maintenance module a plant can use (issue 14 item 7): assets form a
-- location hierarchy under their site (site -> area -> machine) through
-- parent_id (same organization and site, no cycles: checked by the service),
-- carry a status (running, down, retired) and a version for the PATCH's
-- optimistic concurrency. Every status change is a row of
-- asset_status_changes, from which downtime is computed. The reason is
-- free text a technician types (it may name a person): sealed under the
-- row's own key like a visit's time notes (row_key).
ALTER TABLE assets ADD COLUMN parent_id INTEGER REFERENCES assets(id);
ALTER TABLE assets ADD COLUMN status TEXT NOT NULL DEFAULT 'running'
  CHECK (status IN ('running','down','retired'));
ALTER TABLE assets ADD COLUMN version INTEGER NOT NULL DEFAULT 1;
ALTER TABLE assets ADD COLUMN updated_at INTEGER;
CREATE INDEX assets_parent ON assets(org_id, parent_id);
CREATE TABLE asset_status_changes (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  asset_id INTEGER NOT NULL REFERENCES assets(id),
  from_status TEXT NOT NULL CHECK (from_status IN ('running','down','retired')),
  to_status TEXT NOT NULL CHECK (to_status IN ('running','down','retired')),
  reason TEXT NOT NULL DEFAULT '',
  row_key TEXT,
  changed_by INTEGER REFERENCES users(id),
  changed_at INTEGER NOT NULL
);
CREATE INDEX asset_status_changes_asset ON asset_status_changes(org_id, asset_id, changed_at);
