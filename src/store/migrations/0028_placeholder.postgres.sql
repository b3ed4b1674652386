-- PLACEHOLDER for migration 0028 (another helper of session 24 owns it).
-- A statement, because PostgreSQL refuses an empty script.
SELECT 1;
