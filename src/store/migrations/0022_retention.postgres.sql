-- Retention sweeps (issue 13 item 5, app/retention.cpp). Per-organization
-- periods in whole years (owners change them in Settings, audited; the
-- service refuses less than one year): soft-deleted customers, invoices
-- (counted from issue) and live audit entries.
ALTER TABLE orgs ADD COLUMN customer_retention_years INTEGER NOT NULL DEFAULT 7;
ALTER TABLE orgs ADD COLUMN invoice_retention_years INTEGER NOT NULL DEFAULT 7;
ALTER TABLE orgs ADD COLUMN audit_retention_years INTEGER NOT NULL DEFAULT 2;
-- When the sweep removed the customer's personal data and dependent rows;
-- the row stays as an anonymous stub so work orders and invoices keep their
-- reference ("Deleted customer"). Set by a conditional UPDATE: the claim
-- that makes two instances sweeping at once purge a customer once.
ALTER TABLE customers ADD COLUMN purged_at BIGINT;
CREATE INDEX customers_retention_due ON customers(deleted_at)
  WHERE deleted_at IS NOT NULL AND purged_at IS NULL;
-- The invoice's frozen billing snapshot (buyer name, billing address, email
-- as JSON), sealed with the invoice's row key: a tax record without its
-- buyer is none. Taken when the invoice is opened, or by the sweep before the
-- buyer is purged; removed when the invoice's own retention ends.
ALTER TABLE invoices ADD COLUMN row_key TEXT;
ALTER TABLE invoices ADD COLUMN billing_snapshot TEXT;
ALTER TABLE invoices ADD COLUMN snapshot_at BIGINT;
ALTER TABLE invoices ADD COLUMN snapshot_removed_at BIGINT;
-- Audit archival: entries older than the audit retention move into
-- encrypted files (audit/archive.cpp), one per organization and month (a
-- month split by clock skew between instances gives two files). Each file's
-- random key is sealed with the organization's data key in its row. The
-- live chain starts after the checkpoint: the last archived entry's seq and
-- hash. Rows go only when a checkpoint covers them.
CREATE TABLE audit_archives (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  first_seq BIGINT NOT NULL,
  last_seq BIGINT NOT NULL,
  month TEXT NOT NULL,
  file TEXT NOT NULL,
  entries BIGINT NOT NULL,
  last_hash TEXT NOT NULL,
  row_key TEXT NOT NULL,
  file_key TEXT NOT NULL,
  created_at BIGINT NOT NULL,
  PRIMARY KEY (org_id, first_seq)
);
CREATE TABLE audit_checkpoints (
  org_id BIGINT PRIMARY KEY REFERENCES orgs(id),
  seq BIGINT NOT NULL,
  hash TEXT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' AND EXISTS (SELECT 1 FROM audit_checkpoints c
      WHERE c.org_id = OLD.org_id AND OLD.seq <= c.seq) THEN
    RETURN OLD;
  END IF;
  RAISE EXCEPTION 'audit_log is append-only';
END $$;
