-- PLACEHOLDER for another branch's migration 0019 (dropped at merge).
SELECT 1;
