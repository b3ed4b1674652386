-- Photos, PDFs and signatures on work orders and assets (MUST-007: stored
-- only after the malware scan and the type check). The metadata here; the
-- bytes in attachment_chunks (1 MiB binary chunks, so every instance sees
-- them; streamed in and out chunk by chunk).
CREATE TABLE attachments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  owner_kind TEXT NOT NULL CHECK (owner_kind IN ('work_order','asset')),
  owner_id BIGINT NOT NULL,
  uploaded_by BIGINT NOT NULL REFERENCES users(id),
  original_name TEXT NOT NULL DEFAULT '',
  mime TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  caption TEXT NOT NULL DEFAULT '',
  blob_key TEXT NOT NULL UNIQUE,
  thumbnail_bytes BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX attachments_owner ON attachments(org_id, owner_kind, owner_id, id);
CREATE TABLE attachment_chunks (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  blob_key TEXT NOT NULL,
  seq INTEGER NOT NULL,
  data BYTEA NOT NULL,
  PRIMARY KEY (org_id, blob_key, seq)
);
