-- placeholder (dropped at merge)
SELECT 1;
