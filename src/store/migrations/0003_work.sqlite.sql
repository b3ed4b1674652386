
CREATE TABLE customers (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  billing_address TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  sms_opt_out INTEGER NOT NULL DEFAULT 0,
  deleted_at INTEGER,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX customers_org_name ON customers(org_id, name, id);
CREATE INDEX customers_org_id ON customers(org_id, id);
CREATE INDEX customers_org_phone ON customers(org_id, phone);

CREATE TABLE sites (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  access_notes TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX sites_customer ON sites(org_id, customer_id, id);

CREATE TABLE org_counters (
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  value INTEGER NOT NULL,
  PRIMARY KEY (org_id, name)
);

CREATE TABLE work_orders (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  number INTEGER NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('corrective','preventive','inspection','emergency')),
  priority TEXT NOT NULL CHECK (priority IN ('low','medium','high','urgent')),
  status TEXT NOT NULL,
  customer_id INTEGER REFERENCES customers(id),
  site_id INTEGER REFERENCES sites(id),
  assignee_id INTEGER REFERENCES users(id),
  scheduled_start INTEGER,
  scheduled_end INTEGER,
  due_at INTEGER,
  estimated_hours DOUBLE PRECISION,
  created_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  completed_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (org_id, number)
);
-- Lists page newest-first by id within an org; filters are checked while
-- walking this index, so a page never sorts the whole organization.
CREATE INDEX work_orders_org_id ON work_orders(org_id, id);
CREATE INDEX work_orders_org_status ON work_orders(org_id, status, id);
CREATE INDEX work_orders_org_assignee ON work_orders(org_id, assignee_id, status, id);
CREATE INDEX work_orders_org_customer ON work_orders(org_id, customer_id, id);

CREATE TABLE work_order_history (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_id INTEGER,
  at INTEGER NOT NULL
);
CREATE INDEX work_order_history_wo ON work_order_history(org_id, work_order_id, id);

CREATE TABLE work_order_comments (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  author_id INTEGER NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX work_order_comments_wo ON work_order_comments(org_id, work_order_id, id);

CREATE TABLE work_order_checklist (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  label TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  done_by INTEGER,
  done_at INTEGER,
  created_at INTEGER NOT NULL
);
CREATE INDEX work_order_checklist_wo ON work_order_checklist(org_id, work_order_id, id);

CREATE TABLE work_order_time (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  user_id INTEGER NOT NULL REFERENCES users(id),
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  note TEXT NOT NULL DEFAULT '',
  created_at INTEGER NOT NULL
);
CREATE INDEX work_order_time_wo ON work_order_time(org_id, work_order_id, id);

CREATE TABLE work_order_parts (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  name TEXT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL CHECK (quantity > 0),
  unit_cost_cents INTEGER NOT NULL CHECK (unit_cost_cents >= 0),
  currency TEXT NOT NULL DEFAULT 'USD',
  added_by INTEGER NOT NULL,
  created_at INTEGER NOT NULL
);
CREATE INDEX work_order_parts_wo ON work_order_parts(org_id, work_order_id, id);

CREATE TABLE assets (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  site_id INTEGER NOT NULL REFERENCES sites(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT '',
  make TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  install_date TEXT,
  created_at INTEGER NOT NULL
);
CREATE INDEX assets_site ON assets(org_id, site_id, id);

CREATE TABLE meter_readings (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  asset_id INTEGER NOT NULL REFERENCES assets(id),
  kind TEXT NOT NULL CHECK (kind IN ('hours','gallons','cycles')),
  value DOUBLE PRECISION NOT NULL,
  read_at INTEGER NOT NULL,
  recorded_by INTEGER NOT NULL
);
CREATE INDEX meter_readings_asset ON meter_readings(org_id, asset_id, kind, read_at);

ALTER TABLE orgs ADD COLUMN labour_rate_cents INTEGER NOT NULL DEFAULT 9500;

CREATE TABLE invoices (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  number INTEGER NOT NULL,
  work_order_id INTEGER NOT NULL UNIQUE REFERENCES work_orders(id),
  customer_id INTEGER REFERENCES customers(id),
  status TEXT NOT NULL CHECK (status IN ('draft','open','paid','void','refunded')),
  currency TEXT NOT NULL DEFAULT 'USD',
  total_cents INTEGER NOT NULL,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL,
  paid_at INTEGER,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (org_id, number)
);
CREATE INDEX invoices_org_id ON invoices(org_id, id);

CREATE TABLE invoice_lines (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL,
  invoice_id INTEGER NOT NULL REFERENCES invoices(id),
  description TEXT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL,
  unit_cents INTEGER NOT NULL,
  amount_cents INTEGER NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines(org_id, invoice_id, id);

CREATE TABLE pm_schedules (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  site_id INTEGER NOT NULL REFERENCES sites(id),
  asset_id INTEGER REFERENCES assets(id),
  title TEXT NOT NULL,
  priority TEXT NOT NULL DEFAULT 'medium',
  assignee_id INTEGER REFERENCES users(id),
  interval_unit TEXT NOT NULL CHECK (interval_unit IN ('days','weeks','months','meter')),
  interval_value INTEGER NOT NULL CHECK (interval_value > 0),
  meter_kind TEXT,
  lead_days INTEGER NOT NULL DEFAULT 14,
  next_due_at INTEGER,
  next_meter_value DOUBLE PRECISION,
  active INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL
);
CREATE INDEX pm_schedules_org ON pm_schedules(org_id, id);

-- One row per (schedule, occurrence): the unique key makes generation
-- idempotent across restarts and across instances sharing one database.
CREATE TABLE pm_generated (
  schedule_id INTEGER NOT NULL REFERENCES pm_schedules(id),
  due_key TEXT NOT NULL,
  org_id INTEGER NOT NULL,
  work_order_id INTEGER NOT NULL REFERENCES work_orders(id),
  PRIMARY KEY (schedule_id, due_key)
);
