-- Placeholder for a helper branch's migration; dropped at merge.
SELECT 1;
