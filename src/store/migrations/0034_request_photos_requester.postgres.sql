-- Work requests, the rest of issue 14 item 6: photos on the public form and
-- a `requester` role (a plant operator who signs in and follows only the
-- requests they filed). See the SQLite file for the reasons; PostgreSQL
-- changes a CHECK and a NOT NULL in place.
ALTER TABLE users DROP CONSTRAINT users_role_check;
ALTER TABLE users ADD CONSTRAINT users_role_check
  CHECK (role IN ('owner','admin','dispatcher','technician','viewer','requester'));

ALTER TABLE invitations DROP CONSTRAINT invitations_role_check;
ALTER TABLE invitations ADD CONSTRAINT invitations_role_check
  CHECK (role IN ('owner','admin','dispatcher','technician','viewer','requester'));

ALTER TABLE work_requests ALTER COLUMN link_id DROP NOT NULL;
ALTER TABLE work_requests ADD COLUMN filed_by BIGINT REFERENCES users(id);
CREATE INDEX work_requests_filed_by ON work_requests(org_id, filed_by, id);

CREATE TABLE request_photos (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  request_id BIGINT NOT NULL REFERENCES work_requests(id),
  row_key TEXT NOT NULL,
  mime TEXT NOT NULL,
  size_bytes BIGINT NOT NULL,
  sha256 TEXT NOT NULL,
  blob_key TEXT NOT NULL,
  thumbnail_bytes BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX request_photos_request ON request_photos(org_id, request_id, id);
