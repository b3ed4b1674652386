"""Data-key rotation (issue 13 item 3): `bulwark admin keys rotate-data --org
SLUG` re-seals an organization's personal data under a new key while the API
keeps serving and new texts keep arriving; nothing is lost, nothing is left
under the old key, the old key is retired, another organization is untouched,
and both steps are in the audit log, whose chain still verifies."""
import base64
import json
import pathlib
import secrets
import subprocess
import threading
import time

import requests

from fixtures.database import db_exec, db_query
from fixtures.files import png
from fixtures.people import admin
from fixtures.providers import Shop, inbound_sms
from fixtures.server import BIN, PG_URL
from fixtures.work import created, new_asset


def key_ids(server, org_id, table="sms_messages", column="body"):
    """The data key id of every sealed value (envelope: version, key id big-endian, ...)."""
    rows = db_query(server, f"SELECT {column} FROM {table} WHERE org_id = {int(org_id)} AND row_key IS NOT NULL")
    return {int.from_bytes(base64.b64decode(v)[1:5], "big") for (v,) in rows}


def org_id_of(server, slug):
    return int(db_query(server, f"SELECT id FROM orgs WHERE slug = '{slug}'")[0][0])


def test_rotate_data_under_load_loses_nothing_and_leaves_only_the_new_key(hooked):
    shop, other = Shop(hooked), Shop(hooked)
    c, c_other = shop.customer(), other.customer()
    sent = []
    for i in range(60):
        body = f"before rotation {i} {secrets.token_hex(3)}"
        assert inbound_sms(hooked, shop.number, c["phone"], body).status_code == 200
        sent.append(body)
    assert inbound_sms(hooked, other.number, c_other["phone"], "other org text").status_code == 200
    # The consent list (a table without ids) and the free text of a visit rotate too.
    stopper = shop.customer()
    assert inbound_sms(hooked, shop.number, stopper["phone"], "STOP").status_code == 200
    wo = shop.work_order(c, description=f"Lid under the birdbath {secrets.token_hex(3)}")
    r = shop.dispatcher.post(f"/api/v1/work-orders/{wo['id']}/comments", json={"body": "call first"})
    assert r.status_code == 201, r.text
    org, other_org = org_id_of(hooked, shop.slug), org_id_of(hooked, other.slug)
    [old_key] = key_ids(hooked, org)
    other_keys = key_ids(hooked, other_org)

    # Texts keep arriving and the office keeps reading during the rotation.
    stop, errors = threading.Event(), []

    def traffic():
        i = 0
        while not stop.is_set():
            body = f"during rotation {i} {secrets.token_hex(3)}"
            r = inbound_sms(hooked, shop.number, c["phone"], body)
            if r.status_code != 200:
                errors.append(r.status_code)
            sent.append(body)
            if shop.dispatcher.get(f"/api/v1/customers/{c['id']}/messages").status_code != 200:
                errors.append("read")
            i += 1
            time.sleep(0.1)  # a busy shop, within the webhook's rate limit

    worker = threading.Thread(target=traffic)
    worker.start()
    try:
        p = subprocess.run([BIN, "admin", "keys", "rotate-data", "--org", shop.slug], env=hooked.env,
                           capture_output=True, text=True, timeout=180)
    finally:
        stop.set()
        worker.join()
    assert p.returncode == 0, p.stderr
    assert "rows/s" in p.stderr and "ETA" in p.stderr  # the progress bar
    assert "done:" in p.stdout and errors == []

    # A text that arrived after the last pass was sealed with the new key anyway.
    new_keys = key_ids(hooked, org)
    assert len(new_keys) == 1 and old_key not in new_keys
    assert key_ids(hooked, org, column="phone") == new_keys
    for table, column in [("sms_consent", "phone"), ("customers", "name"),
                          ("work_orders", "description"), ("work_order_comments", "body")]:
        assert key_ids(hooked, org, table, column) == new_keys, table
    assert shop.dispatcher.get(f"/api/v1/work-orders/{wo['id']}").json()["description"] == (
        wo["description"])
    assert key_ids(hooked, other_org) == other_keys
    bodies = []
    cursor = None
    while True:
        q = f"/api/v1/customers/{c['id']}/messages" + (f"?cursor={cursor}" if cursor else "")
        page = shop.dispatcher.get(q).json()
        bodies += [m["body"] for m in page["items"]]
        cursor = page.get("next_cursor")
        if not cursor:
            break
    assert sorted(bodies) == sorted(sent)

    status = admin(hooked, "keys", "status").stdout
    assert f"{old_key}:data(retired)" in status
    actions = [a for (a,) in db_query(
        hooked, f"SELECT action FROM audit_log WHERE org_id = {org} AND action LIKE 'keys.data_%' ORDER BY id")]
    assert actions == ["keys.data_rotation_started", "keys.data_rotated"]
    # This organization's chain verifies (other tests tamper with theirs on purpose).
    verify = admin(hooked, "audit", "verify", check=False)
    assert f"org {org}: " in verify.stderr and f"TAMPERED org {org} " not in verify.stdout


