-- PLACEHOLDER for another helper's migration 0016 (the lead drops this at merge).
SELECT 1;
