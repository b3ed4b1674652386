"""One customer's export and erasure (issue 13 item 6; GDPR Art. 15, 17, 20 and
CCPA): the export holds every seeded item, the erasure leaves none of them in
the database's raw bytes (SQLite file and WAL after VACUUM, or a pg_dump), in
the blob store or in the export; the ledger line is written."""
import io
import json
import os
import subprocess
import zipfile

import pytest

from fixtures.database import db_exec, db_query
from fixtures.files import png
from fixtures.people import create_org, new_user_client, outsider, unique
from fixtures.server import PG_URL, Server, error_of
from fixtures.work import complete, invoice_of, new_wo

SECRETS = {
    "name": "Zebulon Quartermaine-Ostrowski",
    "phone": "+15558675309",
    "email": "zebulon.q@privacy-seed.example",
    "billing_address": "4417 Persimmon Hollow Lane",
    "notes": "Dog named Biscuitbaron bites",
    "site_address": "9902 Wintergreen Causeway",
    "access_notes": "Key under the heron statue",
    "gate_code": "GATE-730516",
    "description": "Leachfield soggy near Marigoldpatch",
    "comment": "Neighbour Thistlewaite complained",
    "checklist_text": "Outlet baffle Quibbleworth cracked",
    "time_note": "Waited for Ptolemaeus to unlock",
    "sms_body": "Running late, Zebulon? Gryphonstreet detour",
    "caption": "Photo of Hollyhockshed tank",
}


def secrets_for(tag):
    """The seeded values, made unique per test (one server holds several)."""
    out = {k: f"{v} {tag}" for k, v in SECRETS.items()}
    out["phone"] = f"+1555867{tag}"
    out["digits"] = f"555867{tag}"
    out["email"] = f"zebulon.q{tag}@privacy-seed.example"
    return out


@pytest.fixture(scope="module")
def privacy_server(clamd_socket):
    s = Server(extra_env={"BULWARK_CLAMD_SOCKET": clamd_socket})
    yield s
    s.stop()


@pytest.fixture(scope="module")
def people(privacy_server):
    org = create_org(privacy_server)
    return {role: new_user_client(privacy_server, org, role)[0]
            for role in ("owner", "admin", "dispatcher", "technician", "viewer")}


def ok(r, status=201):
    assert r.status_code == status, r.text
    return r.json()


def seed(server, office, tech, tag):
    """A customer with a site, a completed work order carrying every kind of
    free text and a photo, an invoice and a text message."""
    s = secrets_for(tag)
    c = ok(office.post("/api/v1/customers", json={
        "name": s["name"], "phone": s["phone"], "email": s["email"],
        "billing_address": s["billing_address"], "notes": s["notes"]}))
    site = ok(office.post(f"/api/v1/customers/{c['id']}/sites", json={
        "name": "Farmhouse", "address": s["site_address"], "access_notes": s["access_notes"],
        "gate_code": s["gate_code"]}))
    wo = new_wo(office, customer_id=c["id"], site_id=site["id"], description=s["description"],
                assignee_id=tech.user_id)
    base = f"/api/v1/work-orders/{wo['id']}"
    ok(tech.post(base + "/comments", json={"body": s["comment"]}))
    ok(tech.post(base + "/time", json={"minutes": 30, "note": s["time_note"]}))
    item = ok(office.post(base + "/checklist", json={"label": "Condition", "kind": "text"}))
    ok(tech.patch(f"{base}/checklist/{item['id']}", json={"text": s["checklist_text"]}), 200)
    photo = ok(tech.post(base + "/attachments", files={
        "caption": (None, s["caption"]), "file": ("tank.png", png(40, 30), "image/png")}))
    wo = complete(office, ok(office.get(base), 200))
    inv = invoice_of(office, wo)
    org_id = db_query(server, f"SELECT org_id FROM customers WHERE id = {c['id']}")[0][0]
    # An inbound text, as the Twilio webhook would have stored it.
    db_exec(server, "INSERT INTO sms_messages (org_id, customer_id, work_order_id, direction, "
                    "kind, phone, body, status, created_at, updated_at) VALUES "
                    f"({org_id}, {c['id']}, {wo['id']}, 'inbound', 'reply', '{s['phone']}', "
                    f"'{s['sms_body']}', 'received', 1, 1)")
    # Mail to the customer (a link to the pump-out report), queued in the outbox.
    ok(office.post(f"/api/v1/work-orders/{wo['id']}/links",
                   json={"purpose": "report", "send_by": "email"}))
    return {"customer": c, "site": site, "wo": wo, "photo": photo, "invoice": inv,
            "org_id": int(org_id), "secrets": s}


