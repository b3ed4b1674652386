-- Placeholder for another helper's migration 0039 (session 28); dropped at merge.
SELECT 1;
