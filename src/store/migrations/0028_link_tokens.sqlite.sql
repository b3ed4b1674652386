-- Links that work without signing in (issue 14 items 4, 5 and 6): one row
-- per link, one purpose each. The token itself (256 random bits) is only in
-- the link; the database keeps its SHA-256, so a read of this table yields
-- no usable link (like sessions). Every purpose the issue names is allowed
-- now, so that invitations, password resets and request links need no
-- CHECK rebuild. subject_id is what the purpose is about (a work order, an
-- invoice, ...); work_order_id lets the office list a work order's links.
CREATE TABLE link_tokens (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  token_hash TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL CHECK (purpose IN ('appointment','invoice','report','invitation',
                                           'password_reset','request')),
  subject_id INTEGER NOT NULL,
  work_order_id INTEGER REFERENCES work_orders(id),
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  revoked_by INTEGER REFERENCES users(id),
  used_at INTEGER
);
CREATE INDEX link_tokens_org_work_order ON link_tokens(org_id, work_order_id, id);
