"""Maintenance reports (issue 14 item 7): PM compliance (on time, late,
missed, open) with a clock the test moves, mean time to repair from reactive
work orders and from downtime against hand-computed figures, and labour and
parts cost per asset summed in integer cents. Office roles only."""
import datetime
from zoneinfo import ZoneInfo

import pytest

from fixtures.clock import hooks_binary
from fixtures.database import db_exec
from fixtures.people import admin, create_org, new_user_client, outsider, unique
from fixtures.work import (complete, iso, new_asset, new_customer, new_site, new_wo, utc_now)

REPORTS = ["/api/v1/reports/pm-compliance", "/api/v1/reports/mttr", "/api/v1/reports/asset-costs"]
CHICAGO = ZoneInfo("America/Chicago")


def ms(text):
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def local_day(dt, zone):
    return dt.astimezone(zone).date().isoformat()


def office_of_new_org(server, time_zone="UTC"):
    return new_user_client(server, create_org(server, time_zone=time_zone), "dispatcher")[0]


def report(client, path, **params):
    r = client.get(path, params=params)
    assert r.status_code == 200, r.text
    return r.json()


def counts(row):
    c = row["counts"] if "counts" in row else row
    return (c["on_time"], c["late"], c["missed"], c["open"])


# --- PM compliance ---

def schedule(client, site, asset, title, due):
    r = client.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "asset_id": asset["id"], "title": title, "interval_unit": "months",
        "interval_value": 6, "first_due_at": iso(due), "lead_days": 30})
    assert r.status_code == 201, r.text
    return r.json()


def generated(client, title):
    items = client.get("/api/v1/work-orders", params={"limit": 200}).json()["items"]
    [wo] = [w for w in items if w["title"] == title]
    return wo


def test_pm_compliance_on_time_late_missed_and_open_as_the_clock_moves(make_clock_server):
    s = make_clock_server()
    office = office_of_new_org(s, "America/Chicago")
    site = new_site(office, new_customer(office), name="North plant")
    boiler = new_asset(office, site, name="Boiler 2")
    now = utc_now()
    titles = {k: unique(f"PM {k}") for k in ("on_time", "late", "missed", "open")}
    schedule(office, site, boiler, titles["on_time"], now + datetime.timedelta(days=1))
    schedule(office, site, boiler, titles["late"], now + datetime.timedelta(seconds=30))
    schedule(office, site, boiler, titles["missed"], now - datetime.timedelta(days=2))
    schedule(office, site, boiler, titles["open"], now + datetime.timedelta(days=10))
    admin(s, "pm-run")
    complete(office, generated(office, titles["on_time"]))  # a day early
    window = {"from": local_day(now - datetime.timedelta(days=3), CHICAGO),
              "to": local_day(now + datetime.timedelta(days=20), CHICAGO)}
    before = report(office, REPORTS[0], **window)
    assert before["time_zone"] == "America/Chicago" and before["from"] == window["from"]
    # The one due in thirty seconds is still open; the one due two days ago is missed.
    assert counts(before["total"]) == (1, 0, 1, 2), before
    assert before["total"]["compliance_percent"] == 50
    s.clock.advance(40)  # past the due date of the "late" one
    complete(office, generated(office, titles["late"]))
    after = report(office, REPORTS[0], **window)
    assert counts(after["total"]) == (1, 1, 1, 1), after
    assert after["total"]["compliance_percent"] == 33
    rows = {r["title"]: r for r in after["schedules"]}
    assert counts(rows[titles["on_time"]]) == (1, 0, 0, 0)
    assert counts(rows[titles["late"]]) == (0, 1, 0, 0)
    assert counts(rows[titles["missed"]]) == (0, 0, 1, 0)
    assert counts(rows[titles["open"]]) == (0, 0, 0, 1)
    assert rows[titles["open"]]["counts"]["compliance_percent"] is None
    assert (rows[titles["late"]]["asset_name"], rows[titles["late"]]["site_name"]) == \
        ("Boiler 2", "North plant")
    # The window is of due dates: from five days on, only the open one is in it.
    later = report(office, REPORTS[0], **{"from": local_day(now + datetime.timedelta(days=5),
                                                            CHICAGO), "to": window["to"]})
    assert counts(later["total"]) == (0, 0, 0, 1)


