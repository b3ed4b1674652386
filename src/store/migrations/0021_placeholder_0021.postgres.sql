-- PLACEHOLDER for another helper's migration 0021 (dropped at merge).
SELECT 1;
