-- Issue 13 items 6 and 7: one customer's erasure (no personal data here: the
-- reason is the office's own words), the CCPA "do not sell or share" flag
-- with its history, and the data-subject request log.
CREATE TABLE customer_erasures (
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  erased_by INTEGER NOT NULL,
  erased_at INTEGER NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, customer_id)
);
ALTER TABLE customers ADD COLUMN do_not_sell INTEGER NOT NULL DEFAULT 0;
CREATE TABLE customer_do_not_sell (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  do_not_sell INTEGER NOT NULL,
  source TEXT NOT NULL,
  changed_by INTEGER,
  changed_at INTEGER NOT NULL
);
CREATE INDEX customer_do_not_sell_customer ON customer_do_not_sell(org_id, customer_id, id);
CREATE TABLE privacy_requests (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  customer_id INTEGER REFERENCES customers(id),
  type TEXT NOT NULL CHECK (type IN ('access','deletion','opt_out')),
  regime TEXT NOT NULL CHECK (regime IN ('gdpr','ccpa')),
  received_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  completed_at INTEGER,
  completed_by INTEGER
);
CREATE INDEX privacy_requests_org ON privacy_requests(org_id, id);
CREATE INDEX privacy_requests_customer ON privacy_requests(org_id, customer_id, id);
