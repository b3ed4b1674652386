"""Issue 10 item 11: a database written by release 0.1.0 upgrades to exactly
the schema of a fresh database, losing no row, on SQLite and on PostgreSQL;
and a database whose applied migrations differ from the binary's is refused
by name. The fixtures in tests/fixtures/release-0.1.0/ were written by that
release's binary and are never regenerated."""
import os
import pathlib
import shutil
import sqlite3
import subprocess
import tempfile
import uuid

import pytest

from fixtures.database import pg_database, psql
from fixtures.server import BIN, PG_URL

FIXTURES = pathlib.Path(__file__).resolve().parents[1] / "fixtures" / "release-0.1.0"


def run_bulwark(env, *args):
    full = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), **env}
    return subprocess.run([BIN, *args], env=full, capture_output=True, text=True, timeout=120)


# --- SQLite ---

def sqlite_catalog(path):
    con = sqlite3.connect(path)
    try:
        tables = [r[0] for r in con.execute(
            "SELECT name FROM sqlite_master WHERE type='table' AND name NOT LIKE 'sqlite_%' ORDER BY name")]
        catalog = {}
        for t in tables:
            cols = [tuple(r[1:]) for r in con.execute(f"PRAGMA table_info('{t}')")]
            fks = sorted(tuple(r[2:5]) for r in con.execute(f"PRAGMA foreign_key_list('{t}')"))
            catalog[t] = {"columns": cols, "foreign_keys": fks}
        indexes = {r[0]: (r[1], [c[2] for c in con.execute(f"PRAGMA index_info('{r[0]}')")])
                   for r in con.execute("SELECT name, tbl_name FROM sqlite_master WHERE type='index'")}
        triggers = sorted(r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='trigger'"))
        counts = {t: con.execute(f"SELECT count(*) FROM '{t}'").fetchone()[0] for t in tables}
        return {"tables": catalog, "indexes": indexes, "triggers": triggers}, counts
    finally:
        con.close()


def migrate_sqlite(data_dir):
    r = run_bulwark({"BULWARK_DATA_DIR": str(data_dir)}, "migrate")
    assert r.returncode == 0, r.stderr
    return r


@pytest.mark.skipif(bool(PG_URL), reason="the SQLite upgrade runs in the SQLite pass")
def test_sqlite_database_of_release_0_1_0_upgrades_to_the_fresh_schema_losing_no_row():
    old, fresh = pathlib.Path(tempfile.mkdtemp()), pathlib.Path(tempfile.mkdtemp())
    shutil.copyfile(FIXTURES / "bulwark-0.1.0.sqlite3", old / "bulwark.sqlite3")
    _, before = sqlite_catalog(old / "bulwark.sqlite3")
    out = migrate_sqlite(old).stdout
    assert "adopted  0003 work" in out  # rows written before checksums existed
    migrate_sqlite(fresh)
    upgraded, after = sqlite_catalog(old / "bulwark.sqlite3")
    expected, _ = sqlite_catalog(fresh / "bulwark.sqlite3")
    assert upgraded == expected
    for table, n in before.items():
        if table != "schema_migrations":
            assert after[table] == n, table
    con = sqlite3.connect(old / "bulwark.sqlite3")
    assert con.execute("PRAGMA foreign_key_check").fetchall() == []
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


@pytest.mark.skipif(bool(PG_URL), reason="runs in the SQLite pass")
def test_sqlite_database_with_an_edited_migration_is_refused_by_name():
    d = pathlib.Path(tempfile.mkdtemp())
    migrate_sqlite(d)
    con = sqlite3.connect(d / "bulwark.sqlite3")
    con.execute("UPDATE schema_migrations SET checksum = 'abc' WHERE version = 2")
    con.commit()
    con.close()
    r = run_bulwark({"BULWARK_DATA_DIR": str(d)}, "migrate")
    assert r.returncode != 0
    assert 'migration 0002 "identity"' in r.stderr and "append-only" in r.stderr
    status = run_bulwark({"BULWARK_DATA_DIR": str(d)}, "migrate", "--status").stdout
    assert "CHECKSUM DIFFERS" in status
    served = run_bulwark({"BULWARK_DATA_DIR": str(d), "BULWARK_LISTEN": "127.0.0.1:0"}, "serve")
    assert served.returncode != 0 and 'migration 0002 "identity"' in served.stderr


@pytest.mark.skipif(bool(PG_URL), reason="runs in the SQLite pass")
def test_older_binary_refuses_a_database_from_a_newer_release():
    d = pathlib.Path(tempfile.mkdtemp())
    migrate_sqlite(d)
    con = sqlite3.connect(d / "bulwark.sqlite3")
    con.execute("INSERT INTO schema_migrations (version, name, applied_at, checksum) "
                "VALUES (900, 'next_release', 0, 'x')")
    con.commit()
    con.close()
    r = run_bulwark({"BULWARK_DATA_DIR": str(d)}, "migrate")
    assert r.returncode != 0 and 'migration 0900 "next_release"' in r.stderr
    assert "does not know" in r.stderr


# --- PostgreSQL ---

@pytest.fixture
def pg_pair():
    names = [f"upgrade_{uuid.uuid4().hex[:8]}", f"fresh_{uuid.uuid4().hex[:8]}"]
    admin_url = pg_database("postgres")
    for n in names:
        psql(admin_url, f"CREATE DATABASE {n}")
    yield [pg_database(n) for n in names]
    for n in names:
        psql(admin_url, f"DROP DATABASE IF EXISTS {n} WITH (FORCE)")


def pg_catalog(url):
    q = {
        "columns": "SELECT table_name, column_name, data_type, is_nullable, coalesce(column_default,''), "
                   "is_identity FROM information_schema.columns WHERE table_schema='public' ORDER BY 1, 2",
        "indexes": "SELECT indexname, indexdef FROM pg_indexes WHERE schemaname='public' ORDER BY 1",
        "constraints": "SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid) FROM pg_constraint "
                       "WHERE connamespace='public'::regnamespace ORDER BY 1, 2",
        "triggers": "SELECT event_object_table, trigger_name, action_statement FROM information_schema.triggers "
                    "ORDER BY 1, 2, 3",
    }
    return {k: psql(url, v) for k, v in q.items()}


def pg_counts(url):
    tables = psql(url, "SELECT tablename FROM pg_tables WHERE schemaname='public' ORDER BY 1").split()
    return {t: int(psql(url, f'SELECT count(*) FROM "{t}"')) for t in tables}


@pytest.mark.skipif(not PG_URL, reason="runs in the PostgreSQL pass")
def test_postgres_database_of_release_0_1_0_upgrades_to_the_fresh_schema_losing_no_row(pg_pair):
    old, fresh = pg_pair
    psql(old, stdin=(FIXTURES / "bulwark-0.1.0.postgres.sql").read_text())
    before = pg_counts(old)
    r = run_bulwark({"BULWARK_DATABASE_URL": old}, "migrate")
    assert r.returncode == 0, r.stderr
    assert "adopted  0004 messaging" in r.stdout
    r = run_bulwark({"BULWARK_DATABASE_URL": fresh}, "migrate")
    assert r.returncode == 0, r.stderr
    assert pg_catalog(old) == pg_catalog(fresh)
    after = pg_counts(old)
    for table, n in before.items():
        if table != "schema_migrations":
            assert after[table] == n, table


@pytest.mark.skipif(not PG_URL, reason="runs in the PostgreSQL pass")
def test_postgres_database_with_an_edited_migration_is_refused_by_name(pg_pair):
    db = pg_pair[0]
    assert run_bulwark({"BULWARK_DATABASE_URL": db}, "migrate").returncode == 0
    psql(db, "UPDATE schema_migrations SET checksum = 'abc' WHERE version = 3")
    r = run_bulwark({"BULWARK_DATABASE_URL": db}, "migrate")
    assert r.returncode != 0 and 'migration 0003 "work"' in r.stderr
