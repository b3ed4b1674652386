-- Recurring customer service (issue 14 item 8): a plan per site ("septic
-- pump-out every 36 months") whose customer is reminded a set number of
-- days before it is due, with a link to ask for a visit. Dates are local
-- dates of the organization ("2027-03-15"); remind_on is next_due_on minus
-- remind_days_before, kept so the worker's query is one indexed range;
-- reminded_for is the due date the last reminder went out for, so a plan
-- is reminded once per due date whatever the number of instances.
CREATE TABLE service_plans (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  site_id BIGINT NOT NULL REFERENCES sites(id),
  title TEXT NOT NULL,
  interval_months BIGINT NOT NULL CHECK (interval_months BETWEEN 1 AND 120),
  next_due_on TEXT NOT NULL,
  remind_days_before BIGINT NOT NULL CHECK (remind_days_before BETWEEN 0 AND 365),
  remind_on TEXT NOT NULL,
  reminded_for TEXT,
  active BIGINT NOT NULL DEFAULT 1,
  version BIGINT NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX service_plans_org ON service_plans(org_id, id);
CREATE INDEX service_plans_remind ON service_plans(active, remind_on);

-- Marketing consent, apart from consent to appointment texts (TCPA prior
-- express written consent for marketing texts; CAN-SPAM for email): one row
-- per decision, the latest per customer and channel counts. source says how
-- it was given ("signed service agreement", "web form"); no personal data.
CREATE TABLE marketing_consent (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  customer_id BIGINT NOT NULL REFERENCES customers(id),
  channel TEXT NOT NULL CHECK (channel IN ('sms','email')),
  granted BIGINT NOT NULL CHECK (granted IN (0, 1)),
  source TEXT NOT NULL,
  recorded_by BIGINT REFERENCES users(id),
  recorded_at BIGINT NOT NULL
);
CREATE INDEX marketing_consent_customer ON marketing_consent(org_id, customer_id, channel, id);
