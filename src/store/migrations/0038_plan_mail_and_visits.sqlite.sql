-- Service plans, the office's leftovers of issue 14 (items 3 and 8).
--
-- 1. Reminders by email carry a one-click unsubscribe link (RFC 8058): a
--    link_tokens row of the new purpose 'unsubscribe' (subject: the
--    customer), so the token is kept as its SHA-256 like every other link.
--    The purpose is a CHECK: SQLite changes a CHECK only by rebuilding the
--    table (this migration runs with foreign keys off; the runner checks
--    them before commit). Columns, ids and the index are kept.
CREATE TABLE link_tokens_new (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  token_hash TEXT NOT NULL UNIQUE,
  purpose TEXT NOT NULL CHECK (purpose IN ('appointment','invoice','report','invitation',
                                           'password_reset','request','unsubscribe')),
  subject_id INTEGER NOT NULL,
  work_order_id INTEGER REFERENCES work_orders(id),
  created_by INTEGER REFERENCES users(id),
  created_at INTEGER NOT NULL,
  expires_at INTEGER NOT NULL,
  revoked_at INTEGER,
  revoked_by INTEGER REFERENCES users(id),
  used_at INTEGER
);
INSERT INTO link_tokens_new (id, org_id, token_hash, purpose, subject_id, work_order_id,
                             created_by, created_at, expires_at, revoked_at, revoked_by, used_at)
  SELECT id, org_id, token_hash, purpose, subject_id, work_order_id, created_by, created_at,
         expires_at, revoked_at, revoked_by, used_at FROM link_tokens;
DROP TABLE link_tokens;
ALTER TABLE link_tokens_new RENAME TO link_tokens;
CREATE INDEX link_tokens_org_work_order ON link_tokens(org_id, work_order_id, id);

-- 2. Which channels the last reminder went by ("sms", "email", "sms,email";
--    empty: none could go, e.g. a number that texted STOP), for the Service
--    due page. Not personal data.
ALTER TABLE service_plans ADD COLUMN reminded_by TEXT;

-- 3. A visit scheduled from a plan: the work order names its plan, and
--    completing it records the visit on the plan (next due = completion's
--    local date + the interval). NULL for every other work order.
ALTER TABLE work_orders ADD COLUMN service_plan_id INTEGER REFERENCES service_plans(id);
-- The local date the plan recorded this work order's visit: set once, so
-- completing it again after a reopen does not advance the plan twice.
ALTER TABLE work_orders ADD COLUMN service_plan_visit_on TEXT;
CREATE INDEX work_orders_service_plan ON work_orders(org_id, service_plan_id);

-- 4. The organization's postal address, printed in the footer of its
--    marketing email (CAN-SPAM asks for a valid physical postal address).
--    A business address, not personal data; NULL: not recorded.
ALTER TABLE orgs ADD COLUMN postal_address TEXT;
