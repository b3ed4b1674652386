ALTER TABLE org_sms_numbers ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sms_number_requests (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  requested_by BIGINT NOT NULL REFERENCES users(id),
  area_code TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('pending','fulfilled','withdrawn')),
  created_at BIGINT NOT NULL,
  closed_at BIGINT
);
CREATE INDEX sms_number_requests_status ON sms_number_requests(status, id);
CREATE INDEX sms_number_requests_org ON sms_number_requests(org_id, id);
