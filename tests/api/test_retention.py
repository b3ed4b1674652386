"""Retention sweeps (issue 13 item 5; field-service policy retention table:
customer records 7 years, soft delete then hard delete). Each server's
retention worker runs every 100 ms here. A customer soft-deleted just under
7 years ago is back-dated in the database, then the server's clock is moved
a few seconds (tests/api/fixtures/clock.py; short moves, as a shared
PostgreSQL asks): the customer is purged with its sites, messages and
attachments, its work order stays with "Deleted customer", and its invoice
still names the buyer from the frozen billing snapshot."""
import os
import time

import pytest

from fixtures.database import db_exec, db_query
from fixtures.files import png
from fixtures.peers import wait_for
from fixtures.people import admin, create_org, new_user_client
from fixtures.server import PG_URL
from fixtures.work import complete, get_invoice, invoice_of, new_wo, step_invoice

YEAR_MS = 31_557_600_000
FAST = {"BULWARK_RETENTION_INTERVAL": "100ms"}


def ok(r, status=201):
    assert r.status_code == status, r.text
    return r.json()


def seed(server, office, tag):
    """A customer with a site, a completed work order with a photo, an opened
    invoice and a text message, soft-deleted through the API."""
    c = ok(office.post("/api/v1/customers", json={
        "name": f"Philippa Retentionworth {tag}", "phone": f"+1555700{tag}",
        "email": f"philippa{tag}@retention.example", "billing_address": f"{tag} Cesspool Row"}))
    site = ok(office.post(f"/api/v1/customers/{c['id']}/sites", json={
        "name": "Farmhouse", "address": f"{tag} Leachfield Lane"}))
    wo = new_wo(office, customer_id=c["id"], site_id=site["id"], description="Tank behind barn")
    base = f"/api/v1/work-orders/{wo['id']}"
    photo = ok(office.post(base + "/attachments", files={
        "file": ("tank.png", png(40, 30), "image/png")}))
    wo = complete(office, ok(office.get(base), 200))
    inv = step_invoice(office, invoice_of(office, wo), "open")
    db_exec(server, "INSERT INTO sms_messages (org_id, customer_id, work_order_id, direction, "
                    "kind, phone, body, status, created_at, updated_at) VALUES "
                    f"({office.org_id}, {c['id']}, {wo['id']}, 'inbound', 'reply', "
                    f"'+1555700{tag}', 'See you Tuesday', 'received', 1, 1)")
    assert office.request("DELETE", f"/api/v1/customers/{c['id']}").status_code in (200, 204)
    return {"customer": c, "site": site, "wo": wo, "photo": photo, "invoice": inv}


def backdate(server, customer_ids, seconds_left):
    """Soft-deleted `seconds_left` seconds before their 7 years end."""
    ids = ",".join(str(i) for i in customer_ids)
    db_exec(server, "UPDATE customers SET deleted_at = "
                    f"{_now_ms(server)} - {7 * YEAR_MS} + {seconds_left * 1000} "
                    f"WHERE id IN ({ids})")


def _now_ms(server):
    offset = server.clock.offset_ms if getattr(server, "clock", None) else 0
    return int(time.time() * 1000) + offset


def purged(server, customer_id):
    rows = db_query(server, f"SELECT purged_at FROM customers WHERE id = {customer_id}")
    return rows and rows[0][0] not in (None, "")


def blob_exists(server, org_id, key):
    """The attachment's bytes: a file on SQLite, chunk rows on PostgreSQL."""
    if PG_URL:
        return count(server, f"SELECT COUNT(*) FROM attachment_chunks WHERE blob_key = '{key}'") > 0
    return os.path.exists(os.path.join(server.data_dir, "attachments", str(org_id), key))


def count(server, sql):
    return int(db_query(server, sql)[0][0])


