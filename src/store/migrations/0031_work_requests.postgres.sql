-- Work requests (issue 14 item 6): a plant operator scans an asset's (or a
-- site's) QR label and files a request without signing in; the office
-- approves it into a work order or declines it with a reason.
--
-- request_links: the long-lived public link of one asset or one site. Its
-- token row is in link_tokens (purpose 'request'; looked up only by the
-- token's SHA-256). The token itself is also kept here, sealed by the
-- organization's data key (token_sealed, with row_key), because the office
-- prints the same label again; a copy of this table opens nothing without
-- the key. Rotating revokes the old link_tokens row and adds a new row here.
CREATE TABLE request_links (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  link_id BIGINT NOT NULL REFERENCES link_tokens(id),
  asset_id BIGINT REFERENCES assets(id),
  site_id BIGINT REFERENCES sites(id),
  row_key TEXT NOT NULL,
  token_sealed TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  CHECK ((asset_id IS NULL) <> (site_id IS NULL))
);
CREATE UNIQUE INDEX request_links_link ON request_links(org_id, link_id);
CREATE INDEX request_links_asset ON request_links(org_id, asset_id, id);
CREATE INDEX request_links_site ON request_links(org_id, site_id, id);

-- A request as filed: who (name, phone) and what is wrong are personal data,
-- sealed with row_key, as is the office's reason for declining. status moves
-- once, new -> approved (work_order_id set) or new -> declined; version
-- guards the office's decision. created_at with link_id bounds the requests
-- per link (the per-link rate limit reads it).
CREATE TABLE work_requests (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  link_id BIGINT NOT NULL REFERENCES link_tokens(id),
  asset_id BIGINT REFERENCES assets(id),
  site_id BIGINT REFERENCES sites(id),
  row_key TEXT NOT NULL,
  requester_name TEXT NOT NULL,
  requester_phone TEXT,
  description TEXT NOT NULL,
  status TEXT NOT NULL DEFAULT 'new' CHECK (status IN ('new','approved','declined')),
  decline_reason TEXT,
  work_order_id BIGINT REFERENCES work_orders(id),
  decided_by BIGINT REFERENCES users(id),
  decided_at BIGINT,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX work_requests_status ON work_requests(org_id, status, id);
CREATE INDEX work_requests_link ON work_requests(org_id, link_id, created_at);
