"""Work orders that belong to an asset and can be edited (issue 12 item 3):
asset_id on create and PATCH (same organization, same site), the asset's
work history with labour and parts cost as invoices compute them, edits
under the version check, and what technicians may not decide."""
from fixtures.people import outsider
from fixtures.server import error_of
from fixtures.work import move, new_asset, new_customer, new_site, new_wo


def me(client):
    return client.get("/api/v1/auth/me").json()["user"]["id"]


def test_asset_on_create_must_stand_at_the_work_orders_site(server, dispatcher):
    c = new_customer(dispatcher)
    site, other_site = new_site(dispatcher, c), new_site(dispatcher, c, name="Barn")
    tank = new_asset(dispatcher, site, name="1,000-gal tank")
    wo = new_wo(dispatcher, customer_id=c["id"], site_id=site["id"], asset_id=tank["id"])
    assert wo["asset_id"] == tank["id"]
    got = dispatcher.get(f"/api/v1/work-orders/{wo['id']}").json()
    assert got["asset_name"] == "1,000-gal tank" and got["site_name"] == "Home"
    r = dispatcher.post("/api/v1/work-orders", json={"title": "x", "site_id": other_site["id"],
                                                     "asset_id": tank["id"]})
    assert r.status_code == 400 and "site" in error_of(r)["fields"]["asset_id"], r.text
    r = dispatcher.post("/api/v1/work-orders", json={"title": "x", "asset_id": tank["id"]})
    assert r.status_code == 400 and "asset_id" in error_of(r)["fields"]
    # Another organization's asset does not exist here.
    theirs = new_asset(outsider(server))
    r = dispatcher.post("/api/v1/work-orders", json={"title": "x", "site_id": site["id"],
                                                     "asset_id": theirs["id"]})
    assert r.status_code == 400 and error_of(r)["fields"]["asset_id"] == "does not exist"


def test_patch_sets_and_clears_the_asset_with_the_version_check(dispatcher):
    c = new_customer(dispatcher)
    site, barn = new_site(dispatcher, c), new_site(dispatcher, c, name="Barn")
    tank, pump = new_asset(dispatcher, site), new_asset(dispatcher, barn)
    wo = new_wo(dispatcher, customer_id=c["id"], site_id=site["id"])
    url = f"/api/v1/work-orders/{wo['id']}"
    r = dispatcher.patch(url, json={"asset_id": tank["id"], "title": "Pump out",
                                    "version": wo["version"]})
    assert r.status_code == 200 and r.json()["asset_id"] == tank["id"], r.text
    wo = r.json()
    # Moving to another site while the asset stays is refused; with it, fine.
    r = dispatcher.patch(url, json={"site_id": barn["id"], "version": wo["version"]})
    assert r.status_code == 400 and "asset_id" in error_of(r)["fields"]
    r = dispatcher.patch(url, json={"site_id": barn["id"], "asset_id": pump["id"],
                                    "version": wo["version"]})
    assert r.status_code == 200 and r.json()["asset_id"] == pump["id"], r.text
    wo = r.json()
    r = dispatcher.patch(url, json={"asset_id": None, "version": wo["version"]})
    assert r.status_code == 200 and r.json()["asset_id"] is None
    # A stale version is a conflict, not an overwrite.
    r = dispatcher.patch(url, json={"title": "stale", "version": wo["version"]})
    assert r.status_code == 409 and error_of(r)["reason"] == "version_conflict"


def test_technician_cannot_cancel_or_close(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=me(tech))
    seen = tech.get(f"/api/v1/work-orders/{wo['id']}").json()
    assert "cancelled" not in seen["allowed_transitions"]
    assert "cancelled" in dispatcher.get(f"/api/v1/work-orders/{wo['id']}").json()["allowed_transitions"]
    r = move(tech, seen, "cancelled")
    assert r.status_code == 403 and error_of(r)["reason"] == "office_decision"
    for to in ["scheduled", "in_progress", "completed"]:
        r = move(tech, seen, to)
        assert r.status_code == 200, r.text
        seen = r.json()
        assert "cancelled" not in seen["allowed_transitions"]
        assert "closed" not in seen["allowed_transitions"]
    r = move(tech, seen, "closed")
    assert r.status_code == 403 and error_of(r)["reason"] == "office_decision"
    assert move(dispatcher, seen, "closed").status_code == 200


def test_asset_work_history_with_costs(server, dispatcher, tech):
    c = new_customer(dispatcher)
    site = new_site(dispatcher, c)
    tank = new_asset(dispatcher, site)
    first = new_wo(dispatcher, customer_id=c["id"], site_id=site["id"], asset_id=tank["id"],
                   assignee_id=me(tech))
    second = new_wo(dispatcher, customer_id=c["id"], site_id=site["id"], asset_id=tank["id"])
    new_wo(dispatcher, customer_id=c["id"], site_id=site["id"])  # not the tank's
    base = f"/api/v1/work-orders/{first['id']}"
    assert tech.post(base + "/time", json={"minutes": 90}).status_code == 201
    assert dispatcher.post(base + "/parts", json={"name": "Riser lid", "quantity": 2,
                                                  "unit_cost_cents": 4599}).status_code == 201
    h = dispatcher.get(f"/api/v1/assets/{tank['id']}/work-orders").json()
    assert [w["id"] for w in h["items"]] == [second["id"], first["id"]]
    # As the invoice bills it: 1.5 h at the default $95.00/h, plus 2 x 45.99.
    w = h["items"][1]
    assert (w["labour_minutes"], w["labour_cents"], w["parts_cents"], w["total_cents"]) == \
        (90, 14250, 9198, 23448)
    assert w["number"] == first["number"] and w["status"] == "open"
    assert (h["labour_cents"], h["parts_cents"], h["total_cents"]) == (14250, 9198, 23448)
    assert h["items"][0]["total_cents"] == 0
    # Technicians see their own work on the asset, without costs.
    t = tech.get(f"/api/v1/assets/{tank['id']}/work-orders").json()
    assert [w["id"] for w in t["items"]] == [first["id"]]
    assert "labour_cents" not in t["items"][0] and "total_cents" not in t
    assert outsider(server).get(f"/api/v1/assets/{tank['id']}/work-orders").status_code == 404
