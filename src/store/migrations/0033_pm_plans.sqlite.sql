-- PM plans (issue 14 item 7): a named checklist template a PM schedule
-- points at, and the time a schedule's work orders are expected to take.
-- A template's items stay in checklist_template_items; template_id NULL is
-- the per-work-type template of issue 12 (copied into every new work order
-- of that type), a template_id the named one a PM schedule copies instead.
-- Template names are the organization's own words, not personal data.
CREATE TABLE checklist_templates (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX checklist_templates_org ON checklist_templates(org_id, id);
ALTER TABLE checklist_template_items ADD COLUMN template_id INTEGER REFERENCES checklist_templates(id);
CREATE INDEX checklist_template_items_template ON checklist_template_items(org_id, template_id, id);
-- NULL: no checklist (as before) and no estimate.
ALTER TABLE pm_schedules ADD COLUMN checklist_template_id INTEGER REFERENCES checklist_templates(id);
ALTER TABLE pm_schedules ADD COLUMN estimated_minutes INTEGER;
