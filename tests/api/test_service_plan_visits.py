"""A visit from a service plan advances the plan (issue 14 item 8): "Schedule
visit" makes a work order for the plan's site and customer, titled from the
plan and linked to it; completing that work order records the visit on the
plan (next due = the completion's local date + the interval, as "Record
visit" does), audited, once: completing it again after a reopen does not
advance the plan twice."""
import datetime
import zoneinfo

from fixtures.database import db_query
from fixtures.people import create_org, new_user_client, outsider
from fixtures.server import error_of
from fixtures.work import complete, move, new_customer, new_site

ZONE = "Pacific/Kiritimati"  # UTC+14: its date is often not UTC's


def local_today():
    return datetime.datetime.now(zoneinfo.ZoneInfo(ZONE)).date()


def add_months(d, n):
    y, m = divmod(d.month - 1 + n, 12)
    y, m = d.year + y, m + 1
    for day in range(d.day, 27, -1):
        try:
            return datetime.date(y, m, day)
        except ValueError:
            continue
    return datetime.date(y, m, d.day)


def test_a_visit_scheduled_from_a_plan_advances_it_once_on_completion_ISSUE14_8(server):
    org = create_org(server, time_zone=ZONE)
    d, _ = new_user_client(server, org, "dispatcher")
    tech, _ = new_user_client(server, org, "technician")
    customer = new_customer(d, name="Vi Visit")
    site = new_site(d, customer, name="Barn")
    r = d.post("/api/v1/service-plans", json={
        "site_id": site["id"], "title": "Septic pump-out", "interval_months": 12,
        "next_due_on": (local_today() + datetime.timedelta(days=10)).isoformat(),
        "remind_days_before": 20})
    assert r.status_code == 201, r.text
    plan = r.json()

    r = d.post(f"/api/v1/service-plans/{plan['id']}/visits", json={})  # as the web app sends it
    assert r.status_code == 201, r.text
    wo = r.json()
    assert wo["title"] == "Septic pump-out" and wo["type"] == "preventive"
    assert wo["site_id"] == site["id"] and wo["customer_id"] == customer["id"]
    assert wo["service_plan_id"] == plan["id"]
    assert wo["service_plan_title"] == "Septic pump-out"  # the work order's page shows the plan
    shown = d.get(f"/api/v1/work-orders/{wo['id']}").json()
    assert shown["service_plan_id"] == plan["id"] and shown["service_plan_title"] == plan["title"]
    # One open visit at a time.
    r = d.post(f"/api/v1/service-plans/{plan['id']}/visits")
    assert r.status_code == 409 and error_of(r)["reason"] == "visit_already_open"

    done = complete(d, wo)
    assert done["status"] == "completed"
    after = d.get(f"/api/v1/service-plans/{plan['id']}").json()
    expected = add_months(local_today(), 12)
    assert after["next_due_on"] == expected.isoformat()
    assert after["remind_on"] == (expected - datetime.timedelta(days=20)).isoformat()
    assert after["version"] == plan["version"] + 1
    actions = [row[0] for row in db_query(
        server, "SELECT a.action FROM audit_log a JOIN orgs o ON o.id = a.org_id "
                f"WHERE o.slug = '{org}' AND a.target_type = 'service_plan' ORDER BY a.id")]
    assert actions[-2:] == ["service_plan.visit_scheduled", "service_plan.serviced"], actions

    # Reopened and completed again: the plan is not advanced twice.
    r = move(d, done, "open")
    assert r.status_code == 200, r.text
    complete(d, r.json())
    again = d.get(f"/api/v1/service-plans/{plan['id']}").json()
    assert again["next_due_on"] == after["next_due_on"] and again["version"] == after["version"]

    # A work order without a plan changes no plan.
    plain = d.post("/api/v1/work-orders", json={"title": "Other job", "site_id": site["id"],
                                                "customer_id": customer["id"]}).json()
    assert plain["service_plan_id"] is None
    complete(d, plain)
    assert d.get(f"/api/v1/service-plans/{plan['id']}").json()["version"] == after["version"]

    # The next visit can be scheduled now; another org, a technician and a
    # paused plan are refused.
    assert outsider(server).post(f"/api/v1/service-plans/{plan['id']}/visits").status_code == 404
    assert tech.post(f"/api/v1/service-plans/{plan['id']}/visits").status_code == 403
    r = d.patch(f"/api/v1/service-plans/{plan['id']}",
                json={"active": False, "version": again["version"]})
    assert r.status_code == 200, r.text
    r = d.post(f"/api/v1/service-plans/{plan['id']}/visits")
    assert r.status_code == 409 and error_of(r)["reason"] == "plan_paused"
    r = d.patch(f"/api/v1/service-plans/{plan['id']}",
                json={"active": True, "version": again["version"] + 1})
    assert r.status_code == 200, r.text
    assert d.post(f"/api/v1/service-plans/{plan['id']}/visits").status_code == 201
