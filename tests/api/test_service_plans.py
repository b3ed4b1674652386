"""Recurring customer service (issue 14 item 8): a plan per site reminds its
customer before it is due, with a link to ask for a visit; the office sees
what is due soon. The reminders are marketing: only a customer whose latest
marketing consent for texts is "granted" gets one, a number that texted
STOP gets none, and each due date is reminded once."""
import datetime
import time

import pytest
import requests

from fixtures.people import create_org, new_user_client, outsider
from fixtures.peers import RecordingPeer, wait_for
from fixtures.providers import Shop, inbound_sms, provider_env
from fixtures.server import error_of
from fixtures.work import new_customer, new_site


def today():
    return datetime.datetime.now(datetime.timezone.utc).date()


def plan(client, site, due, **fields):
    r = client.post("/api/v1/service-plans", json={
        "site_id": site["id"], "title": "Septic pump-out", "interval_months": 36,
        "next_due_on": due.isoformat(), **fields})
    assert r.status_code == 201, r.text
    return r.json()


def consent(client, customer, granted, channel="sms", source="signed service agreement"):
    r = client.post(f"/api/v1/customers/{customer['id']}/marketing-consent",
                    json={"channel": channel, "granted": granted, "source": source})
    assert r.status_code == 200, r.text
    return r.json()


@pytest.fixture(scope="module")
def office(server):
    org = create_org(server)  # UTC: the org's dates are today()'s
    return {role: new_user_client(server, org, role)[0] for role in ("dispatcher", "technician")}


def test_plans_are_listed_soonest_first_with_names_and_the_due_soon_filter(office, server):
    d = office["dispatcher"]
    customer = new_customer(d, name="Hank Septic")
    site = new_site(d, customer, name="Farmhouse", address="9 Mill Road")
    soon = plan(d, site, today() + datetime.timedelta(days=20), remind_days_before=30)
    later = plan(d, site, today() + datetime.timedelta(days=400))
    assert soon["customer_name"] == "Hank Septic" and soon["site_name"] == "Farmhouse"
    assert soon["site_address"] == "9 Mill Road"
    assert soon["days_until_due"] == 20 and soon["remind_days_before"] == 30
    assert soon["remind_on"] == (today() - datetime.timedelta(days=10)).isoformat()
    assert later["remind_days_before"] == 30  # the default
    assert soon["marketing_sms"] is False and soon["reminded_for"] is None

    due = d.get("/api/v1/service-plans", params={"due_within_days": 60}).json()["items"]
    ids = [p["id"] for p in due]
    assert soon["id"] in ids and later["id"] not in ids
    everything = d.get("/api/v1/service-plans", params={"customer_id": customer["id"]}).json()
    assert [p["id"] for p in everything["items"]] == [soon["id"], later["id"]]

    # Paused plans leave the due-soon list; a stale version is refused.
    r = d.patch(f"/api/v1/service-plans/{soon['id']}", json={"active": False, "version": 99})
    assert r.status_code == 409 and error_of(r)["reason"] == "version_conflict"
    r = d.patch(f"/api/v1/service-plans/{soon['id']}",
                json={"active": False, "version": soon["version"]})
    assert r.status_code == 200 and r.json()["active"] is False
    due = d.get("/api/v1/service-plans", params={"due_within_days": 60}).json()["items"]
    assert soon["id"] not in [p["id"] for p in due]


def test_recording_the_visit_moves_the_due_date_by_whole_months(office):
    d = office["dispatcher"]
    site = new_site(d, new_customer(d, name="Ivy Tank"))
    p = plan(d, site, today(), interval_months=1)
    r = d.post(f"/api/v1/service-plans/{p['id']}/serviced",
               json={"on": "2027-01-31", "version": p["version"]})
    assert r.status_code == 200, r.text
    p = r.json()
    assert p["next_due_on"] == "2027-02-28"  # the month's end, not March 3
    assert p["remind_on"] == "2027-01-29"
    r = d.patch(f"/api/v1/service-plans/{p['id']}",
                json={"interval_months": 36, "next_due_on": "2028-02-29", "version": p["version"]})
    assert r.status_code == 200 and r.json()["next_due_on"] == "2028-02-29"
    p = r.json()
    r = d.post(f"/api/v1/service-plans/{p['id']}/serviced",
               json={"on": "2028-02-29", "version": p["version"]})
    assert r.json()["next_due_on"] == "2031-02-28"


