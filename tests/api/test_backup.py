"""Encrypted backups (issue 13 item 4): `bulwark admin backup create | list |
verify | restore | prune` against a real server on both engines (real
pg_dump / pg_restore on PostgreSQL). Every damaged file is refused; a
backup, a dropped database and a restore give back every row and an audit
chain that verifies; the PostgreSQL password never reaches a command line."""
import base64
import os
import pathlib
import shutil
import sqlite3
import stat
import subprocess
import tempfile
import time
import urllib.parse
import uuid

import pytest

from fixtures.database import pg_database, psql
from fixtures.people import admin, create_user, login, new_user_client, unique
from fixtures.server import BIN, PG_URL
from fixtures.work import new_customer, new_site, new_wo

CHUNK = 64 * 1024
HEADER = 32
RECORD = CHUNK + 16


def key():
    return base64.b64encode(os.urandom(32)).decode()


@pytest.fixture
def fresh(make_server):
    """A server on a database of its own (a new PostgreSQL database, or its own
    SQLite file), with a backup key and directory, seeded through the API."""
    data_dir = tempfile.mkdtemp(prefix="bulwark-backup-")
    env = {"BULWARK_BACKUP_KEY": key(), "BULWARK_BACKUP_DIR": os.path.join(data_dir, "backups")}
    if PG_URL:
        name = "backup_" + uuid.uuid4().hex[:8]
        psql(PG_URL, f"CREATE DATABASE {name}")
        env["BULWARK_DATABASE_URL"] = pg_database(name)
    # Its worker makes the day's backup at start (test_daily_backup_... counts on it).
    s = make_server(extra_env=env, data_dir=data_dir)
    org = unique("bk")
    admin(s, "create-org", "--slug", org, "--name", "Backup Septic", "--time-zone", "UTC")
    client, _ = new_user_client(s, org, "owner")
    for i in range(3):
        c = new_customer(client, name=f"Customer {i}")
        site = new_site(client, customer=c)
        new_wo(client, site_id=site["id"], title=f"Pump tank {i}")
    return s


def bk(server, *args, env=None, check=True):
    e = dict(server.env, **(env or {}))
    p = subprocess.run([BIN, "admin", "backup", *args], env=e, capture_output=True, text=True, timeout=120)
    if check:
        assert p.returncode == 0, p.stderr
    return p


def create(server):
    p = bk(server, "create")
    path = p.stdout.strip().splitlines()[-1]
    assert os.path.exists(path)
    assert "%" in p.stderr or "bytes" in p.stderr  # progress on stderr
    return path


def tables(server):
    if PG_URL:
        url = server.env["BULWARK_DATABASE_URL"]
        names = psql(url, "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY 1").split()
        return {n: int(psql(url, f'SELECT count(*) FROM "{n}"')) for n in names}
    con = sqlite3.connect(os.path.join(server.data_dir, "bulwark.sqlite3"))
    try:
        names = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
        return {n: con.execute(f'SELECT count(*) FROM "{n}"').fetchone()[0] for n in names}
    finally:
        con.close()


def drop_database(server):
    if PG_URL:
        psql(server.env["BULWARK_DATABASE_URL"], "DROP SCHEMA public CASCADE; CREATE SCHEMA public")
    else:
        for suffix in ("", "-wal", "-shm"):
            p = os.path.join(server.data_dir, "bulwark.sqlite3" + suffix)
            if os.path.exists(p):
                os.remove(p)


def damaged(path, how):
    data = bytearray(pathlib.Path(path).read_bytes())
    if how == "flip":
        data[HEADER + 100] ^= 0x01
    elif how == "flip_header":
        data[20] ^= 0x01
    elif how == "truncate":
        data = data[: HEADER + RECORD]  # cut exactly at a chunk boundary
    elif how == "swap":
        assert len(data) > HEADER + 2 * RECORD, "the test needs at least three chunks"
        a, b = data[HEADER:HEADER + RECORD], data[HEADER + RECORD:HEADER + 2 * RECORD]
        data[HEADER:HEADER + 2 * RECORD] = b + a
    out = path.replace(".bwbk", f"-{how}.bwbk")
    pathlib.Path(out).write_bytes(bytes(data))
    return out


def test_create_verify_list_and_file_is_private(fresh):
    path = create(fresh)
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o600
    v = bk(fresh, "verify", path)
    assert v.stdout.startswith("ok ")
    assert os.path.basename(path) in bk(fresh, "list").stdout
    # No seeded value in plain text in the backup.
    raw = pathlib.Path(path).read_bytes()
    assert b"Pump tank" not in raw and b"Customer 1" not in raw and b"Backup Septic" not in raw


@pytest.mark.parametrize("how", ["flip", "flip_header", "truncate", "swap", "wrong_key"])
def test_damaged_backup_is_refused_by_verify_and_restore(fresh, how):
    if PG_URL and how == "swap":
        # pg_dump compresses: enough incompressible rows for three chunks.
        psql(fresh.env["BULWARK_DATABASE_URL"],
             "CREATE TABLE filler AS SELECT md5(random()::text) AS v FROM generate_series(1, 20000)")
    path = create(fresh)
    before = tables(fresh)
    env = None
    if how == "wrong_key":
        bad, env = path, {"BULWARK_BACKUP_KEY": key()}
    else:
        bad = damaged(path, how)
    v = bk(fresh, "verify", bad, env=env, check=False)
    assert v.returncode == 1 and v.stdout.startswith("BAD"), v.stdout + v.stderr
    fresh.stop()
    r = bk(fresh, "restore", bad, env=env, check=False)
    assert r.returncode == 1 and "refused" in r.stderr, r.stderr
    assert tables(fresh) == before  # nothing of it was used


