"""A maintenance module a plant can use (issue 14 item 7): assets under an
area (parent_id, same organization and site, no cycles), a status with its
history (running, down, retired; technicians may mark down or running, not
retire), downtime computed from the recorded changes in the organization's
zone, and labour and parts cost per local month."""
import datetime

from fixtures.database import db_exec, db_query
from fixtures.people import admin, create_org, new_user_client, outsider, unique
from fixtures.server import error_of
from fixtures.work import new_asset, new_customer, new_site, new_wo


def patch(client, asset, **body):
    return client.patch(f"/api/v1/assets/{asset['id']}", json=body)


def fresh(client, asset):
    return client.get(f"/api/v1/assets/{asset['id']}").json()


def ms(text):
    return int(datetime.datetime.fromisoformat(text.replace("Z", "+00:00")).timestamp() * 1000)


def test_parent_at_the_same_site_and_in_the_organization(server, dispatcher):
    site = new_site(dispatcher)
    area = new_asset(dispatcher, site, name="Line 2", type="area")
    press = new_asset(dispatcher, site, name="Press 4", parent_id=area["id"])
    assert press["parent_id"] == area["id"] and press["parent_name"] == "Line 2"
    assert press["status"] == "running" and press["site_name"] == "Home"
    # Another site's asset, another organization's asset: refused alike.
    elsewhere = new_asset(dispatcher, new_site(dispatcher, name="Barn"))
    r = dispatcher.post(f"/api/v1/sites/{site['id']}/assets",
                        json={"name": "x", "parent_id": elsewhere["id"]})
    assert r.status_code == 400 and "site" in error_of(r)["fields"]["parent_id"], r.text
    theirs = new_asset(outsider(server))
    for r in [dispatcher.post(f"/api/v1/sites/{site['id']}/assets",
                              json={"name": "x", "parent_id": theirs["id"]}),
              patch(dispatcher, press, parent_id=theirs["id"], version=press["version"])]:
        assert r.status_code == 400 and error_of(r)["fields"]["parent_id"] == "no such asset"
    # The list answers with names and filters by parent and status.
    rows = dispatcher.get(f"/api/v1/assets?parent_id={area['id']}").json()["items"]
    assert [(a["name"], a["parent_name"], a["status"]) for a in rows] == \
        [("Press 4", "Line 2", "running")]
    assert rows[0]["customer_name"] and rows[0]["site_name"] == "Home"
    assert rows[0]["open_work_orders"] == 0


def test_cycle_refused_and_version_checked(dispatcher):
    site = new_site(dispatcher)
    area = new_asset(dispatcher, site, name="Hall")
    line = new_asset(dispatcher, site, name="Line", parent_id=area["id"])
    press = new_asset(dispatcher, site, name="Press", parent_id=line["id"])
    for parent in [press, area]:  # under its own grandchild, under itself
        r = patch(dispatcher, area, parent_id=parent["id"],
                  version=fresh(dispatcher, area)["version"])
        assert r.status_code == 400 and "cycle" in error_of(r)["fields"]["parent_id"], r.text
    r = patch(dispatcher, press, name="Press 4", parent_id=None, version=press["version"])
    assert r.status_code == 200 and r.json()["parent_id"] is None and r.json()["name"] == "Press 4"
    r = patch(dispatcher, press, name="stale", version=press["version"])
    assert r.status_code == 409 and error_of(r)["reason"] == "version_conflict"


