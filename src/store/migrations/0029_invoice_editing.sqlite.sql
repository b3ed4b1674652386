-- Draft invoice editing, payments recorded by hand (issue 14 item 2).
-- Tax rates per organization (name, rate in basis points); a price book
-- tax_class may name the rate its items take by default.
CREATE TABLE tax_rates (
  id INTEGER PRIMARY KEY,
  org_id INTEGER NOT NULL REFERENCES orgs(id),
  name TEXT NOT NULL,
  rate_bp INTEGER NOT NULL CHECK (rate_bp >= 0 AND rate_bp <= 10000),
  tax_class TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at INTEGER NOT NULL,
  updated_at INTEGER NOT NULL
);
CREATE INDEX tax_rates_org ON tax_rates(org_id, id);
-- edited: the office changed the draft, so refreshing it from its work
-- order no longer rewrites it. notes is sealed under the invoice's row_key
-- (it may describe the visit); terms is the office's boilerplate.
ALTER TABLE invoices ADD COLUMN edited INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN discount_cents INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN discount_bp INTEGER NOT NULL DEFAULT 0;
ALTER TABLE invoices ADD COLUMN notes TEXT;
ALTER TABLE invoices ADD COLUMN terms TEXT;
ALTER TABLE invoices ADD COLUMN due_on TEXT;
-- A line's tax is copied from its rate when chosen (name and basis points),
-- so a later change of the rate does not rewrite an issued invoice.
ALTER TABLE invoice_lines ADD COLUMN unit TEXT;
ALTER TABLE invoice_lines ADD COLUMN price_item_id INTEGER REFERENCES price_items(id);
ALTER TABLE invoice_lines ADD COLUMN tax_rate_id INTEGER REFERENCES tax_rates(id);
ALTER TABLE invoice_lines ADD COLUMN tax_name TEXT;
ALTER TABLE invoice_lines ADD COLUMN tax_rate_bp INTEGER NOT NULL DEFAULT 0;
-- The office's payments: method (cash, check, card_external), the check
-- number sealed under the ledger row's own row_key (the export and the key
-- rotation open a column with its row's key), the day the money came.
ALTER TABLE payment_ledger ADD COLUMN method TEXT;
ALTER TABLE payment_ledger ADD COLUMN reference TEXT;
ALTER TABLE payment_ledger ADD COLUMN received_on TEXT;
ALTER TABLE payment_ledger ADD COLUMN row_key TEXT;