def export_of(client, customer_id):
    r = client.get(f"/api/v1/customers/{customer_id}/export")
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == "application/zip"
    assert r.headers["Content-Disposition"].startswith("attachment;")
    return zipfile.ZipFile(io.BytesIO(r.content))


def raw_database_bytes(server):
    """What someone holding the database files or a dump would read."""
    if PG_URL:
        return subprocess.run(["pg_dump", "--data-only", PG_URL], capture_output=True,
                              check=True).stdout
    # VACUUM rewrites the file without freed pages; the WAL is checkpointed
    # and truncated first and after, and read too (it may hold old pages).
    db_exec(server, "PRAGMA wal_checkpoint(TRUNCATE); VACUUM; PRAGMA wal_checkpoint(TRUNCATE);")
    path = os.path.join(server.data_dir, "bulwark.sqlite3")
    data = open(path, "rb").read()
    if os.path.exists(path + "-wal"):
        data += open(path + "-wal", "rb").read()
    return data


def blob_paths(server, org_id, keys):
    return [os.path.join(server.data_dir, "attachments", str(org_id), k) for k in keys]


def test_customer_export_holds_every_seeded_item(people, privacy_server):
    seeded = seed(privacy_server, people["dispatcher"], people["technician"], "1111")
    secrets = seeded["secrets"]
    z = export_of(people["owner"], seeded["customer"]["id"])
    doc = json.loads(z.read("customer.json"))
    text = json.dumps(doc)
    for key, value in secrets.items():
        if key not in ("phone", "digits"):
            assert value in text, key
    assert doc["customer"]["phone"] == secrets["phone"]
    assert doc["customer"]["id"] == seeded["customer"]["id"]
    [wo] = doc["work_orders"]
    assert wo["comments"][0]["body"] == secrets["comment"]
    assert wo["checklist"][0]["value"] == secrets["checklist_text"]
    assert wo["time"][0]["note"] == secrets["time_note"]
    assert doc["messages"][-1]["body"] == secrets["sms_body"]
    assert doc["invoices"][0]["id"] == seeded["invoice"]["id"] and doc["invoices"][0]["lines"]
    assert "do_not_sell_history" in doc and "privacy_requests" in doc and "sms_consent" in doc
    [att] = wo["attachments"]
    assert att["caption"] == secrets["caption"]
    photo = z.read(att["file"])
    assert photo == people["owner"].get(
        f"/api/v1/attachments/{seeded['photo']['id']}/content").content
    audit = ok(people["owner"].get("/api/v1/audit?action=customer.exported"), 200)
    assert any(e.get("target_id") == str(seeded["customer"]["id"]) for e in audit["items"])


def test_erase_confirmation_must_match_the_stored_name(people):
    c = ok(people["owner"].post("/api/v1/customers", json={"name": "Ann Example"}))
    for confirm in ("ann example", "Ann Example ", "Someone"):
        r = people["owner"].post(f"/api/v1/customers/{c['id']}/erase",
                                 json={"reason": "GDPR request", "confirm": confirm})
        assert r.status_code == 422 and error_of(r)["reason"] == "confirmation_mismatch", r.text
    assert ok(people["owner"].get(f"/api/v1/customers/{c['id']}"), 200)["name"] == "Ann Example"


def test_erase_and_export_are_for_owners_and_admins_only(people, privacy_server):
    c = ok(people["owner"].post("/api/v1/customers", json={"name": "Bo Example"}))
    for role in ("dispatcher", "technician", "viewer"):
        client = people[role]
        assert client.get(f"/api/v1/customers/{c['id']}/export").status_code == 403
        r = client.post(f"/api/v1/customers/{c['id']}/erase",
                        json={"reason": "x", "confirm": "Bo Example"})
        assert r.status_code == 403, role
    stranger = outsider(privacy_server)
    assert stranger.get(f"/api/v1/customers/{c['id']}/export").status_code == 404
    r = stranger.post(f"/api/v1/customers/{c['id']}/erase",
                      json={"reason": "x", "confirm": "Bo Example"})
    assert r.status_code == 404, r.text
    r = people["admin"].post(f"/api/v1/customers/{c['id']}/erase",
                             json={"reason": "CCPA deletion", "confirm": "Bo Example"})
    assert r.status_code == 200 and r.json()["customers"] == 1, r.text


