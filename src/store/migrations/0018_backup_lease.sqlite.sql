-- The daily encrypted backup's lease (backup/daily.cpp): one row, not per
-- organization (a backup is of the whole database). The instance whose
-- UPDATE takes an expired lease on a due row makes the backup; the host of
-- the last backup is kept to warn when it changes (the backup directory
-- must then be shared storage). Times: milliseconds since the epoch (UTC).
CREATE TABLE backup_lease (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  next_due_ms INTEGER NOT NULL DEFAULT 0,
  lease_until_ms INTEGER NOT NULL DEFAULT 0,
  holder_host TEXT NOT NULL DEFAULT '',
  last_host TEXT NOT NULL DEFAULT '',
  last_backup_ms INTEGER NOT NULL DEFAULT 0
);
INSERT INTO backup_lease (id) VALUES (1);
