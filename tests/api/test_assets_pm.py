"""Assets, meter readings and preventive maintenance schedules (issue 4)."""
import datetime
import subprocess

import pytest

from fixtures.people import admin, outsider, unique
from fixtures.server import BIN, error_of
from fixtures.work import iso, new_asset, new_customer, new_site, utc_now


# --- assets and meters ---

def test_assets_list_across_the_org_with_site_and_customer(server, dispatcher, tech):
    c = new_customer(dispatcher, name=unique("Tankowner"))
    site = new_site(dispatcher, c, name="Farm", address="1 Silo Rd")
    serial = unique("SN")
    asset = new_asset(dispatcher, site, name="Lift pump", type="pump", serial=serial)
    found = dispatcher.get("/api/v1/assets", params={"q": serial.lower()}).json()["items"]
    assert [a["id"] for a in found] == [asset["id"]]
    assert found[0]["customer_name"] == c["name"] and found[0]["site_address"] == "1 Silo Rd"
    by_customer = dispatcher.get("/api/v1/assets", params={"customer_id": c["id"]}).json()["items"]
    assert [a["id"] for a in by_customer] == [asset["id"]]
    assert tech.get("/api/v1/assets", params={"q": c["name"]}).json()["items"][0]["id"] == asset["id"]
    other = outsider(server)
    assert other.get("/api/v1/assets", params={"q": serial}).json()["items"] == []
    assert dispatcher.get("/api/v1/assets", params={"sort": "x"}).status_code == 400
    first = dispatcher.get("/api/v1/assets", params={"limit": 1}).json()
    if first["next_cursor"] is not None:
        second = dispatcher.get("/api/v1/assets", params={"limit": 1, "cursor": first["next_cursor"]}).json()
        assert second["items"][0]["id"] > first["items"][0]["id"]


def test_assets_and_meter_readings(dispatcher, tech):
    site = new_site(dispatcher, address="9 Quarry Rd")
    asset = new_asset(dispatcher, site, name="1,000-gal septic tank", type="septic_tank",
                      make="Norwesco", install_date="2014-05-02")
    assert [a["id"] for a in dispatcher.get(f"/api/v1/sites/{site['id']}/assets").json()["items"]] == [asset["id"]]
    base = f"/api/v1/assets/{asset['id']}/readings"
    assert tech.post(base, json={"kind": "gallons", "value": 950,
                                 "read_at": "2026-01-10T10:00:00Z"}).status_code == 201
    assert tech.post(base, json={"kind": "gallons", "value": 1900,
                                 "read_at": "2026-06-10T10:00:00Z"}).status_code == 201
    lower = tech.post(base, json={"kind": "gallons", "value": 10, "read_at": "2026-07-01T00:00:00Z"})
    assert lower.status_code == 400 and error_of(lower)["reason"] == "meter_reading_below_earlier"
    readings = dispatcher.get(base, params={"kind": "gallons"}).json()["items"]
    assert [x["value"] for x in readings] == [1900, 950]


@pytest.mark.parametrize("body,field", [
    ({"name": ""}, "name"),
    ({"name": "Pump", "install_date": "2014-02-30"}, "install_date"),
    ({"name": "Pump", "install_date": "yesterday"}, "install_date"),
])
def test_must_003_asset_validation(dispatcher, body, field):
    site = new_site(dispatcher)
    r = dispatcher.post(f"/api/v1/sites/{site['id']}/assets", json=body)
    assert r.status_code == 400 and field in error_of(r)["fields"]


def test_another_orgs_asset_is_404(server, dispatcher):
    site = new_site(dispatcher)
    asset = new_asset(dispatcher, site)
    other = outsider(server)
    assert other.get(f"/api/v1/assets/{asset['id']}").status_code == 404
    assert other.post(f"/api/v1/assets/{asset['id']}/readings",
                      json={"kind": "hours", "value": 1}).status_code == 404
    assert other.post(f"/api/v1/sites/{site['id']}/assets", json={"name": "x"}).status_code == 404


# --- preventive maintenance ---

def pm_setup(dispatcher):
    c = new_customer(dispatcher)
    site = new_site(dispatcher, c, address="4 Mill Creek Ln")
    return c, site, new_asset(dispatcher, site, name="Tank")


def pm_work_orders(client, title):
    items = client.get("/api/v1/work-orders", params={"limit": 200}).json()["items"]
    return [w for w in items if w["title"] == title]