def test_backup_drop_restore_gives_back_every_row_and_a_sound_audit_chain(fresh):
    before = tables(fresh)
    assert before["customers"] == 3 and before["work_orders"] == 3
    path = create(fresh)
    # A running server holds the SQLite file / PostgreSQL sessions: restore refuses.
    r = bk(fresh, "restore", path, check=False)
    assert r.returncode == 1, r.stderr
    assert ("other sessions are connected" if PG_URL else "in use") in r.stderr, r.stderr
    fresh.stop()
    drop_database(fresh)
    bk(fresh, "restore", path)
    after = tables(fresh)
    # The restore is audited in every organization's chain (backup.restored).
    assert after.pop("audit_log") == before.pop("audit_log") + before["orgs"]
    assert after == before
    audit = admin(fresh, "audit", "verify")
    assert "audit log intact" in audit.stdout


def test_prune_keeps_fresh_and_deletes_older_than_retention(fresh):
    path = create(fresh)
    old = os.path.join(os.path.dirname(path), "bulwark-20200101T000000Z" + path[path.index(".", len(os.path.dirname(path)) + 1):])
    shutil.copy(path, old)
    p = bk(fresh, "prune", env={"BULWARK_BACKUP_RETENTION": "90d"})
    assert "1 backups deleted" in p.stdout, p.stdout
    assert os.path.exists(path) and not os.path.exists(old)


@pytest.mark.skipif(not PG_URL, reason="pg_dump runs on PostgreSQL only")
def test_postgres_password_never_on_a_command_line(fresh, tmp_path):
    """pg_dump and pg_restore wrappers first on PATH record their own
    /proc/<pid>/cmdline and whether the password reached them through the
    environment."""
    secret = "s3cret-" + uuid.uuid4().hex[:8]
    parts = urllib.parse.urlsplit(fresh.env["BULWARK_DATABASE_URL"])
    netloc = f"{parts.username}:{secret}@{parts.hostname}:{parts.port}"
    url = urllib.parse.urlunsplit(parts._replace(netloc=netloc))
    for tool in ("pg_dump", "pg_restore"):
        wrapper = tmp_path / tool
        record = tmp_path / f"{tool}.record"
        wrapper.write_text(
            "#!/bin/sh\n"
            f"tr '\\0' ' ' < /proc/$$/cmdline > {record}\n"
            f"echo >> {record}; [ \"$PGPASSWORD\" = '{secret}' ] && echo PASSWORD-IN-ENV >> {record}\n"
            f'exec /usr/bin/{tool} "$@"\n')
        wrapper.chmod(0o755)
    env = {"BULWARK_DATABASE_URL": url, "PATH": f"{tmp_path}:{fresh.env['PATH']}"}
    made = bk(fresh, "create", env=env)
    path = made.stdout.strip().splitlines()[-1]
    fresh.stop()
    restored = bk(fresh, "restore", path, env=env)
    for tool, flag in (("pg_dump", "--format=custom"), ("pg_restore", "--clean")):
        text = (tmp_path / f"{tool}.record").read_text()
        assert flag in text, text
        assert "PASSWORD-IN-ENV" in text
        assert secret not in text.splitlines()[0]
    assert secret not in made.stdout + made.stderr + restored.stdout + restored.stderr


def lease_sql(server, sql):
    """On the server's own database (db_query/db_exec of fixtures use the shared one)."""
    if PG_URL:
        return psql(server.env["BULWARK_DATABASE_URL"], sql).strip()
    con = sqlite3.connect(os.path.join(server.data_dir, "bulwark.sqlite3"))
    try:
        rows = con.execute(sql).fetchall()
        con.commit()
        return "\n".join("|".join(str(v) for v in r) for r in rows)
    finally:
        con.close()


def wait_for_backups(directory, n, timeout=20):
    deadline = time.time() + timeout
    found = []
    while time.time() < deadline:
        found = [f for f in os.listdir(directory) if f.endswith(".bwbk")] if os.path.isdir(directory) else []
        if len(found) >= n:
            return found
        time.sleep(0.2)
    return found


def test_daily_backup_by_one_instance_and_warning_when_the_host_changes(fresh, make_server):
    directory = fresh.env["BULWARK_BACKUP_DIR"]
    # The fixture's server took the lease at start and made the day's backup.
    assert len(wait_for_backups(directory, 1)) == 1
    assert lease_sql(fresh, "SELECT last_host FROM backup_lease") != ""
    # A second instance on the same database finds the day's backup done.
    second = make_server(extra_env=dict(fresh.env), data_dir=fresh.data_dir)
    time.sleep(2)
    assert len(wait_for_backups(directory, 1)) == 1
    # Due again, and the last backup was made elsewhere: the holder warns.
    second.stop()
    fresh.stop()
    lease_sql(fresh, "UPDATE backup_lease SET next_due_ms = 0, last_host = 'another-host'")
    third = make_server(extra_env=dict(fresh.env), data_dir=fresh.data_dir)
    assert len(wait_for_backups(directory, 2)) == 2
    assert "BULWARK_BACKUP_DIR must be shared storage" in third.log_text()