def test_status_changes_recorded_and_technician_limits(server, dispatcher, tech):
    pump = new_asset(dispatcher)
    r = patch(tech, pump, status="down", reason="Seal leaking", version=pump["version"])
    assert r.status_code == 200 and r.json()["status"] == "down", r.text
    pump = r.json()
    rows = dispatcher.get("/api/v1/assets?status=down&limit=200").json()["items"]
    assert dispatcher.get("/api/v1/assets?status=broken").status_code == 400
    assert pump["id"] in [a["id"] for a in rows]
    for body in [{"status": "retired"}, {"name": "renamed"}, {"parent_id": None}]:
        r = patch(tech, pump, version=pump["version"], **body)
        assert r.status_code == 403 and error_of(r)["reason"] == "technician_status_only", r.text
    pump = patch(tech, pump, status="running", version=pump["version"]).json()
    pump = patch(dispatcher, pump, status="retired", reason="Replaced", version=pump["version"]).json()
    assert pump["status"] == "retired"
    h = dispatcher.get(f"/api/v1/assets/{pump['id']}/status-changes").json()["items"]
    assert [(c["from_status"], c["to_status"], c["reason"]) for c in h] == [
        ("running", "retired", "Replaced"), ("down", "running", ""),
        ("running", "down", "Seal leaking")]
    assert all(c["changed_by_name"] for c in h)
    # Retired is the office's: a technician cannot bring it back either.
    r = patch(tech, pump, status="running", version=pump["version"])
    assert r.status_code == 403
    # Another tenant's asset does not exist for them.
    other = outsider(server)
    assert patch(other, pump, status="down", version=pump["version"]).status_code == 404
    for tail in ["", "/status-changes", "/downtime", "/cost"]:
        assert other.get(f"/api/v1/assets/{pump['id']}{tail}").status_code == 404


def dated_changes(server, client, times):
    """An asset whose status changes (down, running, ...) happened at `times`:
    made through the API, then dated where the test wants them."""
    pump = new_asset(client)
    for i in range(len(times)):
        status = "down" if i % 2 == 0 else "running"
        pump = patch(client, pump, status=status, reason=f"to {status}",
                     version=pump["version"]).json()
    ids = [int(r[0]) for r in db_query(
        server, f"SELECT id FROM asset_status_changes WHERE asset_id = {pump['id']} ORDER BY id")]
    for i, t in zip(ids, times):
        db_exec(server, f"UPDATE asset_status_changes SET changed_at = {ms(t)} WHERE id = {i}")
    return f"/api/v1/assets/{pump['id']}/downtime"


TIMES = ["2026-11-09T23:00:00Z", "2026-11-10T01:00:00Z",  # 60 min on the 10th (UTC)
         "2026-11-10T08:00:00Z", "2026-11-10T10:30:00Z"]  # 150 min


def test_downtime_minutes_from_the_recorded_changes(server, dispatcher):
    url = dated_changes(server, dispatcher, TIMES)
    d = dispatcher.get(url + "?from=2026-11-10&to=2026-11-10").json()
    assert d["time_zone"] == "UTC" and d["down_minutes"] == 210, d
    assert [(p["minutes"], p["reason"]) for p in d["periods"]] == [(60, "to down"), (150, "to down")]
    assert d["periods"][0]["start"].startswith("2026-11-10T00:00:00")
    assert dispatcher.get(url + "?from=2026-11-09&to=2026-11-09").json()["down_minutes"] == 60
    assert dispatcher.get(url + "?from=2026-11-11&to=2026-11-30").json()["down_minutes"] == 0
    assert dispatcher.get(url + "?from=2026-11-31").status_code == 400
    assert dispatcher.get(url + "?from=2026-11-10&to=2026-11-09").status_code == 400


def test_downtime_days_are_the_organizations_local_days(server):
    # In New York the 10th starts at 05:00Z: 150 minutes that day, the 9th
    # holds the whole first period (23:00Z-01:00Z, 120 minutes).
    ny = new_user_client(server, create_org(server, time_zone="America/New_York"), "dispatcher")[0]
    url = dated_changes(server, ny, TIMES)
    d = ny.get(url + "?from=2026-11-10&to=2026-11-10").json()
    assert d["time_zone"] == "America/New_York" and d["down_minutes"] == 150, d
    assert ny.get(url + "?from=2026-11-09&to=2026-11-09").json()["down_minutes"] == 120