def test_pm_calendar_schedule_generates_once_even_when_run_repeatedly(server, dispatcher):
    c, site, asset = pm_setup(dispatcher)
    title = unique("Pump tank (PM)")
    due = iso(utc_now() + datetime.timedelta(days=3))
    r = dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "asset_id": asset["id"], "title": title, "interval_unit": "months",
        "interval_value": 6, "first_due_at": due, "lead_days": 14})
    assert r.status_code == 201, r.text
    for _ in range(3):  # a restart, a second worker: the same occurrence, once
        admin(server, "pm-run")
    generated = pm_work_orders(dispatcher, title)
    assert len(generated) == 1
    assert generated[0]["type"] == "preventive" and generated[0]["due_at"] == due
    assert generated[0]["customer_id"] == c["id"]
    schedule = next(s for s in dispatcher.get("/api/v1/pm-schedules").json()["items"] if s["id"] == r.json()["id"])
    assert schedule["next_due_at"] > due  # advanced six months


def test_pm_schedule_paused_generates_nothing_and_resumes(server, dispatcher, tech):
    c, site, asset = pm_setup(dispatcher)
    title = unique("Inspect pump (PM)")
    due = iso(utc_now() + datetime.timedelta(days=2))
    sched = dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "title": title, "interval_unit": "weeks", "interval_value": 4,
        "first_due_at": due}).json()
    r = dispatcher.patch(f"/api/v1/pm-schedules/{sched['id']}", json={"active": False})
    assert r.status_code == 200 and r.json()["active"] is False
    admin(server, "pm-run")
    assert pm_work_orders(dispatcher, title) == []
    r = dispatcher.patch(f"/api/v1/pm-schedules/{sched['id']}",
                         json={"active": True, "priority": "urgent", "assignee_id": tech.user_id})
    assert r.status_code == 200 and r.json()["priority"] == "urgent"
    admin(server, "pm-run")
    [wo] = pm_work_orders(dispatcher, title)
    assert wo["priority"] == "urgent"
    assert dispatcher.patch(f"/api/v1/pm-schedules/{sched['id']}", json={"interval_value": 2}).status_code == 400
    assert dispatcher.patch(f"/api/v1/pm-schedules/{sched['id']}", json={"priority": "asap"}).status_code == 400
    assert tech.patch(f"/api/v1/pm-schedules/{sched['id']}", json={"active": False}).status_code == 403
    other = outsider(server)
    assert other.patch(f"/api/v1/pm-schedules/{sched['id']}", json={"active": False}).status_code == 404


def test_pm_meter_schedule_fires_when_the_reading_reaches_it(server, dispatcher):
    _, site, asset = pm_setup(dispatcher)
    title = unique("Service pump (hours)")
    r = dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "asset_id": asset["id"], "title": title, "interval_unit": "meter",
        "interval_value": 500, "meter_kind": "hours", "first_meter_value": 1000})
    assert r.status_code == 201, r.text
    readings = f"/api/v1/assets/{asset['id']}/readings"
    dispatcher.post(readings, json={"kind": "hours", "value": 900})
    admin(server, "pm-run")
    assert pm_work_orders(dispatcher, title) == []
    dispatcher.post(readings, json={"kind": "hours", "value": 1010})
    admin(server, "pm-run")
    admin(server, "pm-run")
    assert len(pm_work_orders(dispatcher, title)) == 1


@pytest.mark.parametrize("body,field", [
    ({"title": "x", "interval_unit": "days", "interval_value": 7}, "first_due_at"),
    ({"title": "x", "interval_unit": "fortnights", "interval_value": 1,
      "first_due_at": "2026-12-01T00:00:00Z"}, "interval_unit"),
    ({"title": "x", "interval_unit": "meter", "interval_value": 10}, "meter_kind"),
    ({"title": "x", "interval_unit": "days", "interval_value": 0,
      "first_due_at": "2026-12-01T00:00:00Z"}, "interval_value"),
])
def test_must_003_pm_schedule_validation(dispatcher, body, field):
    _, site, _ = pm_setup(dispatcher)
    body = dict(body, site_id=site["id"])
    r = dispatcher.post("/api/v1/pm-schedules", json=body)
    assert r.status_code == 400 and field in error_of(r)["fields"], r.text


def test_pm_generation_idempotent_across_concurrent_instances(server, dispatcher):
    """Several `pm-run` processes at once (on PostgreSQL: separate connections racing)."""
    _, site, asset = pm_setup(dispatcher)
    title = unique("Race PM")
    due = iso(utc_now() + datetime.timedelta(days=1))
    dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "title": title, "interval_unit": "weeks", "interval_value": 4,
        "first_due_at": due})
    procs = [subprocess.Popen([BIN, "admin", "pm-run"], env=server.env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for _ in range(4)]
    for p in procs:
        assert p.wait(60) == 0
    assert len(pm_work_orders(dispatcher, title)) == 1
