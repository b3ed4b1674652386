ALTER TABLE work_orders ADD COLUMN asset_id INTEGER REFERENCES assets(id);
CREATE INDEX work_orders_org_asset ON work_orders(org_id, asset_id, id);
CREATE TABLE site_access_reveals (
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  site_id INTEGER NOT NULL REFERENCES sites(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  first_at INTEGER NOT NULL,
  PRIMARY KEY (org_id, site_id, user_id, day)
);
