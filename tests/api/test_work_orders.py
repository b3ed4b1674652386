"""Work orders (issue 4, first part): numbering, the life cycle and its
transitions by role, versions, validation, lists and filters, what is
recorded while working, my day and the dispatch board."""
import datetime
import re
import threading

import pytest
import requests

from fixtures.people import admin, create_org, login, new_user_client, outsider, unique
from fixtures.server import error_of
from fixtures.work import INJECTION, move, new_customer, new_wo


# --- work orders ---

def test_work_order_numbers_are_per_org_and_sequential(server):
    o = create_org(server)
    d, _ = new_user_client(server, o, "dispatcher")
    first, second = new_wo(d), new_wo(d)
    assert first["number"] == "WO-1001" and second["number"] == "WO-1002"
    assert first["status"] == "open"
    assert first["allowed_transitions"] == ["scheduled", "cancelled"]


def test_full_life_cycle_and_history(dispatcher, tech):
    c = new_customer(dispatcher)
    wo = new_wo(dispatcher, customer_id=c["id"], assignee_id=tech.user_id,
                scheduled_start="2031-11-24T08:00:00Z", scheduled_end="2031-11-24T10:00:00-00:00")
    assert wo["status"] == "scheduled"  # assigned and scheduled at creation
    for to in ["in_progress", "on_hold", "in_progress", "completed"]:
        r = move(tech, wo, to)
        assert r.status_code == 200, (to, r.text)
        wo = r.json()
    assert wo["completed_at"]
    r = move(dispatcher, wo, "closed")
    assert r.status_code == 200
    history = dispatcher.get(f"/api/v1/work-orders/{wo['id']}/history").json()["items"]
    assert [h["to"] for h in history] == ["scheduled", "in_progress", "on_hold", "in_progress",
                                         "completed", "closed"]


ALL = ["open", "scheduled", "in_progress", "on_hold", "completed", "closed", "cancelled"]
LEGAL = {("open", "scheduled"), ("scheduled", "in_progress"), ("in_progress", "on_hold"),
         ("on_hold", "in_progress"), ("in_progress", "completed"), ("completed", "closed"),
         ("open", "cancelled"), ("scheduled", "cancelled"), ("in_progress", "cancelled"),
         ("on_hold", "cancelled"), ("completed", "open"), ("closed", "open"),
         ("cancelled", "open")}
PATH_TO = {"open": [], "scheduled": ["scheduled"], "in_progress": ["scheduled", "in_progress"],
           "on_hold": ["scheduled", "in_progress", "on_hold"],
           "completed": ["scheduled", "in_progress", "completed"],
           "closed": ["scheduled", "in_progress", "completed", "closed"],
           "cancelled": ["cancelled"]}


@pytest.mark.parametrize("start", ALL)
def test_every_illegal_transition_is_refused(dispatcher, start):
    for to in ALL:
        wo = new_wo(dispatcher)
        for step in PATH_TO[start]:
            wo = move(dispatcher, wo, step).json()
        r = move(dispatcher, wo, to)
        if (start, to) in LEGAL:
            assert r.status_code == 200, (start, to, r.text)
        else:
            assert r.status_code == 409, (start, to, r.text)
            assert error_of(r)["reason"] == "illegal_transition"


