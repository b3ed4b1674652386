-- Service plans, the office's leftovers of issue 14 (items 3 and 8). See the
-- SQLite file for the reasons; PostgreSQL changes the CHECK in place.
ALTER TABLE link_tokens DROP CONSTRAINT link_tokens_purpose_check;
ALTER TABLE link_tokens ADD CONSTRAINT link_tokens_purpose_check
  CHECK (purpose IN ('appointment','invoice','report','invitation','password_reset','request',
                     'unsubscribe'));

ALTER TABLE service_plans ADD COLUMN reminded_by TEXT;

ALTER TABLE work_orders ADD COLUMN service_plan_id BIGINT REFERENCES service_plans(id);
ALTER TABLE work_orders ADD COLUMN service_plan_visit_on TEXT;
CREATE INDEX work_orders_service_plan ON work_orders(org_id, service_plan_id);

ALTER TABLE orgs ADD COLUMN postal_address TEXT;
