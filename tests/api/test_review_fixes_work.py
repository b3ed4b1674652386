"""Issue 10, items 1, 4, 8 and 9: part prices, invoiced work orders, meter
readings and PM schedules far in the past."""
import datetime
import json

import pytest

from fixtures.people import admin, new_user_client, outsider, unique
from fixtures.server import error_of
from fixtures.work import (complete, get_invoice, iso, new_asset, new_site, new_wo, step_invoice,
                           utc_now)


def parts_of(client, wo):
    return client.get(f"/api/v1/work-orders/{wo['id']}/details").json()["parts"]


# --- item 1: technicians record parts, the office prices them ---

@pytest.mark.parametrize("price", [100_000_000, 0])
def test_technician_cannot_price_part(dispatcher, tech, price):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    r = tech.post(f"/api/v1/work-orders/{wo['id']}/parts",
                  json={"name": "Gold-plated float switch", "quantity": 1, "unit_cost_cents": price})
    assert r.status_code == 403, r.text
    assert error_of(r)["reason"] == "technician_cannot_price"
    assert parts_of(dispatcher, wo) == []  # nothing recorded


def test_technician_part_is_unpriced_until_the_office_prices_it(owner, dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    r = tech.post(f"/api/v1/work-orders/{wo['id']}/parts", json={"name": "Effluent filter", "quantity": 2})
    assert r.status_code == 201 and "unit_cost_cents" not in r.json()
    part = r.json()["id"]
    assert parts_of(dispatcher, wo)[0]["unit_cost_cents"] == 0
    r = dispatcher.patch(f"/api/v1/work-orders/{wo['id']}/parts/{part}", json={"unit_cost_cents": 4599})
    assert r.status_code == 200, r.text
    assert r.json()["unit_cost_cents"] == 4599 and r.json()["quantity"] == 2
    r = dispatcher.patch(f"/api/v1/work-orders/{wo['id']}/parts/{part}",
                         json={"name": "Effluent filter 4in", "quantity": 3})
    assert r.status_code == 200 and r.json()["name"] == "Effluent filter 4in"
    [p] = parts_of(dispatcher, wo)
    assert (p["name"], p["quantity"], p["unit_cost_cents"]) == ("Effluent filter 4in", 3, 4599)
    inv = dispatcher.post(f"/api/v1/work-orders/{complete(dispatcher, wo)['id']}/invoice").json()
    assert [l["amount_cents"] for l in inv["lines"]] == [3 * 4599]
    # Audited with the changed field names, never the values.
    entries = owner.get("/api/v1/audit", params={"action": "work_order.part_updated"}).json()["items"]
    mine = [e for e in entries if e["target_id"] == str(wo["id"])]
    assert [e["fields"] for e in mine] == [["name", "quantity"], ["unit_cost_cents"]]
    assert "4599" not in json.dumps(mine) and "Effluent" not in json.dumps(mine)


def test_part_price_is_set_by_the_office_only(server, org, dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    part = tech.post(f"/api/v1/work-orders/{wo['id']}/parts", json={"name": "Lid", "quantity": 1}).json()
    path = f"/api/v1/work-orders/{wo['id']}/parts/{part['id']}"
    assert tech.patch(path, json={"unit_cost_cents": 100}).status_code == 403
    viewer, _ = new_user_client(server, org, "viewer")
    assert viewer.patch(path, json={"unit_cost_cents": 100}).status_code == 403
    other = outsider(server)
    assert other.patch(path, json={"unit_cost_cents": 100}).status_code == 404
    assert dispatcher.patch(f"/api/v1/work-orders/{wo['id']}/parts/999999999",
                            json={"unit_cost_cents": 1}).status_code == 404
    other_wo = new_wo(dispatcher)
    assert dispatcher.patch(f"/api/v1/work-orders/{other_wo['id']}/parts/{part['id']}",
                            json={"unit_cost_cents": 1}).status_code == 404  # part of another work order
    for body, field in [({"unit_cost_cents": -1}, "unit_cost_cents"), ({"quantity": 0}, "quantity"),
                        ({"name": " "}, "name"), ({}, "unit_cost_cents"), ({"price": 5}, "price")]:
        r = dispatcher.patch(path, json=body)
        assert r.status_code == 400 and field in error_of(r)["fields"], (body, r.text)
    assert parts_of(dispatcher, wo)[0]["unit_cost_cents"] == 0


# --- item 4: an invoiced work order's time and parts are fixed ---

@pytest.mark.parametrize("status_path", [["open"], ["open", "paid"], ["open", "paid", "refunded"], ["void"]])
def test_invoiced_work_order_refuses_new_time_and_parts(dispatcher, tech, status_path):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    part = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/parts",
                           json={"name": "Riser", "quantity": 1, "unit_cost_cents": 1000}).json()
    wo = complete(dispatcher, wo)
    inv = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice").json()
    for to in status_path:
        inv = step_invoice(dispatcher, inv, to)
    base = f"/api/v1/work-orders/{wo['id']}"
    for client, method, path, body in [
            (tech, "POST", "/time", {"minutes": 30}),
            (tech, "POST", "/parts", {"name": "Filter", "quantity": 1}),
            (dispatcher, "POST", "/parts", {"name": "Filter", "quantity": 1, "unit_cost_cents": 5}),
            (dispatcher, "PATCH", f"/parts/{part['id']}", {"unit_cost_cents": 999999})]:
        r = client.request(method, base + path, json=body)
        assert r.status_code == 409, (path, r.text)
        assert error_of(r)["reason"] == "work_order_invoiced"
    after = get_invoice(dispatcher, inv["id"])
    assert after["total_cents"] == 1000 and after["version"] == inv["version"]
    d = dispatcher.get(base + "/details").json()
    assert d["time_entries"] == [] and [p["unit_cost_cents"] for p in d["parts"]] == [1000]


def test_draft_invoice_lines_follow_time_and_parts(owner, dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    wo = complete(dispatcher, wo)
    inv = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice").json()
    assert inv["status"] == "draft" and inv["lines"] == [] and inv["total_cents"] == 0
    base = f"/api/v1/work-orders/{wo['id']}"
    assert tech.post(base + "/time", json={"minutes": 60}).status_code == 201
    part = tech.post(base + "/parts", json={"name": "Baffle", "quantity": 2}).json()
    draft = get_invoice(dispatcher, inv["id"])
    assert [l["amount_cents"] for l in draft["lines"]] == [9500, 0]  # $95.00/h default, unpriced part
    assert dispatcher.patch(f"{base}/parts/{part['id']}", json={"unit_cost_cents": 1250}).status_code == 200
    draft = get_invoice(dispatcher, inv["id"])
    assert [l["amount_cents"] for l in draft["lines"]] == [9500, 2500]
    assert draft["total_cents"] == 12000
    assert draft["version"] > inv["version"]  # whoever read the old total must reload
    stale = dispatcher.post(f"/api/v1/invoices/{inv['id']}/status", json={"to": "open", "version": inv["version"]})
    assert stale.status_code == 409
    opened = step_invoice(dispatcher, draft, "open")
    assert opened["total_cents"] == 12000
    refreshed = owner.get("/api/v1/audit", params={"action": "invoice.lines_refreshed"}).json()["items"]
    assert [e["fields"] for e in refreshed if e["target_id"] == str(inv["id"])] == [["lines", "total_cents"]] * 3


# --- item 8: meters only go up, whatever order readings are entered in ---

def test_backdated_meter_reading_must_lie_between_its_neighbours(dispatcher, tech):
    base = f"/api/v1/assets/{new_asset(dispatcher)['id']}/readings"
    post = lambda value, at: tech.post(base, json={"kind": "hours", "value": value, "read_at": at})
    assert post(100, "2026-01-10T00:00:00Z").status_code == 201
    assert post(200, "2026-03-10T00:00:00Z").status_code == 201
    above = post(300, "2026-02-10T00:00:00Z")  # would make the meter go down to 200 in March
    assert above.status_code == 400 and error_of(above)["reason"] == "meter_reading_above_later"
    assert "value" in error_of(above)["fields"]
    below = post(50, "2026-02-10T00:00:00Z")
    assert below.status_code == 400 and error_of(below)["reason"] == "meter_reading_below_earlier"
    assert post(150, "2026-02-10T00:00:00Z").status_code == 201
    assert post(100, "2026-01-10T00:00:00Z").status_code == 201  # equal to its neighbour: fine
    # Another kind of the same asset is its own meter.
    assert tech.post(base, json={"kind": "cycles", "value": 1, "read_at": "2026-02-10T00:00:00Z"}).status_code == 201
    values = [x["value"] for x in dispatcher.get(base, params={"kind": "hours"}).json()["items"]]
    assert values == sorted(values, reverse=True) and len(values) == 4


def test_meter_reading_dated_in_the_future_is_refused(dispatcher, tech):
    base = f"/api/v1/assets/{new_asset(dispatcher)['id']}/readings"
    r = tech.post(base, json={"kind": "hours", "value": 10, "read_at": iso(utc_now() + datetime.timedelta(hours=1))})
    assert r.status_code == 400 and error_of(r)["reason"] == "meter_reading_in_future"
    assert "read_at" in error_of(r)["fields"]
    # A device clock a couple of minutes ahead is tolerated (5 minutes of skew).
    ok = tech.post(base, json={"kind": "hours", "value": 10, "read_at": iso(utc_now() + datetime.timedelta(minutes=2))})
    assert ok.status_code == 201, ok.text
    assert dispatcher.get(base).json()["items"][0]["value"] == 10


# --- item 9: PM schedules that start far in the past ---

def test_pm_start_more_than_a_year_in_the_past_is_refused(dispatcher):
    site = new_site(dispatcher)
    body = {"site_id": site["id"], "title": "Pump (PM)", "interval_unit": "months", "interval_value": 1}
    r = dispatcher.post("/api/v1/pm-schedules", json=dict(body, first_due_at="1990-01-01T00:00:00Z"))
    assert r.status_code == 400, r.text
    assert error_of(r)["reason"] == "pm_start_too_far_in_past" and "first_due_at" in error_of(r)["fields"]
    late = dispatcher.post("/api/v1/pm-schedules", json=dict(body, first_due_at=iso(utc_now() - datetime.timedelta(days=300))))
    assert late.status_code == 201, late.text


def test_overdue_pm_schedule_generates_one_work_order_and_moves_past_now(server, dispatcher):
    site = new_site(dispatcher)
    title = unique("Weekly check (PM)")
    start = utc_now().replace(microsecond=0) - datetime.timedelta(days=300)
    r = dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "title": title, "interval_unit": "weeks", "interval_value": 1,
        "lead_days": 0, "first_due_at": iso(start)})
    assert r.status_code == 201, r.text
    for _ in range(4):  # each run used to add the next missed week (43 of them)
        admin(server, "pm-run")
    items = dispatcher.get("/api/v1/work-orders", params={"q": title, "limit": 200}).json()["items"]
    assert len(items) == 1 and items[0]["due_at"] == iso(start)
    sched = next(s for s in dispatcher.get("/api/v1/pm-schedules").json()["items"] if s["id"] == r.json()["id"])
    assert iso(utc_now()) < sched["next_due_at"] <= iso(utc_now() + datetime.timedelta(days=7))
