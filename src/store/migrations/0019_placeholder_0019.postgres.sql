-- PLACEHOLDER for another helper's migration 0019 (dropped at merge).
SELECT 1;
