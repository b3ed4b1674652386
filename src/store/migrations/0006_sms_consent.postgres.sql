CREATE TABLE sms_consent (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  phone_e164 TEXT NOT NULL,
  state TEXT NOT NULL CHECK (state IN ('opted_out','opted_in')),
  changed_at BIGINT NOT NULL,
  source TEXT NOT NULL CHECK (source IN ('customer_sms','office')),
  PRIMARY KEY (org_id, phone_e164)
);
INSERT INTO sms_consent (org_id, phone_e164, state, changed_at, source)
  SELECT org_id, phone, 'opted_out', MAX(updated_at),
         CASE WHEN MAX(sms_opt_out_by_customer) = 1 THEN 'customer_sms' ELSE 'office' END
  FROM customers WHERE (sms_opt_out = 1 OR sms_opt_out_by_customer = 1)
    AND phone IS NOT NULL AND phone <> ''
  GROUP BY org_id, phone;
ALTER TABLE work_orders ADD COLUMN notify_customer INTEGER NOT NULL DEFAULT 1;
ALTER TABLE sms_messages DROP CONSTRAINT sms_messages_status_check,
  ADD CONSTRAINT sms_messages_status_check CHECK (status IN ('received','queued','sending','sent','delivered','undelivered','failed','suppressed','superseded'));
