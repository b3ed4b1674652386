"""Restore replays the erasure ledger (issue 13 items 4 and 6): a customer
erased after a backup was made stays erased when that backup is restored
(and is audited as such); a restore without the ledger is refused before it
changes anything."""
import os
import sqlite3
import tempfile
import uuid

import pytest

from fixtures.database import pg_database, psql
from fixtures.people import admin, new_user_client, unique
from fixtures.server import PG_URL
from fixtures.work import new_customer
from test_backup import bk, create, drop_database, key

NAME = "Ermengarde Vollstreckerin-Quist"


@pytest.fixture
def shop(make_server):
    data_dir = tempfile.mkdtemp(prefix="bulwark-replay-")
    env = {"BULWARK_BACKUP_KEY": key(), "BULWARK_BACKUP_DIR": os.path.join(data_dir, "backups")}
    if PG_URL:
        name = "replay_" + uuid.uuid4().hex[:8]
        psql(PG_URL, f"CREATE DATABASE {name}")
        env["BULWARK_DATABASE_URL"] = pg_database(name)
    s = make_server(extra_env=env, data_dir=data_dir)
    org = unique("er")
    admin(s, "create-org", "--slug", org, "--name", "Replay Septic", "--time-zone", "UTC")
    owner, _ = new_user_client(s, org, "owner")
    keep = new_customer(owner, name="Keep Me Pumping")
    gone = new_customer(owner, name=NAME, phone="+15550001234")
    return s, owner, keep, gone


def value(server, sql):
    if PG_URL:
        return psql(server.env["BULWARK_DATABASE_URL"], sql).strip()
    con = sqlite3.connect(os.path.join(server.data_dir, "bulwark.sqlite3"))
    try:
        row = con.execute(sql).fetchone()
        return "" if row is None else str(row[0])
    finally:
        con.close()


def test_customer_erased_after_a_backup_stays_erased_after_restoring_it_ISSUE13_6(shop):
    s, owner, keep, gone = shop
    # Names are sealed at rest: the kept customer's row must come back byte
    # for byte; the erased one loses its search tokens and phone index.
    keep_sealed = value(s, f"SELECT name FROM customers WHERE id = {keep['id']}")
    assert keep_sealed and keep_sealed != "Keep Me Pumping"
    path = create(s)
    r = owner.post(f"/api/v1/customers/{gone['id']}/erase",
                   json={"reason": "GDPR Art. 17 request", "confirm": NAME})
    assert r.status_code == 200, r.text
    s.stop()
    drop_database(s)
    out = bk(s, "restore", path)
    assert "1 customers erased again" in out.stdout, out.stdout
    assert value(s, f"SELECT COUNT(*) FROM customer_name_tokens WHERE customer_id = {gone['id']}") == "0"
    assert value(s, f"SELECT COALESCE(phone_bidx, '') FROM customers WHERE id = {gone['id']}") == ""
    assert value(s, f"SELECT name FROM customers WHERE id = {keep['id']}") == keep_sealed
    assert value(s, f"SELECT COUNT(*) FROM customer_erasures WHERE customer_id = {gone['id']}") == "1"
    assert value(s, "SELECT COUNT(*) FROM audit_log WHERE action = 'customer.erasure_replayed' "
                    f"AND target_id = '{gone['id']}'") == "1"
    assert "audit log intact" in admin(s, "audit", "verify").stdout
    # A second restore of the same backup replays again, and the result is the same.
    drop_database(s)
    out = bk(s, "restore", path)
    assert "1 customers erased again" in out.stdout
    assert value(s, f"SELECT COUNT(*) FROM customer_name_tokens WHERE customer_id = {gone['id']}") == "0"


def test_restore_without_the_erasure_ledger_is_refused_ISSUE13_6(shop):
    s, owner, keep, gone = shop
    before = value(s, f"SELECT name FROM customers WHERE id = {gone['id']}")  # sealed at rest
    path = create(s)
    ledger = os.path.join(s.env["BULWARK_BACKUP_DIR"], "erasure-ledger.jsonl")
    assert os.path.exists(ledger)  # every backup directory has one, empty at first
    s.stop()
    os.remove(ledger)
    r = bk(s, "restore", path, check=False)
    assert r.returncode != 0
    assert "erasure ledger" in r.stderr, r.stderr
    assert value(s, f"SELECT name FROM customers WHERE id = {gone['id']}") == before


def test_backup_create_restore_and_prune_are_audited_with_file_names_never_keys_ISSUE13_4(shop):
    s, owner, keep, gone = shop
    path = create(s)
    name = os.path.basename(path)
    sql = "SELECT COUNT(*) FROM audit_log WHERE action = '{}' AND target_id = '{}'"
    orgs = int(value(s, "SELECT COUNT(*) FROM orgs"))
    assert value(s, sql.format("backup.created", name)) == str(orgs)
    s.stop()
    bk(s, "restore", path)
    assert value(s, sql.format("backup.restored", name)) == str(orgs)
    old_name = "bulwark-20200101T000000Z" + name[name.index("."):]
    with open(path, "rb") as src, open(os.path.join(os.path.dirname(path), old_name), "wb") as dst:
        dst.write(src.read())
    out = bk(s, "prune")
    assert "1 backups deleted" in out.stdout, out.stdout
    assert value(s, sql.format("backup.pruned", old_name)) == str(orgs)
    backup_key = s.env["BULWARK_BACKUP_KEY"]
    assert value(s, f"SELECT COUNT(*) FROM audit_log WHERE target_id LIKE '%{backup_key[:12]}%' "
                    f"OR fields LIKE '%{backup_key[:12]}%'") == "0"
