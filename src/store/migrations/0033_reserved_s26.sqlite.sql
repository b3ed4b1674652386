-- PLACEHOLDER on branch s26-req only: 0033 belongs to another branch of
-- session 26; the runner allows no gap, so this stands in for it until merge.
-- Drop this file (and its migrations.txt and checksum lines) when merging.
SELECT 1;