def test_only_dispatchers_reopen(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    for to in ["scheduled", "in_progress", "completed"]:
        wo = move(dispatcher, wo, to).json()
    r = move(tech, wo, "open")
    assert r.status_code == 403 and error_of(r)["reason"] == "reopen_needs_dispatcher"
    assert move(dispatcher, wo, "open").status_code == 200


def test_allowed_transitions_offer_only_what_the_callers_role_may_do(server, org, dispatcher,
                                                                     tech):
    viewer, _ = new_user_client(server, org, "viewer")
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    for to in ["scheduled", "in_progress", "completed"]:
        wo = move(dispatcher, wo, to).json()
    assert wo["allowed_transitions"] == ["open", "closed"]  # the dispatcher may reopen
    path = f"/api/v1/work-orders/{wo['id']}"
    # No reopen, and closing is the office's decision (issue 12).
    assert tech.get(path).json()["allowed_transitions"] == []
    assert viewer.get(path).json()["allowed_transitions"] == []  # viewers change nothing
    assert move(viewer, wo, "closed").status_code == 403
    assert error_of(move(tech, wo, "closed"))["reason"] == "office_decision"
    wo = move(dispatcher, wo, "closed").json()
    assert tech.get(path).json()["allowed_transitions"] == []  # no reopen
    assert dispatcher.get(path).json()["allowed_transitions"] == ["open"]
    listed = tech.get("/api/v1/work-orders", params={"status": "closed", "limit": 200}).json()
    assert listed["items"] and all(w["allowed_transitions"] == [] for w in listed["items"])
    r = move(tech, wo, "open")
    assert r.status_code == 403 and error_of(r)["reason"] == "reopen_needs_dispatcher"


def test_technician_sees_and_moves_only_their_work_orders(server, org, dispatcher, tech):
    other_tech, _ = new_user_client(server, org, "technician")
    mine = new_wo(dispatcher, assignee_id=tech.user_id)
    theirs = new_wo(dispatcher)
    assert tech.get(f"/api/v1/work-orders/{mine['id']}").status_code == 200
    assert tech.get(f"/api/v1/work-orders/{theirs['id']}").status_code == 404
    assert other_tech.get(f"/api/v1/work-orders/{mine['id']}").status_code == 404
    listed = tech.get("/api/v1/work-orders", params={"limit": 200}).json()["items"]
    assert listed and all(w["assignee_id"] == tech.user_id for w in listed)
    assert move(other_tech, mine, "scheduled").status_code == 404
    r = tech.patch(f"/api/v1/work-orders/{mine['id']}", json={"title": "x", "version": mine["version"]})
    assert r.status_code == 403
    assert tech.post("/api/v1/work-orders", json={"title": "x"}).status_code == 403


def test_work_order_stale_update_is_409(dispatcher):
    wo = new_wo(dispatcher)
    r = dispatcher.patch(f"/api/v1/work-orders/{wo['id']}", json={"priority": "urgent", "version": 1})
    assert r.status_code == 200 and r.json()["priority"] == "urgent"
    assert dispatcher.patch(f"/api/v1/work-orders/{wo['id']}",
                            json={"priority": "low", "version": 1}).status_code == 409
    assert move(dispatcher, wo, "scheduled").status_code == 409  # version 1 is stale too


def test_concurrent_transitions_exactly_one_wins(dispatcher):
    wo = new_wo(dispatcher)
    results = []
    def go():
        results.append(move(dispatcher, wo, "scheduled").status_code)
    threads = [threading.Thread(target=go) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert sorted(results) == [200] + [409] * 5


@pytest.mark.parametrize("body,field", [
    ({"title": ""}, "title"),
    ({"title": "x", "type": "magic"}, "type"),
    ({"title": "x", "priority": "whenever"}, "priority"),
    ({"title": "x", "scheduled_start": "tomorrow"}, "scheduled_start"),
    ({"title": "x", "scheduled_start": "2026-02-30T10:00:00Z"}, "scheduled_start"),
    ({"title": "x", "scheduled_start": "2026-11-24T10:00:00Z",
      "scheduled_end": "2026-11-24T09:00:00Z"}, "scheduled_end"),
    ({"title": "x", "estimated_hours": -1}, "estimated_hours"),
    ({"title": "x", "customer_id": 999999999}, "customer_id"),
    ({"title": "x", "assignee_id": 999999999}, "assignee_id"),
    ({"title": "x", "hacker": True}, "hacker"),
])
def test_must_003_work_order_validation_names_the_field(dispatcher, body, field):
    r = dispatcher.post("/api/v1/work-orders", json=body)
    assert r.status_code == 400, r.text
    assert field in error_of(r)["fields"]


def test_references_must_belong_to_the_callers_org(server, dispatcher):
    other = outsider(server)
    foreign = new_customer(other)
    r = dispatcher.post("/api/v1/work-orders", json={"title": "x", "customer_id": foreign["id"]})
    assert r.status_code == 400 and "customer_id" in error_of(r)["fields"]
    wo = new_wo(dispatcher)
    assert other.get(f"/api/v1/work-orders/{wo['id']}").status_code == 404
    assert move(other, wo, "scheduled").status_code == 404


def test_list_filters(server):
    o = create_org(server)
    d, _ = new_user_client(server, o, "dispatcher")
    a = new_wo(d)
    b = new_wo(d)
    move(d, b, "cancelled")
    open_ids = [w["id"] for w in d.get("/api/v1/work-orders", params={"status": "open"}).json()["items"]]
    assert a["id"] in open_ids and b["id"] not in open_ids
    assert d.get("/api/v1/work-orders", params={"status": "bogus"}).status_code == 400
    page = d.get("/api/v1/work-orders", params={"limit": 1}).json()
    nxt = d.get("/api/v1/work-orders", params={"limit": 1, "cursor": page["next_cursor"]}).json()
    assert page["items"][0]["id"] > nxt["items"][0]["id"]


def test_openapi_document_lists_every_api_route(server, dispatcher):
    doc = dispatcher.get("/api/v1/openapi.json").json()
    assert doc["openapi"].startswith("3.1")
    assert "/api/v1/work-orders/{id}" in doc["paths"]
    assert doc["paths"]["/api/v1/customers"]["post"]["x-permission"] == "customers.write"
    assert requests.get(server.url + "/api/v1/openapi.json").status_code == 401


def test_seed_demo_creates_a_company_to_click_through(server):
    slug = unique("demo")
    out = admin(server, "seed-demo", "--org", slug, "--customers", "30", "--work-orders", "120").stdout
    assert "seeded 30 customers" in out
    password = next(l.split(": ")[-1] for l in out.splitlines() if f"dispatch@{slug}" in l)
    assert "nothing seeded" in admin(server, "seed-demo", "--org", slug).stdout  # idempotent
    dispatcher = login(server, f"dispatch@{slug}.example", password.strip())
    assert dispatcher.get("/api/v1/auth/me").json()["role"] == "dispatcher"
    owner, _ = new_user_client(server, slug, "owner")
    customers = owner.get("/api/v1/customers", params={"limit": 200}).json()["items"]
    # Plus the demo's plant (test_asset_hierarchy.py checks its assets, and
    # test_pm_reports.py its maintenance history).
    plant = next(c["id"] for c in customers if c["name"] == "Riverside Bottling Co.")
    customers = [c for c in customers if c["id"] != plant]
    assert len(customers) == 30
    orders = owner.get("/api/v1/work-orders", params={"limit": 200}).json()["items"]
    orders = [w for w in orders if w["customer_id"] != plant]
    assert len(orders) == 120
    assert {w["status"] for w in orders} >= {"closed", "scheduled"}
    # A pump-out the prospect creates starts with the demo's septic checklist,
    # and a site's gate code is its own field, apart from the access notes.
    wo = new_wo(dispatcher, type="preventive", customer_id=customers[0]["id"])
    checklist = dispatcher.get(f"/api/v1/work-orders/{wo['id']}/details").json()["checklist"]
    pumped = next(i for i in checklist if i["label"] == "Gallons pumped")
    assert pumped["kind"] == "number" and pumped["unit"] == "gallons" and pumped["required"]
    site = owner.get(f"/api/v1/customers/{customers[0]['id']}/sites").json()["items"][0]
    assert site["gate_code"].isdigit() and "Gate code" not in site["access_notes"]
    # A septic company's price book, and jobs priced from it.
    book = {i["name"]: i for i in owner.get("/api/v1/price-items").json()["items"]}
    assert book["Disposal fee"]["unit"] == "gallon" and book["Trip fee"]["unit_price_cents"] == 7500
    assert {"Pump-out (up to 1,000 gal)", "Labour", "Dig-out / locate lid"} <= set(book)
    # Money a prospect believes (issue 14 item 9): recent work invoiced on net 30,
    # most paid by cash, check or card, some still owed, with the customer's name.
    invoices = owner.get("/api/v1/invoices", params={"limit": 200}).json()["items"]
    assert len(invoices) >= 5 and {i["status"] for i in invoices} >= {"paid", "open"}
    assert "draft" not in {i["status"] for i in invoices}  # nothing left half-made
    paid = owner.get(f"/api/v1/invoices/{next(i['id'] for i in invoices if i['status'] == 'paid')}")
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", paid.json()["due_on"])
    assert paid.json()["payments"] and paid.json()["balance_cents"] == 0
    owed = owner.get("/api/v1/receivables").json()
    assert owed["items"] and all(row["customer_name"] for row in owed["items"])
    assert any(row["days_overdue"] > 0 for row in owed["items"])  # some are late
    # The plant's compressor has an hour meter and a service every 2,000 hours.
    plan = owner.get("/api/v1/pm-schedules").json()["items"]
    assert {p["interval_unit"] for p in plan} >= {"meter", "months"}
    # Problem reports from the plant's QR labels wait in the inbox.
    inbox = owner.get("/api/v1/requests", params={"status": "new"}).json()["items"]
    assert len(inbox) == 2 and {r["asset_name"] for r in inbox} == {"Filler 1", "Conveyor 3"}


# --- what is recorded while working ---

def test_comments_checklist_time_and_parts(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    base = f"/api/v1/work-orders/{wo['id']}"
    assert tech.post(base + "/comments", json={"body": INJECTION}).status_code == 201
    item = dispatcher.post(base + "/checklist", json={"label": "Check baffles"}).json()
    r = tech.patch(f"{base}/checklist/{item['id']}", json={"done": True})
    assert r.status_code == 200 and r.json()["done"] is True
    assert tech.post(base + "/time", json={"minutes": 90, "note": "pumped 950 gal"}).status_code == 201
    assert tech.post(base + "/parts", json={"name": "Effluent filter", "quantity": 1}).status_code == 201
    assert dispatcher.post(base + "/parts", json={"name": "Riser lid", "quantity": 2,
                                                  "unit_cost_cents": 4599}).status_code == 201
    d = dispatcher.get(base + "/details").json()
    assert d["comments"][0]["body"] == INJECTION
    assert d["checklist"][0]["done"] is True
    assert d["time_entries"][0]["minutes"] == 90
    assert d["parts"][1]["unit_cost_cents"] == 4599
    t = tech.get(base + "/details").json()
    assert all("unit_cost_cents" not in p for p in t["parts"])  # no billing data for technicians


@pytest.mark.parametrize("path,body,field", [
    ("/comments", {"body": ""}, "body"),
    ("/checklist", {"label": "x" * 301}, "label"),
    ("/time", {"minutes": 0}, "minutes"),
    ("/time", {"minutes": "90"}, "minutes"),
    ("/time", {}, "minutes"),
    ("/parts", {"name": "x", "quantity": -1}, "quantity"),
    ("/parts", {"name": "x", "quantity": 1, "unit_cost_cents": -5}, "unit_cost_cents"),
])
def test_must_003_work_records_are_validated(dispatcher, path, body, field):
    wo = new_wo(dispatcher)
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}{path}", json=body)
    assert r.status_code == 400 and field in error_of(r)["fields"], r.text


def test_records_on_someone_elses_work_order_are_404(server, org, dispatcher, tech):
    wo = new_wo(dispatcher)  # not assigned to tech
    base = f"/api/v1/work-orders/{wo['id']}"
    assert tech.post(base + "/comments", json={"body": "hi"}).status_code == 404
    assert tech.get(base + "/details").status_code == 404
    other = outsider(server)
    assert other.post(base + "/time", json={"minutes": 5}).status_code == 404


def test_my_day_lists_todays_assigned_work(dispatcher, tech):
    now = datetime.datetime.now(datetime.timezone.utc)
    today = now.replace(hour=0, minute=0, second=0, microsecond=0)
    # Still today and not refused as past (more than 15 minutes ago) at any hour the suite runs.
    start = now + datetime.timedelta(minutes=2) if now.hour < 23 else now - datetime.timedelta(minutes=5)
    later = start.strftime("%Y-%m-%dT%H:%M:%SZ")
    tomorrow = (today + datetime.timedelta(days=1, hours=9)).strftime("%Y-%m-%dT%H:%M:%SZ")
    mine = new_wo(dispatcher, assignee_id=tech.user_id, scheduled_start=later)
    not_today = new_wo(dispatcher, assignee_id=tech.user_id, scheduled_start=tomorrow)
    ids = [w["id"] for w in tech.get("/api/v1/dispatch/my-day").json()["items"]]
    assert mine["id"] in ids and not_today["id"] not in ids



def test_dispatch_week_groups_by_technician_and_lists_unplanned(server, dispatcher, tech):
    wed = "2031-03-05"  # a Wednesday: the week starts Monday 2031-03-03
    planned = new_wo(dispatcher, assignee_id=tech.user_id, scheduled_start=wed + "T09:00:00Z")
    next_week = new_wo(dispatcher, assignee_id=tech.user_id, scheduled_start="2031-03-10T09:00:00Z")
    unplanned = new_wo(dispatcher)
    week = dispatcher.get("/api/v1/dispatch/week", params={"start": "2031-03-03"})
    assert week.status_code == 200, week.text
    body = week.json()
    assert body["days"][0] == "2031-03-03" and body["days"][6] == "2031-03-09"
    ids = [w["id"] for w in body["items"]]
    assert planned["id"] in ids and next_week["id"] not in ids
    assert [w for w in body["items"] if w["id"] == planned["id"]][0]["assignee_id"] == tech.user_id
    assert tech.user_id in [t["id"] for t in body["technicians"]]
    assert unplanned["id"] in [w["id"] for w in body["unplanned"]]
    only_tech = dispatcher.get("/api/v1/dispatch/week",
                               params={"start": "2031-03-03", "assignee_id": 999999}).json()
    assert only_tech["items"] == []
    # Another org's board does not show this org's work.
    other = outsider(server, "dispatcher")
    assert other.get("/api/v1/dispatch/week", params={"start": "2031-03-03"}).json()["items"] == []


@pytest.mark.parametrize("params", [{"start": "2031-3-3"}, {"start": "next week"},
                                    {"start": "2031-03-03T00:00:00Z"}, {"when": "x"}])
def test_must_003_dispatch_week_validates_its_query(dispatcher, params):
    r = dispatcher.get("/api/v1/dispatch/week", params=params)
    assert r.status_code == 400, r.text


def test_dispatch_week_is_for_dispatchers_not_technicians(tech):
    assert tech.get("/api/v1/dispatch/week").status_code == 403


def test_work_order_list_filters_by_priority_and_search_and_carries_names(server, dispatcher, tech):
    c = new_customer(dispatcher, name=unique("Named"))
    tag = unique("needle")
    urgent = new_wo(dispatcher, title=f"Grease trap {tag}", priority="urgent", customer_id=c["id"],
                    assignee_id=tech.user_id)
    low = new_wo(dispatcher, title="Routine", description=f"look for {tag.upper()}", priority="low")
    found = dispatcher.get("/api/v1/work-orders", params={"q": tag}).json()["items"]
    # Descriptions are sealed at rest (issue 13): the search reads titles,
    # numbers and customers' names, not descriptions.
    assert {w["id"] for w in found} == {urgent["id"]}
    assert dispatcher.get(f"/api/v1/work-orders/{low['id']}").json()["description"] == f"look for {tag.upper()}"
    only_urgent = dispatcher.get("/api/v1/work-orders", params={"q": tag, "priority": "urgent"}).json()["items"]
    assert [w["id"] for w in only_urgent] == [urgent["id"]]
    assert only_urgent[0]["customer_name"] == c["name"] and only_urgent[0]["assignee_name"]
    by_number = dispatcher.get("/api/v1/work-orders", params={"q": urgent["number"]}).json()["items"]
    assert urgent["id"] in [w["id"] for w in by_number]
    # LIKE wildcards are literal characters.
    assert dispatcher.get("/api/v1/work-orders", params={"q": "%", "priority": "urgent"}).status_code == 200
    r = dispatcher.get("/api/v1/work-orders", params={"priority": "asap"})
    assert r.status_code == 400 and "priority" in error_of(r)["fields"]
