"""Work management (issue 4, first part): customers, sites, work orders."""
import threading

import pytest
import requests

from conftest import error_of
from identity import create_org, login, new_user_client, unique

INJECTION = "Robert'); DROP TABLE customers; -- <script>alert(1)</script>"


@pytest.fixture(scope="module")
def org(server):
    return create_org(server)


@pytest.fixture(scope="module")
def dispatcher(server, org):
    c, _ = new_user_client(server, org, "dispatcher")
    return c


@pytest.fixture(scope="module")
def tech(server, org):
    c, _ = new_user_client(server, org, "technician")
    c.user_id = c.get("/api/v1/auth/me").json()["user"]["id"]
    return c


def new_customer(client, **fields):
    body = {"name": unique("Cust"), "phone": "(555) 201-0100"}
    body.update(fields)
    r = client.post("/api/v1/customers", json=body)
    assert r.status_code == 201, r.text
    return r.json()


# --- customers ---

def test_customer_create_normalizes_phone_and_email(dispatcher):
    c = new_customer(dispatcher, email="Jane@Example.COM", phone="555.201.0199")
    assert c["phone"] == "+15552010199"
    assert c["email"] == "jane@example.com"
    assert c["version"] == 1 and c["sms_opt_out"] is False
    assert dispatcher.get(f"/api/v1/customers/{c['id']}").json()["name"] == c["name"]


@pytest.mark.parametrize("body,field", [
    ({"name": ""}, "name"),
    ({"name": "   "}, "name"),
    ({"name": "x" * 201}, "name"),
    ({"name": "A", "phone": "call me"}, "phone"),
    ({"name": "A", "phone": "555-0100"}, "phone"),
    ({"name": "A", "email": "not-an-email"}, "email"),
    ({"name": "A", "sms_opt_out": "yes"}, "sms_opt_out"),
    ({"name": "A", "ssn": "123"}, "ssn"),
    ({"name": 42}, "name"),
])
def test_must_003_customer_validation_names_the_field(dispatcher, body, field):
    r = dispatcher.post("/api/v1/customers", json=body)
    assert r.status_code == 400, r.text
    assert field in error_of(r)["fields"]


def test_injection_payloads_are_stored_and_returned_verbatim(dispatcher):
    c = new_customer(dispatcher, name=INJECTION, notes=INJECTION)
    got = dispatcher.get(f"/api/v1/customers/{c['id']}").json()
    assert got["name"] == INJECTION and got["notes"] == INJECTION
    found = dispatcher.get("/api/v1/customers", params={"q": "DROP TABLE"}).json()["items"]
    assert any(x["id"] == c["id"] for x in found)
    # Wildcards in the search are literal characters, not LIKE patterns.
    assert dispatcher.get("/api/v1/customers", params={"q": "%"}).json()["items"] == [] or all(
        "%" in x["name"] or "%" in (x["email"] or "") for x in
        dispatcher.get("/api/v1/customers", params={"q": "%"}).json()["items"])
    assert dispatcher.get("/api/v1/customers").status_code == 200  # the table survived


def test_search_by_name_phone_and_email(server):
    o = create_org(server)
    d, _ = new_user_client(server, o, "dispatcher")
    a = new_customer(d, name="Alvarez Farms", phone="+1 555 301 7777", email="ops@alvarez.example")
    new_customer(d, name="Brook Dairy", phone="555-301-8888")
    names = lambda q: [x["name"] for x in d.get("/api/v1/customers", params={"q": q}).json()["items"]]
    assert names("alvarez") == ["Alvarez Farms"]
    assert names("3017777") == ["Alvarez Farms"]
    assert names("ops@alv") == ["Alvarez Farms"]
    assert a["id"]


def test_keyset_pagination_is_stable_while_rows_are_inserted(server):
    o = create_org(server)
    d, _ = new_user_client(server, o, "dispatcher")
    for i in range(12):
        new_customer(d, name=f"Cust {i:02d}")
    seen, cursor = [], None
    while True:
        params = {"limit": 5}
        if cursor:
            params["cursor"] = cursor
        page = d.get("/api/v1/customers", params=params).json()
        seen += [x["name"] for x in page["items"]]
        # Inserted while paging: before the cursor (never seen) and after (seen once).
        new_customer(d, name=f"Aaa inserted {len(seen)}")
        cursor = page["next_cursor"]
        if not cursor:
            break
    originals = [n for n in seen if n.startswith("Cust ")]
    assert originals == [f"Cust {i:02d}" for i in range(12)]
    assert len(seen) == len(set(seen))  # nothing twice
    newest = d.get("/api/v1/customers", params={"sort": "newest", "limit": 3}).json()
    assert newest["items"][0]["name"].startswith("Aaa inserted")
    assert d.get("/api/v1/customers", params={"cursor": "garbage"}).status_code == 400


