"""What the technician needs at the gate (issue 12 item 2): the site's access
notes revealed to the assigned technician only, audited once per user, site
and day; views carry access_hidden instead of the text; the field facts on
the work order and My day."""
import pytest

from fixtures.clock import hooks_binary
from fixtures.people import create_org, create_user, login, new_user_client, outsider
from fixtures.server import error_of
from fixtures.work import iso, new_customer, new_site, new_wo, utc_now

import datetime

GATE = "Gate 4412. Dog: friendly lab. Lid behind the shed."


def reveal(client, site):
    return client.post(f"/api/v1/sites/{site['id']}/access/reveal")


def scheduled_job(dispatcher, tech_id, site, customer, **fields):
    start = utc_now() + datetime.timedelta(hours=1)
    return new_wo(dispatcher, customer_id=customer["id"], site_id=site["id"],
                  assignee_id=tech_id, scheduled_start=iso(start), **fields)


def reveals_audited(owner, site):
    items = owner.get("/api/v1/audit", params={"action": "site.access_revealed"}).json()["items"]
    return [e for e in items if e["target_id"] == str(site["id"])]


def me(client):
    return client.get("/api/v1/auth/me").json()["user"]["id"]


def test_assigned_technician_reveals_access_notes_once_audited(server, owner, dispatcher, tech):
    c = new_customer(dispatcher, phone="(201) 555-0181")
    site = new_site(dispatcher, c, address="12 Route 9, Wantage NJ", access_notes=GATE)
    wo = scheduled_job(dispatcher, me(tech), site, c)
    # The technician's views say the notes exist, without the text.
    seen = tech.get(f"/api/v1/work-orders/{wo['id']}").json()
    assert seen["access_hidden"] is True and "access_notes" not in seen
    assert seen["site_address"] == "12 Route 9, Wantage NJ" and seen["customer_phone"] == "+12015550181"
    sites = tech.get(f"/api/v1/customers/{c['id']}/sites").json()["items"]
    assert sites[0]["access_hidden"] is True and "access_notes" not in sites[0]
    day = tech.get("/api/v1/dispatch/my-day").json()["items"]
    mine = [i for i in day if i["id"] == wo["id"]]
    if mine:  # today in UTC: not when the hour ahead is tomorrow
        assert mine[0]["access_hidden"] is True and "access_notes" not in mine[0]
        assert mine[0]["site_id"] == site["id"] and mine[0]["customer_phone"] == "+12015550181"
    # One tap reveals them; a second tap the same day is not audited again.
    r = reveal(tech, site)
    assert r.status_code == 200, r.text
    assert r.json() == {"site_id": site["id"], "access_notes": GATE, "gate_code": ""}
    assert reveal(tech, site).status_code == 200
    assert len(reveals_audited(owner, site)) == 1
    # The office sees the notes as before, in the site and the work order.
    assert dispatcher.get(f"/api/v1/work-orders/{wo['id']}").json()["access_notes"] == GATE
    office_sites = dispatcher.get(f"/api/v1/customers/{c['id']}/sites").json()["items"]
    assert office_sites[0]["access_notes"] == GATE and office_sites[0]["access_hidden"] is False
    # Names, not ids: who moved the work order.
    history = tech.get(f"/api/v1/work-orders/{wo['id']}/history").json()["items"]
    assert history[0]["actor_name"]


def test_other_technician_and_viewer_are_refused(server, org, dispatcher, tech, viewer):
    c = new_customer(dispatcher)
    site = new_site(dispatcher, c, access_notes=GATE)
    scheduled_job(dispatcher, me(tech), site, c)
    other_tech, _ = new_user_client(server, org, "technician")
    r = reveal(other_tech, site)
    assert r.status_code == 403 and error_of(r)["reason"] == "not_assigned"
    assert GATE not in r.text
    assert reveal(viewer, site).status_code == 403
    # Another organization's site is not found; an unknown one neither.
    assert reveal(outsider(server), site).status_code == 404
    assert reveal(dispatcher, {"id": 987654321}).status_code == 404


def test_finished_work_does_not_open_the_gate(server, org, dispatcher):
    tech2, _ = new_user_client(server, org, "technician")
    c = new_customer(dispatcher)
    site = new_site(dispatcher, c, access_notes=GATE)
    wo = new_wo(dispatcher, customer_id=c["id"], site_id=site["id"], assignee_id=me(tech2))
    assert reveal(tech2, site).status_code == 200  # open work counts
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/transition",
                        json={"to": "cancelled", "version": wo["version"]})
    assert r.status_code == 200, r.text
    assert reveal(tech2, site).status_code == 403


@pytest.mark.skipif(hooks_binary() is None, reason="needs the test-hooks binary to move time")
def test_reveal_is_audited_again_the_next_day(make_clock_server):
    s = make_clock_server()
    org_ = create_org(s)
    owner_email = create_user(s, org_, "owner")
    tech_email = create_user(s, org_, "technician")
    owner, tech = login(s, owner_email), login(s, tech_email)
    c = new_customer(owner)
    site = new_site(owner, c, access_notes=GATE)
    new_wo(owner, customer_id=c["id"], site_id=site["id"], assignee_id=me(tech))
    assert reveal(tech, site).status_code == 200
    assert reveal(tech, site).status_code == 200
    assert len(reveals_audited(owner, site)) == 1
    s.clock.advance(86_400)
    owner, tech = login(s, owner_email), login(s, tech_email)
    assert reveal(tech, site).status_code == 200
    assert len(reveals_audited(owner, site)) == 2


def test_work_order_says_whether_a_text_would_reach_the_customer(dispatcher, tech):
    c = new_customer(dispatcher, phone="(201) 555-0199")
    site = new_site(dispatcher, c)
    wo = scheduled_job(dispatcher, me(tech), site, c)
    v = tech.get(f"/api/v1/work-orders/{wo['id']}").json()
    assert v["customer_textable"] is True and v.get("customer_text_blocker") is None
    quiet = scheduled_job(dispatcher, me(tech), site, c, notify_customer=False)
    v = tech.get(f"/api/v1/work-orders/{quiet['id']}").json()
    assert v["customer_textable"] is False and v["customer_text_blocker"] == "not_notified"
    no_phone = new_customer(dispatcher, phone=None)
    wo2 = new_wo(dispatcher, customer_id=no_phone["id"])
    v = dispatcher.get(f"/api/v1/work-orders/{wo2['id']}").json()
    assert v["customer_text_blocker"] == "no_phone"
    opted = new_customer(dispatcher, phone="(201) 555-0177", sms_opt_out=True)
    wo3 = new_wo(dispatcher, customer_id=opted["id"])
    v = dispatcher.get(f"/api/v1/work-orders/{wo3['id']}").json()
    assert v["customer_text_blocker"] == "customer_opted_out"