def test_rotate_data_resumes_an_unfinished_rotation_instead_of_adding_a_key(hooked):
    shop = Shop(hooked)
    c = shop.customer()
    assert inbound_sms(hooked, shop.number, c["phone"], "resume me please").status_code == 200
    first = admin(hooked, "keys", "rotate-data", "--org", shop.slug)
    org = org_id_of(hooked, shop.slug)
    [target] = key_ids(hooked, org)
    # As if a crash happened right after a new key was added: un-retire the old one.
    db_exec(hooked, f"UPDATE org_keys SET retired_at = NULL WHERE org_id = {org}")
    again = admin(hooked, "keys", "rotate-data", "--org", shop.slug)
    assert "resuming the rotation to data key" in again.stdout and "done:" in first.stdout
    assert key_ids(hooked, org) == {target}


def test_rotate_data_names_an_unknown_organization(hooked):
    p = admin(hooked, "keys", "rotate-data", "--org", "no-such-org", check=False)
    assert p.returncode != 0 and "no-such-org" in p.stderr


def file_key_id(server, org_id, blob_key):
    """The data key id in a stored file's envelope: a file on SQLite, the
    first chunk row on PostgreSQL."""
    if PG_URL:
        [(hex_head,)] = db_query(server, "SELECT encode(data, 'hex') FROM attachment_chunks "
                                         f"WHERE blob_key = '{blob_key}' AND seq = 0")
        head = bytes.fromhex(hex_head)
    else:
        head = (pathlib.Path(server.data_dir) / "attachments" / str(org_id) / blob_key).read_bytes()
    return int.from_bytes(head[1:5], "big")


def test_rotate_data_reseals_attachment_files_and_thumbnails(hooked):
    shop = Shop(hooked)
    org = org_id_of(hooked, shop.slug)
    wo = shop.work_order(shop.customer())
    photo = png(width=64, height=48)
    r = shop.tech.post(f"/api/v1/work-orders/{wo['id']}/attachments",
                       files={"file": ("lid.png", photo, "image/png"), "caption": (None, "Lid")})
    assert r.status_code == 201, r.text
    a = r.json()
    before = shop.tech.get(a["url"]).content
    thumb_before = shop.tech.get(a["thumbnail_url"]).content
    [(old_blob,)] = db_query(hooked, f"SELECT blob_key FROM attachments WHERE id = {int(a['id'])}")
    old_key = file_key_id(hooked, org, old_blob)

    p = subprocess.run([BIN, "admin", "keys", "rotate-data", "--org", shop.slug], env=hooked.env,
                       capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stderr

    [(new_blob,)] = db_query(hooked, f"SELECT blob_key FROM attachments WHERE id = {int(a['id'])}")
    assert new_blob != old_blob
    new_key = file_key_id(hooked, org, new_blob)
    assert new_key != old_key and file_key_id(hooked, org, new_blob + "-thumb") == new_key
    assert key_ids(hooked, org, "attachments", "caption") == {new_key}
    # The same bytes come back; the old copies are gone.
    assert shop.tech.get(a["url"]).content == before
    assert shop.tech.get(a["thumbnail_url"]).content == thumb_before
    if PG_URL:
        assert db_query(hooked, "SELECT COUNT(*) FROM attachment_chunks "
                                f"WHERE blob_key LIKE '{old_blob}%'")[0][0] in (0, "0")
    else:
        assert not (pathlib.Path(hooked.data_dir) / "attachments" / str(org) / old_blob).exists()


def test_rotate_data_reseals_request_photos_waiting_in_the_inbox_ISSUE13_3(hooked):
    """A photo filed with a work request is sealed like an attachment until
    the office approves or declines; rotation re-seals it too."""
    shop = Shop(hooked)
    org = org_id_of(hooked, shop.slug)
    asset = new_asset(shop.dispatcher, name="Lift pump 9")
    link = created(shop.dispatcher.post(f"/api/v1/assets/{asset['id']}/request-link"))
    token = link["url"].rsplit("/", 1)[-1]
    body = {"token": token, "name": "Pat Operator", "phone": "(555) 301-0199",
            "description": "Pump 9 hums"}
    r = requests.post(hooked.url + "/api/v1/public/requests/with-photos", timeout=30,
                       headers={"Origin": hooked.url},
                       files=[("request", (None, json.dumps(body), "application/json")),
                              ("photo1", ("p.png", png(width=64, height=48), "image/png"))])
    assert r.status_code == 201, r.text
    [item] = [i for i in shop.dispatcher.get("/api/v1/requests").json()["items"]
              if i["asset_id"] == asset["id"]]
    url = item["photos"][0]["url"]
    before = shop.dispatcher.get(url).content
    [(old_blob,)] = db_query(hooked, f"SELECT blob_key FROM request_photos WHERE org_id = {org}")
    old_key = file_key_id(hooked, org, old_blob)

    p = subprocess.run([BIN, "admin", "keys", "rotate-data", "--org", shop.slug], env=hooked.env,
                       capture_output=True, text=True, timeout=180)
    assert p.returncode == 0, p.stderr

    [(new_blob,)] = db_query(hooked, f"SELECT blob_key FROM request_photos WHERE org_id = {org}")
    assert new_blob != old_blob
    assert file_key_id(hooked, org, new_blob) != old_key
    assert file_key_id(hooked, org, new_blob + "-thumb") == file_key_id(hooked, org, new_blob)
    assert shop.dispatcher.get(url).content == before
