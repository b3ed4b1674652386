ALTER TABLE work_orders ADD COLUMN asset_id BIGINT REFERENCES assets(id);
CREATE INDEX work_orders_org_asset ON work_orders(org_id, asset_id, id);
CREATE TABLE site_access_reveals (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  site_id BIGINT NOT NULL REFERENCES sites(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  day TEXT NOT NULL,
  first_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, site_id, user_id, day)
);
