"""PM schedules with a checklist template, an estimated time and an
assignee by name (issue 14 item 7): each generated work order gets the
template's checklist and the estimate (as estimated_hours, which the
dispatch board sizes a job by); lead days are the organization's local days."""
import datetime
from zoneinfo import ZoneInfo

from fixtures.people import admin, create_org, new_user_client, outsider, unique
from fixtures.work import iso, new_asset, new_customer, new_site, utc_now


def checklist(client, name, items):
    r = client.post("/api/v1/pm-checklists", json={"name": name})
    assert r.status_code == 201, r.text
    plan = r.json()
    for item in items:
        r = client.post(f"/api/v1/pm-checklists/{plan['id']}/items", json=item)
        assert r.status_code == 200, r.text
        plan = r.json()
    return plan


def work_orders_titled(client, title):
    items = client.get("/api/v1/work-orders", params={"limit": 200}).json()["items"]
    return [w for w in items if w["title"] == title]


def test_pm_schedule_checklist_and_estimate_reach_the_generated_work_order(server, dispatcher,
                                                                           owner, tech):
    site = new_site(dispatcher, new_customer(dispatcher))
    asset = new_asset(dispatcher, site, name="Air compressor")
    plan = checklist(dispatcher, unique("2,000 h service"), [
        {"label": "Change oil filter", "required": True},
        {"label": "Discharge pressure", "kind": "number", "unit": "psi"}])
    assert [i["label"] for i in plan["items"]] == ["Change oil filter", "Discharge pressure"]
    title = unique("Compressor service")
    r = dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "asset_id": asset["id"], "title": title, "interval_unit": "weeks",
        "interval_value": 4, "first_due_at": iso(utc_now() + datetime.timedelta(days=3)),
        "checklist_template_id": plan["id"], "estimated_minutes": 90,
        "assignee_id": tech.user_id})
    assert r.status_code == 201, r.text
    s = r.json()
    assert (s["checklist_template_id"], s["checklist_template_name"], s["estimated_minutes"]) == \
        (plan["id"], plan["name"], 90)
    assert s["assignee_name"]  # the technician by name, not an id
    admin(server, "pm-run")
    [wo] = work_orders_titled(dispatcher, title)
    assert wo["estimated_hours"] == 1.5 and wo["asset_id"] == asset["id"]
    details = dispatcher.get(f"/api/v1/work-orders/{wo['id']}/details").json()
    assert [(i["label"], i["kind"], i["unit"], i["required"]) for i in details["checklist"]] == [
        ("Change oil filter", "checkbox", "", True), ("Discharge pressure", "number", "psi", False)]
    # Settable by PATCH too.
    other = checklist(dispatcher, unique("Quick look"), [{"label": "Listen for leaks"}])
    r = dispatcher.patch(f"/api/v1/pm-schedules/{s['id']}",
                         json={"estimated_minutes": 45, "checklist_template_id": other["id"]})
    assert r.status_code == 200, r.text
    assert (r.json()["estimated_minutes"], r.json()["checklist_template_name"]) == (45, other["name"])
    # A named template is not a work type's template: new work orders of a type do not copy it.
    type_items = owner.get("/api/v1/checklist-templates").json()["items"]
    assert not any(i["label"] == "Listen for leaks" for i in type_items)


def test_pm_patch_null_clears_the_checklist_and_the_estimate_absent_leaves_them(server,
                                                                                dispatcher):
    site = new_site(dispatcher, new_customer(dispatcher))
    plan = checklist(dispatcher, unique("Monthly look"), [{"label": "Listen for leaks"}])
    title = unique("Blower check")
    r = dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "title": title, "interval_unit": "weeks", "interval_value": 4,
        "first_due_at": iso(utc_now() + datetime.timedelta(days=3)),
        "checklist_template_id": plan["id"], "estimated_minutes": 90})
    assert r.status_code == 201, r.text
    s = r.json()
    # Absent: unchanged.
    r = dispatcher.patch(f"/api/v1/pm-schedules/{s['id']}", json={"title": title})
    assert r.status_code == 200, r.text
    assert (r.json()["checklist_template_id"], r.json()["estimated_minutes"]) == (plan["id"], 90)
    # null: cleared, one at a time.
    r = dispatcher.patch(f"/api/v1/pm-schedules/{s['id']}", json={"estimated_minutes": None})
    assert r.status_code == 200, r.text
    assert (r.json()["checklist_template_id"], r.json()["estimated_minutes"]) == (plan["id"], None)
    r = dispatcher.patch(f"/api/v1/pm-schedules/{s['id']}", json={"checklist_template_id": None})
    assert r.status_code == 200, r.text
    assert r.json()["checklist_template_id"] is None
    assert r.json()["checklist_template_name"] is None and r.json()["estimated_minutes"] is None
    # The generated work order has neither.
    admin(server, "pm-run")
    [wo] = work_orders_titled(dispatcher, title)
    assert wo["estimated_hours"] is None
    assert dispatcher.get(f"/api/v1/work-orders/{wo['id']}/details").json()["checklist"] == []
    # And they can be set again.
    r = dispatcher.patch(f"/api/v1/pm-schedules/{s['id']}",
                         json={"checklist_template_id": plan["id"], "estimated_minutes": 30})
    assert (r.json()["checklist_template_id"], r.json()["estimated_minutes"]) == (plan["id"], 30)
    # A wrong type is still a 400, not a clear.
    r = dispatcher.patch(f"/api/v1/pm-schedules/{s['id']}", json={"estimated_minutes": "none"})
    assert r.status_code == 400, r.text