def test_soft_delete_hides_and_restore_returns(dispatcher):
    c = new_customer(dispatcher)
    assert dispatcher.request("DELETE", f"/api/v1/customers/{c['id']}").status_code == 204
    assert dispatcher.get(f"/api/v1/customers/{c['id']}").json()["deleted"] is True
    listed = dispatcher.get("/api/v1/customers", params={"q": c["name"]}).json()["items"]
    assert listed == []
    deleted = dispatcher.get("/api/v1/customers", params={"q": c["name"], "deleted": "true"}).json()
    assert [x["id"] for x in deleted["items"]] == [c["id"]]
    r = dispatcher.post(f"/api/v1/customers/{c['id']}/restore")
    assert r.status_code == 200 and r.json()["deleted"] is False
    assert dispatcher.get("/api/v1/customers", params={"q": c["name"]}).json()["items"]


def test_stale_update_is_409(dispatcher):
    c = new_customer(dispatcher)
    ok = dispatcher.patch(f"/api/v1/customers/{c['id']}", json={"notes": "gate code 1234", "version": 1})
    assert ok.status_code == 200 and ok.json()["version"] == 2
    stale = dispatcher.patch(f"/api/v1/customers/{c['id']}", json={"notes": "x", "version": 1})
    assert stale.status_code == 409 and error_of(stale)["reason"] == "version_conflict"
    missing = dispatcher.patch(f"/api/v1/customers/{c['id']}", json={"notes": "x"})
    assert missing.status_code == 400 and "version" in error_of(missing)["fields"]


def test_technician_cannot_delete_customers(dispatcher, tech):
    c = new_customer(dispatcher)
    assert tech.request("DELETE", f"/api/v1/customers/{c['id']}").status_code == 403
    assert tech.get(f"/api/v1/customers/{c['id']}").status_code == 200


def test_another_orgs_customer_is_404(server, dispatcher):
    c = new_customer(dispatcher)
    other, _ = new_user_client(server, create_org(server), "owner")
    for method, path, body in [("GET", "", None), ("PATCH", "", {"version": 1, "name": "x"}),
                               ("DELETE", "", None), ("POST", "/restore", None),
                               ("GET", "/sites", None),
                               ("POST", "/sites", {"name": "x", "address": "y"})]:
        r = other.request(method, f"/api/v1/customers/{c['id']}{path}", json=body)
        assert r.status_code == 404, (method, path, r.text)
    assert all(x["id"] != c["id"] for x in other.get("/api/v1/customers").json()["items"])


def test_site_access_notes_only_for_dispatchers_and_above(dispatcher, tech):
    c = new_customer(dispatcher)
    r = dispatcher.post(f"/api/v1/customers/{c['id']}/sites",
                        json={"name": "Farm", "address": "1 Rural Rd", "access_notes": "gate 4321"})
    assert r.status_code == 201 and r.json()["access_notes"] == "gate 4321"
    assert dispatcher.get(f"/api/v1/customers/{c['id']}/sites").json()["items"][0]["access_notes"]
    tech_view = tech.get(f"/api/v1/customers/{c['id']}/sites").json()["items"][0]
    assert "access_notes" not in tech_view


# --- work orders ---

