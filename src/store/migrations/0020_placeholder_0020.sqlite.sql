-- PLACEHOLDER for another helper's migration 0020 (dropped at merge).
SELECT 1;
