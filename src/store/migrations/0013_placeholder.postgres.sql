-- PLACEHOLDER for another helper's migration 0013 (dropped at merge).
SELECT 1;
