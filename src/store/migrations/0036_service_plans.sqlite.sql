-- Recurring customer service (issue 14 item 8): a plan per site ("septic
-- pump-out every 36 months") whose customer is reminded a set number of
-- days before it is due, with a link to ask for a visit. Dates are local
-- dates of the organization ("2027-03-15"); remind_on is next_due_on minus
-- remind_days_before, kept so the worker's query is one indexed range;
-- reminded_for is the due date the last reminder went out for, so a plan
-- is reminded once per due date whatever the number of instances.
CREATE TABLE service_plans (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  site_id INTEGER NOT NULL REFERENCES sites(id),
  title TEXT NOT NULL,
  interval_months INTEGER NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
  next_due_on TEXT NOT NULL,
  remind_days_before INTEGER NOT NULL CHECK (remind_days_before BETWEEN 0 AND 365),
  remind_on TEXT NOT NULL,
  reminded_for TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX service_plans_org ON service_plans(org_id, id);
CREATE INDEX service_plans_remind ON service_plans(active, remind_on);

-- Marketing consent, apart from consent to appointment texts (TCPA prior
-- express written consent for marketing texts; CAN-SPAM for email): one row
-- per decision, the latest per customer and channel counts. source says how
-- it was given ("signed service agreement", "web form"); no personal data.
CREATE TABLE marketing_consent (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  customer_id INTEGER NOT NULL REFERENCES customers(id),
  channel TEXT NOT NULL CHECK (channel IN ('sms','email')),
  granted INTEGER NOT NULL CHECK (granted IN (0, 1)),
  source TEXT NOT NULL,
  recorded_by INTEGER REFERENCES users(id),
  recorded_at INTEGER NOT NULL
);
CREATE INDEX marketing_consent_customer ON marketing_consent(org_id, customer_id, channel, id);
