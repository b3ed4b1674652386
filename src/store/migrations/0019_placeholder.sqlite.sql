-- PLACEHOLDER for another helper's migration (the lead drops this at merge).
SELECT 1;
