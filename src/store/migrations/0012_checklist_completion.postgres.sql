-- Typed checklist items, checklist templates per work type, and the record
-- of a completed work order whose hash is in the audit chain (issue 12 item 5).
ALTER TABLE work_order_checklist ADD COLUMN kind TEXT NOT NULL DEFAULT 'checkbox'
  CHECK (kind IN ('checkbox','number','pass_fail','text','photo','signature'));
ALTER TABLE work_order_checklist ADD COLUMN unit TEXT NOT NULL DEFAULT '';
ALTER TABLE work_order_checklist ADD COLUMN required INTEGER NOT NULL DEFAULT 0;
ALTER TABLE work_order_checklist ADD COLUMN value TEXT;
ALTER TABLE work_order_checklist ADD COLUMN attachment_id BIGINT REFERENCES attachments(id);

CREATE TABLE checklist_template_items (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  work_type TEXT NOT NULL,
  label TEXT NOT NULL,
  kind TEXT NOT NULL
    CHECK (kind IN ('checkbox','number','pass_fail','text','photo','signature')),
  unit TEXT NOT NULL DEFAULT '',
  required INTEGER NOT NULL DEFAULT 0,
  created_at BIGINT NOT NULL
);
CREATE INDEX checklist_template_items_type ON checklist_template_items(org_id, work_type, id);

CREATE TABLE completion_records (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  work_order_id BIGINT NOT NULL REFERENCES work_orders(id),
  record TEXT NOT NULL,
  sha256 TEXT NOT NULL,
  completed_by BIGINT NOT NULL REFERENCES users(id),
  completed_at BIGINT NOT NULL
);
CREATE INDEX completion_records_wo ON completion_records(org_id, work_order_id, id);
