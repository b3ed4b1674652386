"""Typed checklists, templates per work type, and completion that refuses
while a required item is open (issue 12 item 5)."""
import pytest

from fixtures.database import db_exec
from fixtures.people import outsider
from fixtures.server import error_of
from fixtures.work import move, new_wo

TEMPLATES = "/api/v1/checklist-templates"


def add_item(client, wo, **body):
    r = client.post(f"/api/v1/work-orders/{wo['id']}/checklist", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def enter(client, wo, item, **body):
    return client.patch(f"/api/v1/work-orders/{wo['id']}/checklist/{item['id']}", json=body)


def started(client, wo):
    for to in ["scheduled", "in_progress"]:
        r = move(client, wo, to)
        assert r.status_code == 200, r.text
        wo = r.json()
    return wo


def details(client, wo):
    return client.get(f"/api/v1/work-orders/{wo['id']}/details").json()["checklist"]


# --- templates: the office's, copied onto new work orders ---

def test_a_new_work_order_copies_its_types_template(owner, dispatcher):
    body = {"work_type": "inspection", "label": "Gallons pumped", "kind": "number",
            "unit": "gal", "required": True}
    r = owner.post(TEMPLATES + "/items", json=body)
    assert r.status_code == 201, r.text
    gallons = r.json()
    assert gallons["kind"] == "number" and gallons["unit"] == "gal" and gallons["required"]
    owner.post(TEMPLATES + "/items", json={"work_type": "inspection", "label": "Baffles",
                                           "kind": "pass_fail", "required": True})
    listed = owner.get(TEMPLATES).json()["items"]
    assert [i["label"] for i in listed if i["work_type"] == "inspection"] == ["Gallons pumped",
                                                                               "Baffles"]
    wo = new_wo(dispatcher, type="inspection")
    items = details(dispatcher, wo)
    assert [(i["label"], i["kind"], i["unit"], i["required"], i["done"]) for i in items] == [
        ("Gallons pumped", "number", "gal", True, False), ("Baffles", "pass_fail", "", True, False)]
    other = new_wo(dispatcher, type="corrective")
    assert details(dispatcher, other) == []
    # Removing a template item leaves work already issued as it was.
    assert owner.request("DELETE", f"{TEMPLATES}/items/{gallons['id']}").status_code == 204
    assert len(details(dispatcher, wo)) == 2
    assert [i["label"] for i in details(dispatcher, new_wo(dispatcher, type="inspection"))] == [
        "Baffles"]
    for label in ["Baffles"]:
        for i in owner.get(TEMPLATES).json()["items"]:
            if i["label"] == label:
                owner.request("DELETE", f"{TEMPLATES}/items/{i['id']}")


def test_templates_are_the_offices_settings(dispatcher, tech, viewer):
    body = {"work_type": "corrective", "label": "Lid secured"}
    for client in (dispatcher, tech, viewer):
        assert client.post(TEMPLATES + "/items", json=body).status_code == 403
        assert client.get(TEMPLATES).status_code == 403


@pytest.mark.parametrize("body,field", [
    ({"work_type": "septic", "label": "x"}, "work_type"),
    ({"work_type": "corrective", "label": ""}, "label"),
    ({"work_type": "corrective", "label": "x", "kind": "video"}, "kind"),
    ({"work_type": "corrective", "label": "x", "kind": "checkbox", "unit": "gal"}, "unit"),
    ({"work_type": "corrective", "label": "x", "required": "yes"}, "required"),
])
def test_must_003_template_items_are_validated(owner, body, field):
    r = owner.post(TEMPLATES + "/items", json=body)
    assert r.status_code == 400 and field in error_of(r)["fields"], r.text


def test_another_organizations_template_item_is_404(server, owner):
    item = owner.post(TEMPLATES + "/items", json={"work_type": "emergency", "label": "x"}).json()
    assert outsider(server).request("DELETE", f"{TEMPLATES}/items/{item['id']}").status_code == 404
    assert owner.request("DELETE", f"{TEMPLATES}/items/{item['id']}").status_code == 204
    assert owner.request("DELETE", f"{TEMPLATES}/items/{item['id']}").status_code == 404


# --- typed values ---

def test_typed_items_take_values_of_their_kind(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    gallons = add_item(dispatcher, wo, label="Gallons pumped", kind="number", unit="gal",
                       required=True)
    baffles = add_item(dispatcher, wo, label="Baffles", kind="pass_fail")
    notes = add_item(dispatcher, wo, label="Condition", kind="text")
    box = add_item(dispatcher, wo, label="Lid secured")
    assert box["kind"] == "checkbox" and box["required"] is False
    r = enter(tech, wo, gallons, number=1200.5)
    assert r.status_code == 200, r.text
    assert r.json()["value"] == "1200.5" and r.json()["done"] is True
    assert r.json()["done_by"] == tech.user_id and "done_by_name" in r.json()
    assert enter(tech, wo, baffles, result="fail").json()["value"] == "fail"
    assert enter(tech, wo, notes, text="Outlet baffle cracked").json()["value"] == (
        "Outlet baffle cracked")
    assert enter(tech, wo, box, done=True).json()["done"] is True
    cleared = enter(tech, wo, gallons, done=False).json()
    assert cleared["done"] is False and cleared["value"] is None


@pytest.mark.parametrize("kind,body,field", [
    ("number", {"number": "1200"}, "number"),          # a number must be a number
    ("number", {"text": "1200"}, "text"),              # a member of another kind
    ("number", {"done": True}, "number"),              # a tick is not a figure
    ("pass_fail", {"result": "maybe"}, "result"),      # pass or fail only
    ("pass_fail", {"result": "PASS"}, "result"),
    ("text", {"text": "   "}, "text"),
    ("checkbox", {"number": 3}, "number"),
    ("checkbox", {}, "done"),
    ("photo", {"done": True}, "attachment_id"),
    ("photo", {"attachment_id": 999999}, "attachment_id"),  # not this work order's
    ("signature", {"text": "Dana"}, "attachment_id"),
    ("number", {"number": 5, "done": False}, "done"),
    ("number", {"number": 1, "colour": "red"}, "colour"),
])
def test_must_003_wrong_types_are_refused(dispatcher, kind, body, field):
    wo = new_wo(dispatcher)
    item = add_item(dispatcher, wo, label="Item", kind=kind)
    r = enter(dispatcher, wo, item, **body)
    assert r.status_code == 400 and field in error_of(r)["fields"], r.text
    assert details(dispatcher, wo)[0]["done"] is False


def test_another_tenants_and_another_technicians_items_are_404(server, dispatcher, tech):
    wo = new_wo(dispatcher)  # not assigned to tech
    item = add_item(dispatcher, wo, label="Gallons", kind="number", unit="gal")
    assert enter(tech, wo, item, number=5).status_code == 404
    assert enter(outsider(server), wo, item, number=5).status_code == 404
    other = new_wo(dispatcher)
    assert enter(dispatcher, other, item, number=5).status_code == 404  # item of another WO
    assert tech.get(f"/api/v1/work-orders/{wo['id']}/completion-record").status_code == 404


# --- completion ---

def test_completion_is_refused_while_a_required_item_is_open(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    gallons = add_item(dispatcher, wo, label="Gallons pumped", kind="number", unit="gal",
                       required=True)
    add_item(dispatcher, wo, label="Optional note", kind="text")
    wo = started(tech, wo)
    r = move(tech, wo, "completed")
    assert r.status_code == 409, r.text
    e = error_of(r)
    assert e["reason"] == "checklist_incomplete"
    assert e["fields"] == {f"checklist.{gallons['id']}": "Gallons pumped"}
    assert tech.get(f"/api/v1/work-orders/{wo['id']}").json()["status"] == "in_progress"
    assert enter(tech, wo, gallons, number=950).status_code == 200
    r = move(tech, wo, "completed")
    assert r.status_code == 200, r.text
    assert r.json()["status"] == "completed"


def test_the_completion_record_is_hashed_into_the_audit_chain(server, owner, dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    gallons = add_item(dispatcher, wo, label="Gallons pumped", kind="number", unit="gal",
                       required=True)
    assert enter(tech, wo, gallons, number=1000).status_code == 200
    wo = started(tech, wo)
    url = f"/api/v1/work-orders/{wo['id']}/completion-record"
    assert dispatcher.get(url).status_code == 404  # not completed yet
    assert move(tech, wo, "completed").status_code == 200
    rec = tech.get(url)
    assert rec.status_code == 200, rec.text
    rec = rec.json()
    assert rec["matches"] is True and rec["problems"] == []
    assert rec["sha256"] == rec["audit_sha256"] and len(rec["sha256"]) == 64
    import hashlib
    import json
    assert hashlib.sha256(rec["record"].encode()).hexdigest() == rec["sha256"]
    body = json.loads(rec["record"])
    assert body["checklist"][0]["value"] == "1000"
    assert body["completed_by"]["id"] == tech.user_id
    audit = owner.get("/api/v1/audit?action=work_order.completion_recorded").json()["items"]
    assert any(rec["sha256"] in ",".join(a.get("fields", [])) for a in audit), audit
    # A later edit of what the record describes is evident. Values are sealed
    # (issue 13), so the edit a database writer can make is a plain value with
    # the row key removed (how a row from before sealing looks).
    db_exec(server, "UPDATE work_order_checklist SET value = '400', row_key = NULL "
            f"WHERE id = {gallons['id']}")
    later = dispatcher.get(url).json()
    assert later["matches"] is False
    assert "the checklist or attachments changed after completion" in later["problems"]
    # So is an edit of the stored record and its hash together.
    db_exec(server, f"UPDATE work_order_checklist SET value = '1000' WHERE id = {gallons['id']}")
    assert dispatcher.get(url).json()["matches"] is True
    forged = rec["record"].replace('"1000"', '"400"')
    fake = hashlib.sha256(forged.encode()).hexdigest()
    db_exec(server, "UPDATE completion_records SET record = '" + forged.replace("'", "''") +
            f"', sha256 = '{fake}', row_key = NULL WHERE work_order_id = {wo['id']}")
    forged_view = dispatcher.get(url).json()
    assert forged_view["matches"] is False
    assert "the audit chain does not hold this record's hash" in forged_view["problems"]


def test_a_viewer_reads_but_does_not_enter(dispatcher, viewer):
    wo = new_wo(dispatcher)
    item = add_item(dispatcher, wo, label="Gallons", kind="number")
    assert enter(viewer, wo, item, number=1).status_code == 403