def test_erasure_leaves_no_seeded_value_anywhere(people, privacy_server):
    owner = people["owner"]
    seeded = seed(privacy_server, people["dispatcher"], people["technician"], "2222")
    secrets = seeded["secrets"]
    cid, wo, org_id = seeded["customer"]["id"], seeded["wo"], seeded["org_id"]
    keys = [row[0] for row in db_query(
        privacy_server, "SELECT blob_key FROM attachments WHERE owner_kind = 'work_order' "
                        f"AND owner_id = {wo['id']}")]
    assert keys
    before = ok(owner.get(f"/api/v1/work-orders/{wo['id']}/completion-record"), 200)
    assert before["matches"] and not before["content_erased"]

    r = owner.post(f"/api/v1/customers/{cid}/erase",
                   json={"reason": "GDPR Art. 17 request by letter", "confirm": secrets["name"]})
    counts = ok(r, 200)
    assert counts["customers"] == 1 and counts["sites"] == 1 and counts["work_orders"] == 1
    assert counts["comments"] == 1 and counts["checklist_values"] == 1
    assert counts["time_notes"] == 1 and counts["attachments"] == 1
    assert counts["messages"] >= 1 and counts["completion_records"] == 1
    assert counts["invoices_kept"] == 1 and counts["blobs_deleted"] >= 1
    # The mail to them goes too: its row held their address and message.
    assert counts["emails"] == 1
    assert int(db_query(privacy_server,
                        f"SELECT COUNT(*) FROM email_outbox WHERE customer_id = {cid}")[0][0]) == 0

    raw = raw_database_bytes(privacy_server)
    for key, value in secrets.items():
        assert value.encode() not in raw, f"{key} still in the database"
    if not PG_URL:
        for path in blob_paths(privacy_server, org_id, keys):
            assert not os.path.exists(path) and not os.path.exists(path + "-thumb")

    # The invoice keeps its amounts and lines; its buyer is "[erased]".
    inv = ok(owner.get(f"/api/v1/invoices/{seeded['invoice']['id']}"), 200)
    assert inv["total_cents"] == seeded["invoice"]["total_cents"]
    assert inv["customer_name"] == "[erased]"
    # The completion record's hash stays: "content erased", not tampered.
    after = ok(owner.get(f"/api/v1/work-orders/{wo['id']}/completion-record"), 200)
    assert after["content_erased"] and after["sha256"] == before["sha256"]
    assert not any("tamper" in p or "does not match" in p for p in after["problems"])
    # The export of an erased customer holds nothing of them either.
    doc = export_of(owner, cid).read("customer.json").decode()
    for value in secrets.values():
        assert value not in doc

    # The ledger: ids and the time, no personal data, one line per erasure.
    ledger = os.path.join(privacy_server.data_dir, "backups", "erasure-ledger.jsonl")
    lines = [json.loads(line) for line in open(ledger, encoding="utf-8")]
    assert {"org_id": org_id, "customer_id": cid} in [
        {"org_id": e["org_id"], "customer_id": e["customer_id"]} for e in lines]
    assert all(set(e) == {"org_id", "customer_id", "erased_at"} for e in lines)
    text = open(ledger, encoding="utf-8").read()
    assert secrets["name"] not in text and secrets["digits"] not in text

    # Idempotent: a second call is 200 with zero counts and no new ledger line.
    again = ok(owner.post(f"/api/v1/customers/{cid}/erase",
                          json={"reason": "again", "confirm": "[erased]"}), 200)
    assert again["already_erased"] and again["customers"] == 0 and again["blobs_deleted"] == 0
    assert len(open(ledger, encoding="utf-8").read().splitlines()) == len(lines)
    audit = ok(owner.get("/api/v1/audit?action=customer.erased"), 200)
    assert any(e.get("target_id") == str(cid) for e in audit["items"])
    assert secrets["name"] not in privacy_server.log_text()
