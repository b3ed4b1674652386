"""Named PM checklists edited after they are made (issue 14 item 7): renamed,
an item removed, the whole template deleted, except while a PM schedule
uses it (409 checklist_in_use, so a schedule never loses its checklist
without a word). Another organization's template is a 404 on every route."""
import datetime

from fixtures.people import outsider, unique
from fixtures.work import iso, new_customer, new_site, utc_now

from test_pm_plans import checklist


def schedule_with(client, plan_id):
    site = new_site(client, new_customer(client))
    r = client.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "title": unique("PM"), "interval_unit": "days",
        "interval_value": 30, "first_due_at": iso(utc_now() + datetime.timedelta(days=20)),
        "checklist_template_id": plan_id})
    assert r.status_code == 201, r.text
    return r.json()


def listed(client, plan_id):
    return [p for p in client.get("/api/v1/pm-checklists").json()["items"] if p["id"] == plan_id]


def test_rename_and_remove_an_item(dispatcher):
    plan = checklist(dispatcher, unique("Pump service"), [
        {"label": "Check seals"}, {"label": "Amps", "kind": "number", "unit": "A"}])
    new_name = unique("Pump 500 h service")
    r = dispatcher.patch(f"/api/v1/pm-checklists/{plan['id']}", json={"name": new_name})
    assert r.status_code == 200, r.text
    assert r.json()["name"] == new_name
    assert [i["label"] for i in r.json()["items"]] == ["Check seals", "Amps"]
    seals = plan["items"][0]["id"]
    r = dispatcher.request("DELETE", f"/api/v1/pm-checklists/{plan['id']}/items/{seals}")
    assert r.status_code == 200, r.text
    assert [i["label"] for i in r.json()["items"]] == ["Amps"]
    assert listed(dispatcher, plan["id"])[0]["name"] == new_name
    # Gone: a second removal is a 404.
    r = dispatcher.request("DELETE", f"/api/v1/pm-checklists/{plan['id']}/items/{seals}")
    assert r.status_code == 404, r.text


def test_an_item_of_another_template_is_404(dispatcher):
    a = checklist(dispatcher, unique("A"), [{"label": "a1"}])
    b = checklist(dispatcher, unique("B"), [{"label": "b1"}])
    r = dispatcher.request("DELETE", f"/api/v1/pm-checklists/{a['id']}/items/{b['items'][0]['id']}")
    assert r.status_code == 404, r.text
    assert [i["label"] for i in listed(dispatcher, b["id"])[0]["items"]] == ["b1"]


def test_delete_unused_and_in_use(dispatcher):
    unused = checklist(dispatcher, unique("Unused"), [{"label": "x"}])
    r = dispatcher.request("DELETE", f"/api/v1/pm-checklists/{unused['id']}")
    assert r.status_code == 204, r.text
    assert listed(dispatcher, unused["id"]) == []
    assert dispatcher.request("DELETE", f"/api/v1/pm-checklists/{unused['id']}").status_code == 404

    used = checklist(dispatcher, unique("Used"), [{"label": "y"}])
    schedule_with(dispatcher, used["id"])
    r = dispatcher.request("DELETE", f"/api/v1/pm-checklists/{used['id']}")
    assert r.status_code == 409, r.text
    assert r.json()["error"]["reason"] == "checklist_in_use"
    assert "1 PM schedule" in r.json()["error"]["message"]
    assert len(listed(dispatcher, used["id"])) == 1


def test_must_003_rename_refuses_bad_bodies(dispatcher):
    plan = checklist(dispatcher, unique("C"), [])
    for bad in [{"name": ""}, {"name": 5}, {}, {"name": "ok", "extra": 1}, {"name": "x" * 201}]:
        r = dispatcher.patch(f"/api/v1/pm-checklists/{plan['id']}", json=bad)
        assert r.status_code == 400, (bad, r.text)


def test_another_orgs_template_is_404_to_edit(server, dispatcher, tech):
    theirs = checklist(outsider(server), "Theirs", [{"label": "x"}])
    item = theirs["items"][0]["id"]
    assert dispatcher.patch(f"/api/v1/pm-checklists/{theirs['id']}",
                            json={"name": "Mine now"}).status_code == 404
    # The body is not looked at before the template is found.
    assert dispatcher.patch(f"/api/v1/pm-checklists/{theirs['id']}",
                            json={"name": ""}).status_code == 404
    assert dispatcher.request("DELETE", f"/api/v1/pm-checklists/{theirs['id']}/items/{item}").status_code == 404
    assert dispatcher.request("DELETE", f"/api/v1/pm-checklists/{theirs['id']}").status_code == 404
    mine = checklist(dispatcher, unique("Mine"), [{"label": "z"}])
    assert tech.patch(f"/api/v1/pm-checklists/{mine['id']}", json={"name": "n"}).status_code == 403
    assert tech.request("DELETE", f"/api/v1/pm-checklists/{mine['id']}").status_code == 403
