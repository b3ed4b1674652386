-- Attachments at rest (issue 13 item 1): the row's random key (base64 of 128
-- bits, chosen before the INSERT) binds original_name and caption, now
-- sealed envelopes, and the blob and thumbnail bytes, sealed with the same
-- key. blob_format tells how the bytes under blob_key are stored: 0 = plain
-- (written before this migration; the upgrade pass seals them), 1 = one
-- AES-256-GCM envelope over the whole file (on PostgreSQL cut into 1 MiB
-- chunks after sealing, so a missing or reordered chunk fails the tag).
ALTER TABLE attachments ADD COLUMN row_key TEXT;
ALTER TABLE attachments ADD COLUMN blob_format INTEGER NOT NULL DEFAULT 0;
