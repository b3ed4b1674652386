-- Issue 13 item 1: an SMS's phone number and body are personal data, sealed
-- per row (AES-256-GCM, the organization's data key) with this random row key
-- in the associated data. A row whose row_key is NULL holds plain text: written
-- before this migration and not yet sealed by the start-up pass, or erased.
ALTER TABLE sms_messages ADD COLUMN row_key TEXT;
