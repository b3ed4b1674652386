
CREATE TABLE customers (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  phone TEXT,
  email TEXT,
  billing_address TEXT NOT NULL DEFAULT '',
  notes TEXT NOT NULL DEFAULT '',
  sms_opt_out INTEGER NOT NULL DEFAULT 0,
  deleted_at BIGINT,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  version INTEGER NOT NULL DEFAULT 1
);
CREATE INDEX customers_org_name ON customers(org_id, name, id);
CREATE INDEX customers_org_id ON customers(org_id, id);
CREATE INDEX customers_org_phone ON customers(org_id, phone);

CREATE TABLE sites (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  name TEXT NOT NULL,
  address TEXT NOT NULL,
  access_notes TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX sites_customer ON sites(org_id, customer_id, id);

CREATE TABLE org_counters (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  value BIGINT NOT NULL,
  PRIMARY KEY (org_id, name)
);

CREATE TABLE work_orders (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  number BIGINT NOT NULL,
  title TEXT NOT NULL,
  description TEXT NOT NULL DEFAULT '',
  type TEXT NOT NULL CHECK (type IN ('corrective','preventive','inspection','emergency')),
  priority TEXT NOT NULL CHECK (priority IN ('low','medium','high','urgent')),
  status TEXT NOT NULL,
  customer_id BIGINT REFERENCES customers(id),
  site_id BIGINT REFERENCES sites(id),
  assignee_id BIGINT REFERENCES users(id),
  scheduled_start BIGINT,
  scheduled_end BIGINT,
  due_at BIGINT,
  estimated_hours DOUBLE PRECISION,
  created_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  completed_at BIGINT,
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
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL REFERENCES work_orders(id),
  from_status TEXT,
  to_status TEXT NOT NULL,
  actor_id BIGINT,
  at BIGINT NOT NULL
);
CREATE INDEX work_order_history_wo ON work_order_history(org_id, work_order_id, id);

CREATE TABLE work_order_comments (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL REFERENCES work_orders(id),
  author_id BIGINT NOT NULL REFERENCES users(id),
  body TEXT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX work_order_comments_wo ON work_order_comments(org_id, work_order_id, id);

CREATE TABLE work_order_checklist (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL REFERENCES work_orders(id),
  label TEXT NOT NULL,
  done INTEGER NOT NULL DEFAULT 0,
  done_by BIGINT,
  done_at BIGINT,
  created_at BIGINT NOT NULL
);
CREATE INDEX work_order_checklist_wo ON work_order_checklist(org_id, work_order_id, id);

CREATE TABLE work_order_time (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL REFERENCES work_orders(id),
  user_id BIGINT NOT NULL REFERENCES users(id),
  minutes INTEGER NOT NULL CHECK (minutes > 0),
  note TEXT NOT NULL DEFAULT '',
  created_at BIGINT NOT NULL
);
CREATE INDEX work_order_time_wo ON work_order_time(org_id, work_order_id, id);

CREATE TABLE work_order_parts (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL REFERENCES work_orders(id),
  name TEXT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL CHECK (quantity > 0),
  unit_cost_cents BIGINT NOT NULL CHECK (unit_cost_cents >= 0),
  currency TEXT NOT NULL DEFAULT 'USD',
  added_by BIGINT NOT NULL,
  created_at BIGINT NOT NULL
);
CREATE INDEX work_order_parts_wo ON work_order_parts(org_id, work_order_id, id);

CREATE TABLE assets (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  site_id BIGINT NOT NULL REFERENCES sites(id),
  name TEXT NOT NULL,
  type TEXT NOT NULL DEFAULT '',
  make TEXT NOT NULL DEFAULT '',
  model TEXT NOT NULL DEFAULT '',
  serial TEXT NOT NULL DEFAULT '',
  install_date TEXT,
  created_at BIGINT NOT NULL
);
CREATE INDEX assets_site ON assets(org_id, site_id, id);

CREATE TABLE meter_readings (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL,
  asset_id BIGINT NOT NULL REFERENCES assets(id),
  kind TEXT NOT NULL CHECK (kind IN ('hours','gallons','cycles')),
  value DOUBLE PRECISION NOT NULL,
  read_at BIGINT NOT NULL,
  recorded_by BIGINT NOT NULL
);
CREATE INDEX meter_readings_asset ON meter_readings(org_id, asset_id, kind, read_at);

ALTER TABLE orgs ADD COLUMN labour_rate_cents INTEGER NOT NULL DEFAULT 9500;

CREATE TABLE invoices (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  number BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL UNIQUE REFERENCES work_orders(id),
  customer_id BIGINT REFERENCES customers(id),
  status TEXT NOT NULL CHECK (status IN ('draft','open','paid','void','refunded')),
  currency TEXT NOT NULL DEFAULT 'USD',
  total_cents BIGINT NOT NULL,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL,
  paid_at BIGINT,
  version INTEGER NOT NULL DEFAULT 1,
  UNIQUE (org_id, number)
);
CREATE INDEX invoices_org_id ON invoices(org_id, id);

CREATE TABLE invoice_lines (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL,
  invoice_id BIGINT NOT NULL REFERENCES invoices(id),
  description TEXT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL,
  unit_cents BIGINT NOT NULL,
  amount_cents BIGINT NOT NULL
);
CREATE INDEX invoice_lines_invoice ON invoice_lines(org_id, invoice_id, id);

CREATE TABLE pm_schedules (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  site_id BIGINT NOT NULL REFERENCES sites(id),
  asset_id BIGINT REFERENCES assets(id),
  title TEXT NOT NULL,
  priority TEXT NOT NULL DEFAULT 'medium',
  assignee_id BIGINT REFERENCES users(id),
  interval_unit TEXT NOT NULL CHECK (interval_unit IN ('days','weeks','months','meter')),
  interval_value INTEGER NOT NULL CHECK (interval_value > 0),
  meter_kind TEXT,
  lead_days INTEGER NOT NULL DEFAULT 14,
  next_due_at BIGINT,
  next_meter_value DOUBLE PRECISION,
  active INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL
);
CREATE INDEX pm_schedules_org ON pm_schedules(org_id, id);

-- One row per (schedule, occurrence): the unique key makes generation
-- idempotent across restarts and across instances sharing one database.
CREATE TABLE pm_generated (
  schedule_id BIGINT NOT NULL REFERENCES pm_schedules(id),
  due_key TEXT NOT NULL,
  org_id BIGINT NOT NULL,
  work_order_id BIGINT NOT NULL REFERENCES work_orders(id),
  PRIMARY KEY (schedule_id, due_key)
);