# --- mean time to repair ---

def dated_work_order(server, client, asset, site, kind, created, completed):
    wo = complete(client, new_wo(client, type=kind, customer_id=site["customer_id"],
                                 site_id=site["id"], asset_id=asset["id"]))
    db_exec(server, f"UPDATE work_orders SET created_at = {ms(created)}, "
                    f"completed_at = {ms(completed)} WHERE id = {wo['id']}")
    return wo


def dated_status_changes(server, client, asset, times):
    """down, running, down, ... at `times` (made through the API, then dated)."""
    for i in range(len(times)):
        asset = client.get(f"/api/v1/assets/{asset['id']}").json()
        status = "down" if i % 2 == 0 else "running"
        r = client.patch(f"/api/v1/assets/{asset['id']}",
                         json={"status": status, "reason": "test", "version": asset["version"]})
        assert r.status_code == 200, r.text
        rows = client.get(f"/api/v1/assets/{asset['id']}/status-changes").json()["items"]
        db_exec(server, f"UPDATE asset_status_changes SET changed_at = {ms(times[i])} "
                        f"WHERE id = {rows[0]['id']}")


def test_mttr_from_reactive_work_orders_and_downtime_hand_computed(server):
    office = office_of_new_org(server)
    site = new_site(office, new_customer(office), name="Line 1")
    press, filler = new_asset(office, site, name="Press"), new_asset(office, site, name="Filler")
    # Press: 150 and 165 minutes (the second across midnight); Filler: 40.
    dated_work_order(server, office, press, site, "corrective",
                     "2026-11-10T08:00:00Z", "2026-11-10T10:30:00Z")
    dated_work_order(server, office, press, site, "emergency",
                     "2026-11-12T22:00:00Z", "2026-11-13T00:45:00Z")
    dated_work_order(server, office, filler, site, "corrective",
                     "2026-11-20T09:00:00Z", "2026-11-20T09:40:00Z")
    # Not repairs, or not in the window: left out.
    dated_work_order(server, office, filler, site, "preventive",
                     "2026-11-20T09:00:00Z", "2026-11-20T19:00:00Z")
    dated_work_order(server, office, filler, site, "corrective",
                     "2026-10-30T09:00:00Z", "2026-10-31T23:00:00Z")
    # Press down 120 then 90 minutes; Filler down from Oct 31 to Nov 1 (120
    # minutes, ended in the window so counted).
    dated_status_changes(server, office, press, ["2026-11-05T10:00:00Z", "2026-11-05T12:00:00Z",
                                                 "2026-11-25T23:00:00Z", "2026-11-26T00:30:00Z"])
    dated_status_changes(server, office, filler, ["2026-10-31T23:00:00Z", "2026-11-01T01:00:00Z"])
    got = report(office, REPORTS[1], **{"from": "2026-11-01", "to": "2026-11-30"})
    rows = {r["asset_name"]: r["figures"] for r in got["assets"]}
    # (150 + 165) / 2 = 157.5 -> 158 (nearest minute, half up).
    assert rows["Press"] == {"work_orders": 2, "work_order_mttr_minutes": 158,
                             "downtime_repairs": 2, "downtime_mttr_minutes": 105}, got
    assert rows["Filler"] == {"work_orders": 1, "work_order_mttr_minutes": 40,
                              "downtime_repairs": 1, "downtime_mttr_minutes": 120}, got
    # Overall is over every repair, not a mean of means: 355 / 3 = 118.3; 330 / 3 = 110.
    assert got["overall"] == {"work_orders": 3, "work_order_mttr_minutes": 118,
                              "downtime_repairs": 3, "downtime_mttr_minutes": 110}, got
    assert all(r["site_name"] == "Line 1" for r in got["assets"])
    empty = report(office, REPORTS[1], **{"from": "2026-12-01", "to": "2026-12-02"})
    assert empty["assets"] == [] and empty["overall"]["work_order_mttr_minutes"] is None


# --- cost per asset ---

