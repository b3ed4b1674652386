ALTER TABLE org_sms_numbers ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;
CREATE TABLE sms_number_requests (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  requested_by INTEGER NOT NULL REFERENCES users(id),
  area_code TEXT NOT NULL DEFAULT '',
  note TEXT NOT NULL DEFAULT '',
  status TEXT NOT NULL CHECK (status IN ('pending','fulfilled','withdrawn')),
  created_at INTEGER NOT NULL,
  closed_at INTEGER
);
CREATE INDEX sms_number_requests_status ON sms_number_requests(status, id);
CREATE INDEX sms_number_requests_org ON sms_number_requests(org_id, id);