def new_wo(client, **fields):
    body = {"title": "Pump 1,000-gal tank", "type": "preventive", "priority": "high"}
    body.update(fields)
    r = client.post("/api/v1/work-orders", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def move(client, wo, to):
    return client.post(f"/api/v1/work-orders/{wo['id']}/transition",
                       json={"to": to, "version": wo["version"]})


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
    assert tech.get(path).json()["allowed_transitions"] == ["closed"]  # no reopen
    assert viewer.get(path).json()["allowed_transitions"] == []  # viewers change nothing
    assert move(viewer, wo, "closed").status_code == 403
    wo = move(tech, wo, "closed").json()
    assert wo["allowed_transitions"] == []  # the technician's own answer: no reopen
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
    other, _ = new_user_client(server, create_org(server), "owner")
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
    from identity import admin
    slug = unique("demo")
    out = admin(server, "seed-demo", "--org", slug, "--customers", "30", "--work-orders", "120").stdout
    assert "seeded 30 customers" in out
    password = next(l.split(": ")[-1] for l in out.splitlines() if f"dispatch@{slug}" in l)
    assert "nothing seeded" in admin(server, "seed-demo", "--org", slug).stdout  # idempotent
    dispatcher = login(server, f"dispatch@{slug}.example", password.strip())
    assert dispatcher.get("/api/v1/auth/me").json()["role"] == "dispatcher"
    owner, _ = new_user_client(server, slug, "owner")
    customers = owner.get("/api/v1/customers", params={"limit": 200}).json()["items"]
    assert len(customers) == 30
    orders = owner.get("/api/v1/work-orders", params={"limit": 200}).json()["items"]
    assert len(orders) == 120
    assert {w["status"] for w in orders} >= {"closed", "scheduled"}


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
    other, _ = new_user_client(server, create_org(server), "owner")
    assert other.post(base + "/time", json={"minutes": 5}).status_code == 404


def test_my_day_lists_todays_assigned_work(dispatcher, tech):
    import datetime
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
    other, _ = new_user_client(server, create_org(server), "dispatcher")
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
    assert {w["id"] for w in found} == {urgent["id"], low["id"]}
    only_urgent = dispatcher.get("/api/v1/work-orders", params={"q": tag, "priority": "urgent"}).json()["items"]
    assert [w["id"] for w in only_urgent] == [urgent["id"]]
    assert only_urgent[0]["customer_name"] == c["name"] and only_urgent[0]["assignee_name"]
    by_number = dispatcher.get("/api/v1/work-orders", params={"q": urgent["number"]}).json()["items"]
    assert urgent["id"] in [w["id"] for w in by_number]
    # LIKE wildcards are literal characters.
    assert dispatcher.get("/api/v1/work-orders", params={"q": "%", "priority": "urgent"}).status_code == 200
    r = dispatcher.get("/api/v1/work-orders", params={"priority": "asap"})
    assert r.status_code == 400 and "priority" in error_of(r)["fields"]

# --- assets and meters ---

def test_assets_list_across_the_org_with_site_and_customer(server, dispatcher, tech):
    c = new_customer(dispatcher, name=unique("Tankowner"))
    site = dispatcher.post(f"/api/v1/customers/{c['id']}/sites",
                           json={"name": "Farm", "address": "1 Silo Rd"}).json()
    serial = unique("SN")
    asset = dispatcher.post(f"/api/v1/sites/{site['id']}/assets",
                            json={"name": "Lift pump", "type": "pump", "serial": serial}).json()
    found = dispatcher.get("/api/v1/assets", params={"q": serial.lower()}).json()["items"]
    assert [a["id"] for a in found] == [asset["id"]]
    assert found[0]["customer_name"] == c["name"] and found[0]["site_address"] == "1 Silo Rd"
    by_customer = dispatcher.get("/api/v1/assets", params={"customer_id": c["id"]}).json()["items"]
    assert [a["id"] for a in by_customer] == [asset["id"]]
    assert tech.get("/api/v1/assets", params={"q": c["name"]}).json()["items"][0]["id"] == asset["id"]
    other, _ = new_user_client(server, create_org(server), "owner")
    assert other.get("/api/v1/assets", params={"q": serial}).json()["items"] == []
    assert dispatcher.get("/api/v1/assets", params={"sort": "x"}).status_code == 400
    first = dispatcher.get("/api/v1/assets", params={"limit": 1}).json()
    if first["next_cursor"] is not None:
        second = dispatcher.get("/api/v1/assets", params={"limit": 1, "cursor": first["next_cursor"]}).json()
        assert second["items"][0]["id"] > first["items"][0]["id"]


def test_assets_and_meter_readings(dispatcher, tech):
    c = new_customer(dispatcher)
    site = dispatcher.post(f"/api/v1/customers/{c['id']}/sites",
                           json={"name": "Home", "address": "9 Quarry Rd"}).json()
    r = dispatcher.post(f"/api/v1/sites/{site['id']}/assets",
                        json={"name": "1,000-gal septic tank", "type": "septic_tank",
                              "make": "Norwesco", "install_date": "2014-05-02"})
    assert r.status_code == 201, r.text
    asset = r.json()
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
    c = new_customer(dispatcher)
    site = dispatcher.post(f"/api/v1/customers/{c['id']}/sites",
                           json={"name": "Home", "address": "1 Rd"}).json()
    r = dispatcher.post(f"/api/v1/sites/{site['id']}/assets", json=body)
    assert r.status_code == 400 and field in error_of(r)["fields"]


def test_another_orgs_asset_is_404(server, dispatcher):
    c = new_customer(dispatcher)
    site = dispatcher.post(f"/api/v1/customers/{c['id']}/sites",
                           json={"name": "Home", "address": "1 Rd"}).json()
    asset = dispatcher.post(f"/api/v1/sites/{site['id']}/assets", json={"name": "Pump"}).json()
    other, _ = new_user_client(server, create_org(server), "owner")
    assert other.get(f"/api/v1/assets/{asset['id']}").status_code == 404
    assert other.post(f"/api/v1/assets/{asset['id']}/readings",
                      json={"kind": "hours", "value": 1}).status_code == 404
    assert other.post(f"/api/v1/sites/{site['id']}/assets", json={"name": "x"}).status_code == 404


# --- invoices and metrics ---

def completed_wo_with_work(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    base = f"/api/v1/work-orders/{wo['id']}"
    tech.post(base + "/time", json={"minutes": 90})
    dispatcher.post(base + "/parts", json={"name": "Riser lid", "quantity": 2, "unit_cost_cents": 4599})
    for to in ["scheduled", "in_progress", "completed"]:
        wo = move(dispatcher, wo, to).json()
    return wo


def test_invoice_from_a_completed_work_order(dispatcher, tech):
    open_wo = new_wo(dispatcher)
    r = dispatcher.post(f"/api/v1/work-orders/{open_wo['id']}/invoice")
    assert r.status_code == 409 and error_of(r)["reason"] == "work_order_not_completed"
    wo = completed_wo_with_work(dispatcher, tech)
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice")
    assert r.status_code == 201, r.text
    inv = r.json()
    assert inv["status"] == "draft" and inv["number"].startswith("INV-")
    # 1.5 h at the default $95.00/h = 14250 cents, plus 2 x 4599.
    assert [l["amount_cents"] for l in inv["lines"]] == [14250, 9198]
    assert inv["total_cents"] == 23448
    assert dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice").status_code == 409
    step = lambda to, v: dispatcher.post(f"/api/v1/invoices/{inv['id']}/status", json={"to": to, "version": v})
    assert step("paid", 1).status_code == 409  # draft cannot be paid
    assert step("open", 1).status_code == 200
    paid = step("paid", 2)
    assert paid.status_code == 200 and paid.json()["paid_at"]
    assert step("refunded", 3).json()["status"] == "refunded"
    assert tech.get(f"/api/v1/invoices/{inv['id']}").status_code == 403  # no billing for technicians
    assert tech.get("/api/v1/invoices").status_code == 403


def test_business_metrics_for_owners_only(server, org, dispatcher, tech):
    owner, _ = new_user_client(server, org, "owner")
    completed_wo_with_work(dispatcher, tech)
    new_wo(dispatcher, priority="urgent", due_at="2020-01-01T00:00:00Z")
    m = owner.get("/api/v1/metrics/business").json()
    assert m["overdue"] >= 1
    assert m["open_by_priority"].get("urgent", 0) >= 1
    assert len(m["completed_per_week"]) == 12 and m["completed_per_week"][-1]["completed"] >= 1
    assert m["mean_hours_to_complete"] is not None
    assert dispatcher.get("/api/v1/metrics/business").status_code == 403
    assert tech.get("/api/v1/metrics/business").status_code == 403


# --- preventive maintenance ---

def pm_setup(dispatcher):
    c = new_customer(dispatcher)
    site = dispatcher.post(f"/api/v1/customers/{c['id']}/sites",
                           json={"name": "Home", "address": "4 Mill Creek Ln"}).json()
    asset = dispatcher.post(f"/api/v1/sites/{site['id']}/assets", json={"name": "Tank"}).json()
    return c, site, asset


def pm_work_orders(client, title):
    items = client.get("/api/v1/work-orders", params={"limit": 200}).json()["items"]
    return [w for w in items if w["title"] == title]


def test_pm_calendar_schedule_generates_once_even_when_run_repeatedly(server, dispatcher):
    import datetime
    from identity import admin
    c, site, asset = pm_setup(dispatcher)
    title = unique("Pump tank (PM)")
    due = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=3)).strftime("%Y-%m-%dT%H:%M:%SZ")
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
    import datetime
    from identity import admin
    c, site, asset = pm_setup(dispatcher)
    title = unique("Inspect pump (PM)")
    due = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
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
    other, _ = new_user_client(server, create_org(server), "owner")
    assert other.patch(f"/api/v1/pm-schedules/{sched['id']}", json={"active": False}).status_code == 404


def test_pm_meter_schedule_fires_when_the_reading_reaches_it(server, dispatcher):
    from identity import admin
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
    import datetime
    import subprocess
    from conftest import BIN
    _, site, asset = pm_setup(dispatcher)
    title = unique("Race PM")
    due = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(days=1)).strftime("%Y-%m-%dT%H:%M:%SZ")
    dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "title": title, "interval_unit": "weeks", "interval_value": 4,
        "first_due_at": due})
    procs = [subprocess.Popen([BIN, "admin", "pm-run"], env=server.env, stdout=subprocess.DEVNULL,
                              stderr=subprocess.DEVNULL) for _ in range(4)]
    for p in procs:
        assert p.wait(60) == 0
    assert len(pm_work_orders(dispatcher, title)) == 1
