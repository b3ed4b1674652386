"""Photo and signature items answered by files that went through the
attachment pipeline (MUST-007: scanned, type-checked, re-encoded), and the
completion record carrying their hashes (issue 12 item 5)."""
import json

import pytest

from fixtures.files import pdf, png
from fixtures.people import create_org, new_user_client, outsider
from fixtures.server import Server, error_of
from fixtures.work import move, new_wo


@pytest.fixture(scope="module")
def files_server(clamd_socket):
    s = Server(extra_env={"BULWARK_CLAMD_SOCKET": clamd_socket})
    yield s
    s.stop()


@pytest.fixture(scope="module")
def people(files_server):
    org = create_org(files_server)
    return {role: new_user_client(files_server, org, role)[0]
            for role in ("owner", "dispatcher", "technician")}


def upload(client, wo, data, name="signature.png", content_type="image/png", caption=None):
    fields = {"caption": (None, caption)} if caption is not None else {}
    fields["file"] = (name, data, content_type)
    r = client.post(f"/api/v1/work-orders/{wo['id']}/attachments", files=fields)
    assert r.status_code == 201, r.text
    return r.json()


def add_item(client, wo, **body):
    r = client.post(f"/api/v1/work-orders/{wo['id']}/checklist", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def enter(client, wo, item, **body):
    return client.patch(f"/api/v1/work-orders/{wo['id']}/checklist/{item['id']}", json=body)


def test_must_007_signature_and_photo_items_take_this_work_orders_images(people, files_server):
    office, tech = people["dispatcher"], people["technician"]
    wo = new_wo(office, assignee_id=tech.user_id)
    photo_item = add_item(office, wo, label="Tank after pumping", kind="photo", required=True)
    sign_item = add_item(office, wo, label="Customer signature", kind="signature", required=True)
    sig = upload(tech, wo, png(300, 120), caption="Signature: Dana Reyes")
    photo = upload(tech, wo, png(64, 48), name="tank.png")
    a_pdf = upload(tech, wo, pdf(), name="permit.pdf", content_type="application/pdf")

    other_wo = new_wo(office, assignee_id=tech.user_id)
    elsewhere = upload(tech, other_wo, png())
    stranger = outsider(files_server)
    foreign_wo = new_wo(stranger)
    foreign = upload(stranger, foreign_wo, png())
    for bad in (elsewhere["id"], foreign["id"], a_pdf["id"]):
        r = enter(tech, wo, photo_item, attachment_id=bad)
        assert r.status_code == 400 and "attachment_id" in error_of(r)["fields"], r.text
    r = enter(tech, wo, sign_item, attachment_id=sig["id"])  # no signer's name
    assert r.status_code == 400 and "text" in error_of(r)["fields"]

    for to in ["scheduled", "in_progress"]:
        wo = move(tech, wo, to).json()
    r = move(tech, wo, "completed")
    assert r.status_code == 409 and error_of(r)["reason"] == "checklist_incomplete"
    assert set(error_of(r)["fields"]) == {f"checklist.{photo_item['id']}",
                                          f"checklist.{sign_item['id']}"}

    assert enter(tech, wo, photo_item, attachment_id=photo["id"]).status_code == 200
    signed = enter(tech, wo, sign_item, attachment_id=sig["id"], text="Dana Reyes")
    assert signed.status_code == 200, signed.text
    assert signed.json()["value"] == "Dana Reyes"
    assert signed.json()["attachment_id"] == sig["id"]
    r = move(tech, wo, "completed")
    assert r.status_code == 200, r.text

    rec = office.get(f"/api/v1/work-orders/{wo['id']}/completion-record").json()
    assert rec["matches"] is True
    body = json.loads(rec["record"])
    by_label = {i["label"]: i for i in body["checklist"]}
    assert by_label["Customer signature"]["attachment_sha256"] == sig["sha256"]
    assert by_label["Customer signature"]["value"] == "Dana Reyes"
    assert by_label["Tank after pumping"]["attachment_sha256"] == photo["sha256"]
    assert {a["sha256"] for a in body["attachments"]} == {sig["sha256"], photo["sha256"],
                                                          a_pdf["sha256"]}
    # A file removed after completion shows in the record's check.
    assert office.request("DELETE", f"/api/v1/attachments/{a_pdf['id']}").status_code == 204
    later = office.get(f"/api/v1/work-orders/{wo['id']}/completion-record").json()
    assert later["matches"] is False
    # The signature answers an item: it is not removed from under it.
    r = office.request("DELETE", f"/api/v1/attachments/{sig['id']}")
    assert r.status_code == 409 and error_of(r)["reason"] == "attachment_in_checklist"


def test_must_not_001_the_signers_name_stays_out_of_the_audit_log(people):
    office, owner = people["dispatcher"], people["owner"]
    wo = new_wo(office)
    item = add_item(office, wo, label="Customer signature", kind="signature")
    sig = upload(office, wo, png(200, 80))
    assert enter(office, wo, item, attachment_id=sig["id"], text="Zebulon Quist").status_code == 200
    log = owner.get("/api/v1/audit?action=work_order.checklist_checked").json()["items"]
    assert log and "Zebulon" not in json.dumps(log)
