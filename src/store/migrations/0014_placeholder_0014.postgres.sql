-- placeholder: another branch's migration takes this number at merge
SELECT 1;