def test_bad_input_other_orgs_and_technicians_are_refused(office, server):
    d, tech = office["dispatcher"], office["technician"]
    site = new_site(d, new_customer(d, name="Jo Field"))
    for body, reason in [({"site_id": site["id"], "title": "x", "interval_months": 0,
                           "next_due_on": "2027-01-01"}, "invalid_fields"),
                         ({"site_id": site["id"], "title": "x", "interval_months": 12,
                           "next_due_on": "2027-02-30"}, "invalid_fields"),
                         ({"site_id": site["id"], "title": "x", "interval_months": 12,
                           "next_due_on": "2027-01-01", "colour": "red"}, None)]:
        r = d.post("/api/v1/service-plans", json=body)
        assert r.status_code in (400, 422), r.text
        if reason:
            assert error_of(r)["reason"] == reason
    other = outsider(server)
    r = other.post("/api/v1/service-plans", json={"site_id": site["id"], "title": "x",
                                                  "interval_months": 12,
                                                  "next_due_on": "2027-01-01"})
    assert r.status_code == 404
    p = plan(d, site, today())
    assert other.get(f"/api/v1/service-plans/{p['id']}").status_code == 404
    assert other.get("/api/v1/service-plans").json()["items"] == [] or \
        p["id"] not in [x["id"] for x in other.get("/api/v1/service-plans").json()["items"]]
    assert tech.get("/api/v1/service-plans").status_code == 403
    customer = new_customer(d, name="Kit Consent")
    assert tech.post(f"/api/v1/customers/{customer['id']}/marketing-consent",
                     json={"channel": "sms", "granted": True, "source": "x"}).status_code == 403
    r = d.post(f"/api/v1/customers/{customer['id']}/marketing-consent",
               json={"channel": "fax", "granted": True, "source": "x"})
    assert r.status_code in (400, 422)
    r = d.post(f"/api/v1/customers/{customer['id']}/marketing-consent",
               json={"channel": "sms", "granted": True})
    assert r.status_code in (400, 422), "the source of a consent is required"


def test_marketing_consent_is_a_history_and_the_latest_decision_counts(office):
    d = office["dispatcher"]
    c = new_customer(d, name="Lou Opt")
    assert d.get(f"/api/v1/customers/{c['id']}/marketing-consent").json()["sms"] is False
    consent(d, c, True, source="web form 2026-12-01")
    consent(d, c, True, channel="email", source="web form 2026-12-01")
    state = consent(d, c, False, source="asked by phone")
    assert state["sms"] is False and state["email"] is True
    assert [(h["channel"], h["granted"], h["source"]) for h in state["history"]] == [
        ("sms", False, "asked by phone"), ("email", True, "web form 2026-12-01"),
        ("sms", True, "web form 2026-12-01")]
    assert all(h["recorded_by"] == d.user_id for h in state["history"])


def test_reminders_need_marketing_consent_respect_stop_and_go_once(make_server):
    peer = RecordingPeer()
    try:
        env = provider_env(peer.url, BULWARK_SMS_INTERVAL="0")  # nothing is sent yet
        s = make_server(extra_env=env)
        shop = Shop(s)
        d = shop.dispatcher
        people = {name: shop.customer(name=name) for name in ("Agreed", "Never", "Withdrew", "Stopped")}
        plans = {}
        for name, c in people.items():
            site = new_site(d, c, name=f"{name}'s house")
            plans[name] = plan(d, site, today() + datetime.timedelta(days=10))
        consent(d, people["Agreed"], True)
        consent(d, people["Withdrew"], True)
        consent(d, people["Withdrew"], False, source="asked to stop by phone")
        consent(d, people["Stopped"], True)
        inbound_sms(s, shop.number, people["Stopped"]["phone"], "STOP")
        # The sender looks for due reminders when it starts, then once a minute.
        s.stop()
        env["BULWARK_SMS_INTERVAL"] = "100ms"
        s2 = make_server(extra_env=env, data_dir=s.data_dir)
        shop.dispatcher.server = s2

        forms = wait_for(lambda: [f for f in peer.forms_to(people["Agreed"]["phone"])
                                  if "Septic pump-out" in f["Body"]], what="the reminder")
        assert len(forms) == 1
        body = forms[0]["Body"]
        assert "/r/" in body and "STOP" in body, body
        # The link asks for a visit at that site: the public request form shows its name.
        token = body.split("/r/")[1].split()[0]
        r = requests.get(f"{s2.url}/api/v1/public/requests/{token}", timeout=10)
        assert r.status_code == 200 and "Agreed's house" in r.text, r.text

        wait_for(lambda: [m for m in shop.thread(people["Stopped"])
                          if m["kind"] == "service_reminder" and m["status"] == "suppressed"],
                 what="the suppressed reminder")
        time.sleep(0.5)
        for name in ("Never", "Withdrew", "Stopped"):
            assert not [f for f in peer.forms_to(people[name]["phone"])
                        if "Septic pump-out" in f["Body"]], name
        assert d.get(f"/api/v1/service-plans/{plans['Agreed']['id']}").json()["reminded_for"] == \
            plans["Agreed"]["next_due_on"]

        # A restart does not remind twice.
        s2.stop()
        s3 = make_server(extra_env=env, data_dir=s.data_dir)
        time.sleep(1.0)
        assert len([f for f in peer.forms_to(people["Agreed"]["phone"])
                    if "Septic pump-out" in f["Body"]]) == 1
        s3.stop()
    finally:
        peer.stop()