def test_another_orgs_checklist_template_is_404(server, dispatcher, tech):
    site = new_site(dispatcher, new_customer(dispatcher))
    theirs = checklist(outsider(server), "Theirs", [{"label": "x"}])
    body = {"site_id": site["id"], "title": unique("PM"), "interval_unit": "days",
            "interval_value": 7, "first_due_at": iso(utc_now() + datetime.timedelta(days=3)),
            "checklist_template_id": theirs["id"]}
    r = dispatcher.post("/api/v1/pm-schedules", json=body)
    assert r.status_code == 404, r.text
    mine = dispatcher.post("/api/v1/pm-schedules", json=dict(body, checklist_template_id=None))
    assert mine.status_code == 201, mine.text
    r = dispatcher.patch(f"/api/v1/pm-schedules/{mine.json()['id']}",
                         json={"checklist_template_id": theirs["id"]})
    assert r.status_code == 404, r.text
    r = dispatcher.post(f"/api/v1/pm-checklists/{theirs['id']}/items", json={"label": "y"})
    assert r.status_code == 404, r.text
    assert tech.get("/api/v1/pm-checklists").status_code == 403
    assert tech.post("/api/v1/pm-checklists", json={"name": "n"}).status_code == 403


def test_must_003_pm_plan_fields_refused(dispatcher):
    site = new_site(dispatcher, new_customer(dispatcher))
    body = {"site_id": site["id"], "title": "x", "interval_unit": "days", "interval_value": 7,
            "first_due_at": iso(utc_now() + datetime.timedelta(days=3))}
    for bad in [{"estimated_minutes": 0}, {"estimated_minutes": "90"},
                {"estimated_minutes": 7 * 24 * 60 + 1}, {"checklist_template_id": "a"}]:
        r = dispatcher.post("/api/v1/pm-schedules", json=dict(body, **bad))
        assert r.status_code == 400, (bad, r.text)
    assert dispatcher.post("/api/v1/pm-checklists", json={"name": ""}).status_code == 400
    plan = checklist(dispatcher, unique("c"), [])
    r = dispatcher.post(f"/api/v1/pm-checklists/{plan['id']}/items",
                        json={"label": "Tick", "unit": "psi"})
    assert r.status_code == 422 or r.status_code == 400, r.text


KIRITIMATI = ZoneInfo("Pacific/Kiritimati")  # UTC+14: its day starts ten hours before UTC's


def test_lead_days_are_the_organizations_local_days_far_from_utc(server):
    """Due `lead` local days and two minutes from now: the work order is made
    today (local), from the start of today; counted in UTC days it would wait
    two more minutes. One more local day of lead and it waits until tomorrow."""
    office = new_user_client(server, create_org(server, time_zone="Pacific/Kiritimati"),
                             "dispatcher")[0]
    site = new_site(office, new_customer(office))
    now = utc_now()
    local = now.astimezone(KIRITIMATI)
    to_midnight = (datetime.datetime.combine(local.date() + datetime.timedelta(days=1),
                                             datetime.time(), KIRITIMATI) - local).total_seconds()
    ahead = datetime.timedelta(seconds=min(120, to_midnight / 2))
    lead = 3
    due_today = now + datetime.timedelta(days=lead) + ahead
    due_tomorrow = now + datetime.timedelta(days=lead + 1) + ahead
    titles = []
    for due in (due_today, due_tomorrow):
        titles.append(unique("Kiritimati PM"))
        r = office.post("/api/v1/pm-schedules", json={
            "site_id": site["id"], "title": titles[-1], "interval_unit": "months",
            "interval_value": 1, "first_due_at": iso(due), "lead_days": lead})
        assert r.status_code == 201, r.text
    admin(server, "pm-run")
    assert len(work_orders_titled(office, titles[0])) == 1
    assert work_orders_titled(office, titles[1]) == []
