"""SMS at rest (issue 13 item 1, "At Rest: AES-256"): a text's body and the
customer's number are sealed in sms_messages; the office reads them plain,
the database file (or pg_dump) and the log do not hold them, and erasure
still removes them."""
import io
import json
import secrets
import zipfile

from fixtures.database import db_query
from fixtures.peers import wait_for
from fixtures.providers import inbound_sms
from fixtures.raw_bytes import database_bytes, leaked, log_bytes


def test_at_rest_aes256_sms_bodies_are_sealed_and_read_back_plain(hooked, shop, peer):
    c = shop.customer()
    wo = shop.schedule(c)
    wait_for(lambda: peer.forms_to(c["phone"]), what="the confirmation")
    sent_body = peer.forms_to(c["phone"])[0]["Body"]
    tag = secrets.token_hex(4)
    inbound = f"Gate code is {tag}, the dog is called Biscuit-{tag}"
    assert inbound_sms(hooked, shop.number, c["phone"], inbound).status_code == 200

    thread = shop.thread(c)
    assert inbound in [m["body"] for m in thread]
    assert sent_body in [m["body"] for m in thread]
    assert all(m["phone"] == c["phone"] for m in thread)
    assert wo["number"] in sent_body

    # The customer's number is sealed everywhere too (customers, consent, messages).
    secrets_seeded = [inbound, f"Biscuit-{tag}", sent_body, c["phone"]]
    assert leaked(database_bytes(hooked), secrets_seeded) == []
    assert leaked(log_bytes(hooked), secrets_seeded) == []


def test_at_rest_aes256_erasure_still_removes_sealed_messages(hooked, shop):
    c = shop.customer()
    tag = secrets.token_hex(4)
    assert inbound_sms(hooked, shop.number, c["phone"], f"leave it by the shed {tag}").status_code == 200
    export = shop.owner.get(f"/api/v1/customers/{c['id']}/export")
    assert export.status_code == 200
    doc = json.loads(zipfile.ZipFile(io.BytesIO(export.content)).read("customer.json"))
    assert [m["body"] for m in doc["messages"]] == [f"leave it by the shed {tag}"]
    assert "row_key" not in doc["messages"][0]
    r = shop.owner.post(f"/api/v1/customers/{c['id']}/erase",
                        json={"reason": "customer asked", "confirm": c["name"]})
    assert r.status_code == 200, r.text
    rows = db_query(hooked, f"SELECT body, phone, row_key FROM sms_messages WHERE customer_id = {int(c['id'])}")
    assert rows and all(r[0] == "[erased]" and r[1] == "" and r[2] in (None, "") for r in rows)
