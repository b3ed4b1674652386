-- The key hierarchy of field-level encryption (issue 13 item 1, crypto/key_store.cpp).
-- Each organization's data and blind-index keys, wrapped (AES-256-GCM, hex)
-- under the master key, which is never stored here. Old data keys stay
-- (retired_at set) until a rotation has re-encrypted every row.
CREATE TABLE org_keys (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  key_id INTEGER NOT NULL CHECK (key_id > 0),
  purpose TEXT NOT NULL CHECK (purpose IN ('data','blind_index')),
  wrapped TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  retired_at BIGINT,
  PRIMARY KEY (org_id, key_id)
);
-- One row: the fingerprint of the master key that wrapped the keys above, so
-- a server started with another key refuses instead of failing per row.
CREATE TABLE master_key_fingerprint (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  fingerprint TEXT NOT NULL,
  recorded_at BIGINT NOT NULL
);
