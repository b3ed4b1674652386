-- The work-order list's newer filters: a site's work, and what is due or
-- overdue (due_at ranges, sort=due) without reading the organization's rows.
CREATE INDEX work_orders_org_site ON work_orders(org_id, site_id, id);
CREATE INDEX work_orders_org_due ON work_orders(org_id, due_at, id);
