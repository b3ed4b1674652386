-- PLACEHOLDER for another helper's migration 0012 (dropped at merge).
SELECT 1;
