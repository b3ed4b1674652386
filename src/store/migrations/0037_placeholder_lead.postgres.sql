-- PLACEHOLDER for the lead's migration 0037 (session 27): the helper branch
-- s27-h1 needs 0037 to exist to build its own 0038. Drop this file, its
-- migrations.txt line and its checksum line when merging.
SELECT 1;
