-- The organization's logo on its invoices and reports (issue 14 item 2):
-- a PNG the server made itself from an upload that passed the file checks
-- (type from the bytes, malware scan, decoded and encoded again, at most
-- 600 x 240 pixels), kept base64 in the orgs row rather than as a blob file:
-- a few tens of kilobytes that every instance on PostgreSQL reads, that
-- each backup and export carries with the organization, and that goes when
-- it is replaced without a file to clean up. A logo is not personal data.
-- NULL: no logo.
ALTER TABLE orgs ADD COLUMN logo_png TEXT;
ALTER TABLE orgs ADD COLUMN logo_updated_at INTEGER;