def purge_audit_counts(server, org_id):
    """The customers= counts of every purge entry of the organization."""
    rows = db_query(server, "SELECT fields FROM audit_log WHERE action = "
                            f"'retention.customers_purged' AND org_id = {org_id}")
    total = []
    for (fields,) in rows:
        for part in fields.replace("[", "").replace("]", "").replace('"', "").split(","):
            if part.strip().startswith("customers="):
                total.append(int(part.strip().split("=")[1]))
    return total


def test_retention_customers_7y_purged_work_orders_kept_invoice_shows_snapshot(
        make_clock_server, clamd_socket):
    s = make_clock_server(extra_env=dict(FAST, BULWARK_CLAMD_SOCKET=clamd_socket))
    org = create_org(s)
    owner, _ = new_user_client(s, org, "owner")
    seeded = seed(s, owner, "4101")
    cid = seeded["customer"]["id"]
    key = db_query(s, f"SELECT blob_key FROM attachments WHERE id = {seeded['photo']['id']}")[0][0]
    assert blob_exists(s, owner.org_id, key)
    backdate(s, [cid], seconds_left=3)
    s.clock.advance(1)
    time.sleep(0.5)  # five sweeps
    assert not purged(s, cid), "purged before its 7 years ended"
    s.clock.advance(5)
    wait_for(lambda: purged(s, cid), timeout=20, what="the customer purge")

    assert count(s, f"SELECT COUNT(*) FROM sites WHERE customer_id = {cid}") == 0
    assert count(s, f"SELECT COUNT(*) FROM sms_messages WHERE customer_id = {cid}") == 0
    assert count(s, "SELECT COUNT(*) FROM attachments WHERE owner_kind = 'work_order' "
                    f"AND owner_id = {seeded['wo']['id']}") == 0
    assert not blob_exists(s, owner.org_id, key)
    wo = ok(owner.get(f"/api/v1/work-orders/{seeded['wo']['id']}"), 200)
    assert wo["customer_name"] == "Deleted customer"
    inv = get_invoice(owner, seeded["invoice"]["id"])
    assert inv["billing_snapshot"] == {"name": "Philippa Retentionworth 4101",
                                       "billing_address": "4101 Cesspool Row",
                                       "email": "philippa4101@retention.example"}
    assert inv["customer_name"] == "Philippa Retentionworth 4101"
    # The snapshot is sealed: the buyer's name is not in the invoices row.
    raw = db_query(s, f"SELECT billing_snapshot FROM invoices WHERE id = {inv['id']}")[0][0]
    assert "Retentionworth" not in raw
    assert purge_audit_counts(s, owner.org_id) == [1]


def test_retention_customers_swept_by_two_servers_at_once_deleted_once(make_clock_server):
    first = make_clock_server(extra_env=dict(FAST))
    second = make_clock_server(extra_env=dict(first.env), data_dir=first.data_dir)
    org = create_org(first)
    owner, _ = new_user_client(first, org, "owner")
    ids = []
    for i in range(6):
        c = ok(owner.post("/api/v1/customers", json={"name": f"Twice {i}"}))
        assert owner.request("DELETE", f"/api/v1/customers/{c['id']}").status_code in (200, 204)
        ids.append(c["id"])
    # Both servers' workers find all six due in the same instant.
    backdate(first, ids, seconds_left=-1)
    wait_for(lambda: all(purged(first, i) for i in ids), timeout=20, what="six purges")
    time.sleep(1.0)  # more sweeps by both: nothing left to do
    counts = purge_audit_counts(first, owner.org_id)
    assert sum(counts) == 6, counts
    ledger = os.path.join(first.data_dir, "backups", "erasure-ledger.jsonl")
    lines = open(ledger).read().splitlines()
    for i in ids:
        assert sum(1 for line in lines if f'"customer_id":{i}' in line.replace(" ", "")) == 1


