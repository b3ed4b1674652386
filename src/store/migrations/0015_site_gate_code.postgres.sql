-- A site's gate code, apart from its free-text access notes: shown big on the
-- technician's phone after the reveal, hidden like the notes (site_access.cpp).
ALTER TABLE sites ADD COLUMN gate_code TEXT NOT NULL DEFAULT '';