def test_asset_costs_labour_and_parts_in_cents_highest_first(server):
    office = office_of_new_org(server)
    north = new_site(office, new_customer(office), name="North plant")
    south = new_site(office, new_customer(office), name="South plant")
    compressor = new_asset(office, north, name="Compressor")
    conveyor = new_asset(office, south, name="Conveyor")
    def wo_on(site, asset=None):
        body = {"customer_id": site["customer_id"], "site_id": site["id"]}
        return new_wo(office, **body, **({"asset_id": asset["id"]} if asset else {}))
    a = wo_on(north, compressor)
    assert office.post(f"/api/v1/work-orders/{a['id']}/time", json={"minutes": 90}).status_code == 201
    assert office.post(f"/api/v1/work-orders/{a['id']}/parts", json={
        "name": "Belt", "quantity": 2, "unit_cost_cents": 4599}).status_code == 201
    b = wo_on(north, compressor)
    assert office.post(f"/api/v1/work-orders/{b['id']}/time", json={"minutes": 30}).status_code == 201
    c = wo_on(south, conveyor)
    assert office.post(f"/api/v1/work-orders/{c['id']}/parts", json={
        "name": "Roller", "quantity": 3, "unit_cost_cents": 1999}).status_code == 201
    d = wo_on(south)  # no asset: not in the report
    assert office.post(f"/api/v1/work-orders/{d['id']}/time", json={"minutes": 600}).status_code == 201
    got = report(office, REPORTS[2])
    # At 9,500 cents an hour: 90 min = 14,250, 30 min = 4,750; parts 2 x 4,599 and 3 x 1,999.
    assert [(r["asset_name"], r["site_name"], r["work_orders"], r["labour_cents"],
             r["parts_cents"], r["total_cents"]) for r in got["assets"]] == [
        ("Compressor", "North plant", 2, 19000, 9198, 28198),
        ("Conveyor", "South plant", 1, 0, 5997, 5997)], got
    assert (got["labour_cents"], got["parts_cents"], got["total_cents"]) == (19000, 15195, 34195)
    assert all(isinstance(got[k], int) for k in ("labour_cents", "parts_cents", "total_cents"))
    tomorrow = (utc_now() + datetime.timedelta(days=1)).date().isoformat()
    assert report(office, REPORTS[2], **{"from": tomorrow, "to": tomorrow})["assets"] == []
    # Another organization sees none of it.
    assert report(outsider(server), REPORTS[2])["assets"] == []


# --- who may read them, and what they refuse ---

@pytest.mark.parametrize("path", REPORTS)
def test_reports_are_for_the_office_not_technicians(server, owner, dispatcher, tech, viewer, path):
    assert owner.get(path).status_code == 200
    assert dispatcher.get(path).status_code == 200
    assert tech.get(path).status_code == 403
    assert viewer.get(path).status_code == 403


@pytest.mark.parametrize("params,field", [
    ({"from": "2026-13-01"}, "from"), ({"to": "yesterday"}, "to"),
    ({"from": "2026-11-10", "to": "2026-11-09"}, "to"),
    ({"from": "2020-01-01", "to": "2026-01-01"}, "from"), ({"days": "3"}, "days")])
def test_must_003_report_window_refused_with_a_reason(dispatcher, params, field):
    for path in REPORTS:
        r = dispatcher.get(path, params=params)
        assert r.status_code == 400, (path, r.text)
        assert field in r.text, r.text


def test_demo_plant_reports_show_believable_figures(server):
    """The seeded plant: PM schedules with a checklist and an estimate, and
    reports with some work on time, a few late, one missed, repairs and costs."""
    slug = unique("plant")
    admin(server, "seed-demo", "--org", slug, "--customers", "3", "--work-orders", "5")
    owner = new_user_client(server, slug, "owner")[0]
    schedules = owner.get("/api/v1/pm-schedules").json()["items"]
    assert schedules and all(s["checklist_template_name"] and s["estimated_minutes"]
                             for s in schedules), schedules
    pm = report(owner, REPORTS[0])
    on_time, late, missed, _ = counts(pm["total"])
    assert on_time > late >= 2 and missed == 1, pm
    mttr = report(owner, REPORTS[1])
    assert mttr["overall"]["work_orders"] >= 3 and mttr["overall"]["downtime_repairs"] >= 1, mttr
    costs = report(owner, REPORTS[2])
    totals = [a["total_cents"] for a in costs["assets"]]
    assert len(totals) >= 3 and totals == sorted(totals, reverse=True), costs
    assert costs["assets"][0]["site_name"] == "Riverside plant"
