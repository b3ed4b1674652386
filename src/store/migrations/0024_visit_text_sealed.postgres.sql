-- Issue 13 item 1: the free text that describes a customer's visit is
-- personal data, sealed per row like customers' (AES-256-GCM under the
-- organization's data key, this random row key in the associated data):
-- work orders' descriptions, comments, time notes, checklist values and the
-- completion record; and the answers kept for Idempotency-Key replays (a
-- response body can repeat any of these, or a customer's name and phone);
-- and the notes of a data-subject request (they may name the customer).
-- A row whose row_key is NULL holds plain text: written before this
-- migration and not yet sealed by the start-up pass, or erased.
ALTER TABLE work_orders ADD COLUMN row_key TEXT;
ALTER TABLE work_order_comments ADD COLUMN row_key TEXT;
ALTER TABLE work_order_time ADD COLUMN row_key TEXT;
ALTER TABLE work_order_checklist ADD COLUMN row_key TEXT;
ALTER TABLE completion_records ADD COLUMN row_key TEXT;
ALTER TABLE idempotency_keys ADD COLUMN row_key TEXT;
ALTER TABLE privacy_requests ADD COLUMN row_key TEXT;
