-- Issue 13 items 6 and 7: one customer's erasure (no personal data here: the
-- reason is the office's own words), the CCPA "do not sell or share" flag
-- with its history, and the data-subject request log.
CREATE TABLE customer_erasures (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  erased_by BIGINT NOT NULL,
  erased_at BIGINT NOT NULL,
  reason TEXT NOT NULL DEFAULT '',
  PRIMARY KEY (org_id, customer_id)
);
ALTER TABLE customers ADD COLUMN do_not_sell BIGINT NOT NULL DEFAULT 0;
CREATE TABLE customer_do_not_sell (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  do_not_sell BIGINT NOT NULL,
  source TEXT NOT NULL,
  changed_by BIGINT,
  changed_at BIGINT NOT NULL
);
CREATE INDEX customer_do_not_sell_customer ON customer_do_not_sell(org_id, customer_id, id);
CREATE TABLE privacy_requests (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  customer_id BIGINT REFERENCES customers(id),
  type TEXT NOT NULL CHECK (type IN ('access','deletion','opt_out')),
  regime TEXT NOT NULL CHECK (regime IN ('gdpr','ccpa')),
  received_on TEXT NOT NULL,
  due_on TEXT NOT NULL,
  notes TEXT NOT NULL DEFAULT '',
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  completed_at BIGINT,
  completed_by BIGINT
);
CREATE INDEX privacy_requests_org ON privacy_requests(org_id, id);
CREATE INDEX privacy_requests_customer ON privacy_requests(org_id, customer_id, id);
