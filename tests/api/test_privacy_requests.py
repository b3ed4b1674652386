"""The data-subject request log (GDPR: 30 days, CCPA: 45 days) and the CCPA
"do not sell or share" flag with its history (issue 13 items 6 and 7)."""
import datetime
import io
import json
import zipfile

from fixtures.people import outsider
from fixtures.server import error_of
from fixtures.work import new_customer


def ok(r, status=200):
    assert r.status_code == status, r.text
    return r.json()


def test_privacy_requests_get_due_dates_by_regime_and_are_completed(owner):
    c = new_customer(owner)
    gdpr = ok(owner.post("/api/v1/privacy-requests", json={
        "customer_id": c["id"], "type": "access", "regime": "gdpr",
        "received_on": "2026-01-31", "notes": "By letter"}), 201)
    assert gdpr["due_on"] == "2026-03-02" and gdpr["customer_name"] == c["name"]
    ccpa = ok(owner.post("/api/v1/privacy-requests", json={
        "type": "deletion", "regime": "ccpa", "received_on": "2026-12-20"}), 201)
    assert ccpa["due_on"] == "2027-02-03" and ccpa["customer_id"] is None
    # Long past due and open: overdue on the dashboard.
    assert gdpr["overdue"] is True or datetime.date.today() < datetime.date(2026, 3, 2)
    items = ok(owner.get("/api/v1/privacy-requests"))["items"]
    assert {gdpr["id"], ccpa["id"]} <= {i["id"] for i in items}

    done = ok(owner.post(f"/api/v1/privacy-requests/{gdpr['id']}/complete"))
    assert done["completed_at"] and done["completed_by"] == owner.user_id and not done["overdue"]
    r = owner.post(f"/api/v1/privacy-requests/{gdpr['id']}/complete")
    assert r.status_code == 409 and error_of(r)["reason"] == "already_completed"
    audit = ok(owner.get("/api/v1/audit?action=privacy_request.completed"))["items"]
    assert any(e.get("target_id") == str(gdpr["id"]) for e in audit)


def test_privacy_request_input_is_checked(owner):
    for body, field in [
        ({"type": "sell", "regime": "gdpr", "received_on": "2026-01-01"}, "type"),
        ({"type": "access", "regime": "lgpd", "received_on": "2026-01-01"}, "regime"),
        ({"type": "access", "regime": "gdpr", "received_on": "2026-02-30"}, "received_on"),
        ({"type": "access", "regime": "gdpr", "received_on": "2026-01-01",
          "customer_id": 99999999}, "customer_id"),
    ]:
        r = owner.post("/api/v1/privacy-requests", json=body)
        assert r.status_code == 400 and field in error_of(r)["fields"], r.text


def test_privacy_requests_are_for_owners_and_admins_and_per_tenant(owner, dispatcher, server):
    mine = ok(owner.post("/api/v1/privacy-requests", json={
        "type": "opt_out", "regime": "ccpa", "received_on": "2026-11-01"}), 201)
    assert dispatcher.get("/api/v1/privacy-requests").status_code == 403
    stranger = outsider(server)
    assert mine["id"] not in {i["id"] for i in ok(stranger.get("/api/v1/privacy-requests"))["items"]}
    assert stranger.post(f"/api/v1/privacy-requests/{mine['id']}/complete").status_code == 404


def test_ccpa_do_not_sell_flag_has_a_history_and_is_in_the_export(owner, dispatcher, tech,
                                                                  server):
    c = new_customer(owner)
    base = f"/api/v1/customers/{c['id']}/do-not-sell"
    assert ok(dispatcher.get(base)) == {"customer_id": c["id"], "do_not_sell": False,
                                        "history": []}
    on = ok(dispatcher.put(base, json={"do_not_sell": True, "source": "customer_request"}))
    assert on["do_not_sell"] is True and on["history"][0]["source"] == "customer_request"
    assert on["history"][0]["changed_by"] == dispatcher.user_id
    off = ok(owner.put(base, json={"do_not_sell": False, "source": "office"}))
    assert [h["do_not_sell"] for h in off["history"]] == [False, True]
    assert tech.put(base, json={"do_not_sell": True, "source": "office"}).status_code == 403
    assert outsider(server).get(base).status_code == 404
    r = dispatcher.put(base, json={"do_not_sell": True, "source": "rumour"})
    assert r.status_code == 400 and "source" in error_of(r)["fields"]

    z = zipfile.ZipFile(io.BytesIO(owner.get(f"/api/v1/customers/{c['id']}/export").content))
    doc = json.loads(z.read("customer.json"))
    assert [h["source"] for h in doc["do_not_sell_history"]] == ["customer_request", "office"]
    assert doc["customer"]["do_not_sell"] == 0
