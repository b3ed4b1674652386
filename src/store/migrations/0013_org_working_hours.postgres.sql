CREATE TABLE org_working_hours (
  org_id BIGINT NOT NULL REFERENCES orgs(id),
  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),
  start_minute INTEGER NOT NULL CHECK (start_minute BETWEEN 0 AND 1440),
  end_minute INTEGER NOT NULL CHECK (end_minute BETWEEN 0 AND 1440),
  CHECK (start_minute <= end_minute),
  PRIMARY KEY (org_id, weekday)
);
INSERT INTO org_working_hours (org_id, weekday, start_minute, end_minute)
SELECT o.id, d.weekday, CASE WHEN d.weekday <= 5 THEN 480 ELSE 0 END,
       CASE WHEN d.weekday <= 5 THEN 1020 ELSE 0 END
FROM orgs o CROSS JOIN (SELECT 1 AS weekday UNION ALL SELECT 2 UNION ALL SELECT 3
  UNION ALL SELECT 4 UNION ALL SELECT 5 UNION ALL SELECT 6 UNION ALL SELECT 7) d;
