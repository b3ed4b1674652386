"""Names instead of ids where people read them (issue 12): invoices carry the
work order's number and the customer's name, PM schedules their site's and
asset's names."""
import datetime

from fixtures.work import complete, iso, new_asset, new_customer, new_site, new_wo, utc_now


def test_invoices_name_their_work_order_and_customer(dispatcher, tech):
    c = new_customer(dispatcher, name="Cora Tank")
    tech_id = tech.get("/api/v1/auth/me").json()["user"]["id"]
    wo = new_wo(dispatcher, customer_id=c["id"], assignee_id=tech_id)
    assert tech.post(f"/api/v1/work-orders/{wo['id']}/time", json={"minutes": 30}).status_code == 201
    wo = complete(dispatcher, wo)
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice")
    assert r.status_code == 201, r.text
    inv = r.json()
    assert inv["work_order_number"] == wo["number"] and inv["work_order_number"].startswith("WO-")
    assert inv["customer_name"] == "Cora Tank"
    listed = next(i for i in dispatcher.get("/api/v1/invoices").json()["items"] if i["id"] == inv["id"])
    assert listed["work_order_number"] == wo["number"] and listed["customer_name"] == "Cora Tank"


def test_pm_schedules_name_their_site_and_asset(dispatcher):
    site = new_site(dispatcher, new_customer(dispatcher), name="North lift station")
    asset = new_asset(dispatcher, site, name="Duplex pump")
    r = dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "asset_id": asset["id"], "title": "Pump service",
        "interval_unit": "months", "interval_value": 3,
        "first_due_at": iso(utc_now() + datetime.timedelta(days=30))})
    assert r.status_code == 201, r.text
    assert r.json()["site_name"] == "North lift station" and r.json()["asset_name"] == "Duplex pump"
    listed = next(s for s in dispatcher.get("/api/v1/pm-schedules").json()["items"]
                  if s["id"] == r.json()["id"])
    assert listed["site_name"] == "North lift station"