def test_retention_settings_owner_changes_them_audited_minimum_one_year(make_clock_server):
    s = make_clock_server()
    org = create_org(s)
    owner, _ = new_user_client(s, org, "owner")
    dispatcher, _ = new_user_client(s, org, "dispatcher")
    assert ok(owner.get("/api/v1/org/retention"), 200) == {
        "customer_retention_years": 7, "invoice_retention_years": 7, "audit_retention_years": 2}
    assert dispatcher.get("/api/v1/org/retention").status_code == 403
    assert dispatcher.patch("/api/v1/org/retention",
                            json={"customer_retention_years": 3}).status_code == 403
    r = owner.patch("/api/v1/org/retention", json={"customer_retention_years": 0})
    assert r.status_code in (400, 422), r.text
    changed = ok(owner.patch("/api/v1/org/retention", json={"customer_retention_years": 10}), 200)
    assert changed["customer_retention_years"] == 10
    entries = ok(owner.get("/api/v1/audit?action=org.retention_changed"), 200)
    items = entries["items"] if isinstance(entries, dict) else entries
    assert len(items) == 1


MONTH_S = 31 * 86400


def forget_audit_chain(server, org_id):
    """On a shared PostgreSQL, later tests run `audit verify` over every
    organization: this test's archives live in its own data directory, which
    goes with the server, so its organization's chain leaves with them."""
    if not PG_URL:
        return
    db_exec(server, "ALTER TABLE audit_log DISABLE TRIGGER USER")
    try:
        for table in ("audit_log", "audit_archives", "audit_checkpoints"):
            db_exec(server, f"DELETE FROM {table} WHERE org_id = {org_id}")
    finally:
        db_exec(server, "ALTER TABLE audit_log ENABLE TRIGGER USER")


def test_retention_audit_archived_verify_passes_then_fails_on_an_altered_archive(
        make_clock_server):
    """The organization keeps its audit log 1 year (the floor); its clock is
    moved 14 months, so its entries move into the archive while other
    organizations on a shared PostgreSQL (2 years) keep theirs."""
    s = make_clock_server(extra_env=dict(FAST))
    if not s.clock.moves_time:
        pytest.skip("bulwark-test-hooks was not built: a year cannot be waited for")
    org = create_org(s)
    owner, _ = new_user_client(s, org, "owner")
    ok(owner.patch("/api/v1/org/retention", json={"audit_retention_years": 1}), 200)
    ok(owner.post("/api/v1/customers", json={"name": "Audited Customer"}))
    s.clock.advance(14 * MONTH_S)
    wait_for(lambda: count(s, "SELECT COUNT(*) FROM audit_checkpoints WHERE org_id = "
                              f"{owner.org_id}") == 1, timeout=20, what="the audit archival")
    archive = os.path.join(s.data_dir, "audit-archive", str(owner.org_id))
    files = [os.path.join(archive, f) for f in os.listdir(archive)]
    assert files and all(f.endswith(".bwaudit") for f in files)
    assert b"org.retention_changed" not in open(files[0], "rb").read()
    # The live log holds the archival's own entry, chained to the checkpoint.
    live = db_query(s, f"SELECT action FROM audit_log WHERE org_id = {owner.org_id}")
    assert ("retention.audit_archived",) in [tuple(r) for r in live]

    def problems_of_this_org():
        out = admin(s, "audit", "verify", check=False)
        mine = [line for line in out.stdout.splitlines()
                if line.startswith(f"TAMPERED org {owner.org_id} ")]
        return out, mine

    try:
        out, mine = problems_of_this_org()
        assert mine == [], out.stdout
        if not PG_URL:
            assert out.returncode == 0 and "audit log intact" in out.stdout
        with open(files[0], "r+b") as f:
            f.seek(40)
            byte = f.read(1)
            f.seek(40)
            f.write(bytes([byte[0] ^ 0x01]))
        out, mine = problems_of_this_org()
        assert out.returncode != 0
        assert len(mine) == 1 and "altered" in mine[0], out.stdout
    finally:
        forget_audit_chain(s, owner.org_id)