def test_still_down_now_counts_until_now(dispatcher):
    pump = new_asset(dispatcher)
    pump = patch(dispatcher, pump, status="down", reason="Bearing", version=pump["version"]).json()
    d = dispatcher.get(f"/api/v1/assets/{pump['id']}/downtime").json()
    assert d["periods"] and d["periods"][-1]["end"] is None and d["periods"][-1]["reason"] == "Bearing"


def test_cost_per_month_sums_labour_and_parts(server, dispatcher, tech):
    c = new_customer(dispatcher)
    site = new_site(dispatcher, c)
    press = new_asset(dispatcher, site)
    wo = new_wo(dispatcher, customer_id=c["id"], site_id=site["id"], asset_id=press["id"])
    base = f"/api/v1/work-orders/{wo['id']}"
    assert dispatcher.post(base + "/time", json={"minutes": 90}).status_code == 201
    assert dispatcher.post(base + "/parts", json={"name": "Belt", "quantity": 2,
                                                  "unit_cost_cents": 4599}).status_code == 201
    older = new_wo(dispatcher, customer_id=c["id"], site_id=site["id"], asset_id=press["id"])
    assert dispatcher.post(f"/api/v1/work-orders/{older['id']}/time",
                           json={"minutes": 60}).status_code == 201
    # Created two months ago (UTC zone): it counts in that month.
    today = datetime.datetime.now(datetime.timezone.utc)
    y, m = (today.year, today.month - 2) if today.month > 2 else (today.year - 1, today.month + 10)
    then = datetime.datetime(y, m, 15, 12, tzinfo=datetime.timezone.utc)
    db_exec(server, f"UPDATE work_orders SET created_at = {int(then.timestamp() * 1000)} "
                    f"WHERE id = {older['id']}")
    r = dispatcher.get(f"/api/v1/assets/{press['id']}/cost?months=3")
    assert r.status_code == 200, r.text
    got = r.json()
    assert [mo["month"] for mo in got["months"]][0] == f"{y:04d}-{m:02d}"
    assert len(got["months"]) == 3
    now_month = got["months"][-1]
    assert (now_month["labour_cents"], now_month["parts_cents"], now_month["total_cents"]) == \
        (14250, 9198, 23448)
    assert (got["months"][0]["labour_cents"], got["months"][0]["work_orders"]) == (9500, 1)
    assert got["total_cents"] == 23448 + 9500
    # Billing amounts: not for technicians.
    assert tech.get(f"/api/v1/assets/{press['id']}/cost").status_code == 403
    assert dispatcher.get(f"/api/v1/assets/{press['id']}/cost?months=99").status_code == 400
    # Open work orders are counted on the list.
    rows = dispatcher.get(f"/api/v1/assets?site_id={site['id']}").json()["items"]
    assert rows[0]["open_work_orders"] == 2


def test_seed_demo_has_a_plant_with_a_machine_down(server):
    slug = unique("plant")
    admin(server, "seed-demo", "--org", slug, "--customers", "3", "--work-orders", "5")
    owner, _ = new_user_client(server, slug, "owner")
    rows = owner.get("/api/v1/assets", params={"limit": 200}).json()["items"]
    hall = next(a for a in rows if a["name"] == "Bottling hall")
    under = {a["name"]: a["status"] for a in rows if a["parent_id"] == hall["id"]}
    assert len(under) >= 3 and under["Conveyor 3"] == "down", rows
    assert hall["site_name"] == "Riverside plant"
    conveyor = next(a for a in rows if a["name"] == "Conveyor 3")
    since = (datetime.datetime.now(datetime.timezone.utc) - datetime.timedelta(days=2)).date()
    d = owner.get(f"/api/v1/assets/{conveyor['id']}/downtime?from={since}").json()
    assert d["periods"][-1]["end"] is None and d["down_minutes"] >= 170
