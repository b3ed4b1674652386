-- The price book (issue 14 item 1): the services and products an
-- organization sells, each with a unit and a unit price in integer cents
-- (a pump-out flat, disposal per gallon, labour per hour). Archived items
-- stay (work order parts refer to them) but leave the picker; names are
-- unique per organization among active items, whatever their case.
CREATE TABLE price_items (
  id BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  kind TEXT NOT NULL CHECK (kind IN ('service','product')),
  name TEXT NOT NULL,
  unit TEXT NOT NULL CHECK (unit IN ('each','gallon','hour','flat')),
  unit_price_cents BIGINT NOT NULL CHECK (unit_price_cents >= 0),
  tax_class TEXT,
  active INTEGER NOT NULL DEFAULT 1,
  version INTEGER NOT NULL DEFAULT 1,
  created_at BIGINT NOT NULL,
  updated_at BIGINT NOT NULL
);
CREATE INDEX price_items_org ON price_items(org_id, id);
CREATE UNIQUE INDEX price_items_org_name ON price_items(org_id, lower(name)) WHERE active = 1;
-- A work order's line item from the book: its name, unit and price are
-- copied when it is added (what was quoted stays, whatever the book says
-- later); the reference tells the invoice it is a line item.
ALTER TABLE work_order_parts ADD COLUMN price_item_id BIGINT REFERENCES price_items(id);
