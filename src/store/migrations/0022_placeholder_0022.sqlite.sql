-- PLACEHOLDER for another helper's migration 0022 (dropped at merge).
SELECT 1;
