"""Declining a request by email (issue 14 item 6): a requester who filed in
the app (filed_by, role requester) gave no phone, so the decline reason is
emailed to their account's address through the email outbox (transactional:
no List-Unsubscribe). A public-form request with a phone keeps the text. A
real SMTP server on loopback (aiosmtpd) reads what arrives."""
import requests

from fixtures.mail import make_sink, mail_env  # noqa: F401 (make_sink is a fixture)
from fixtures.people import create_org, new_user_client
from fixtures.work import created, new_asset


def test_decline_reason_is_emailed_to_an_in_app_requester_ISSUE14_6(make_server, make_sink):
    sink = make_sink()
    s = make_server(extra_env=mail_env(sink))
    org = create_org(s)
    d, _ = new_user_client(s, org, "dispatcher")
    rq, rq_email = new_user_client(s, org, "requester")
    asset = new_asset(d, name="Press 4")
    link = created(d.post(f"/api/v1/assets/{asset['id']}/request-link"))
    r = rq.post("/api/v1/my/requests", json={"subject": "asset", "id": asset["id"],
                                             "description": "Press 4 jams\non every cycle"})
    assert r.status_code == 201, r.text
    mine = r.json()
    item = next(i for i in d.get("/api/v1/requests", params={"status": "new"}).json()["items"]
                if i["id"] == mine["id"])
    r = d.post(f"/api/v1/requests/{item['id']}/decline",
               json={"version": item["version"], "reason": "Press 4 is retired next month"})
    assert r.status_code == 200, r.text
    assert r.json()["email"] == "queued" and r.json()["text"] is None
    e = sink.wait_for_message(rq_email)["email"]
    assert "declined" in e["Subject"] and f"Org {org}" in e["Subject"]
    body = e.get_body(("plain",)).get_content()
    assert "Press 4 is retired next month" in body and "Press 4 jams" in body
    assert e["List-Unsubscribe"] is None  # transactional, to one of the org's own users

    # The public form with a phone: the reason is texted, nothing is mailed.
    token = link["url"].rsplit("/", 1)[-1]
    r = requests.post(f"{s.url}/api/v1/public/requests", timeout=30, headers={"Origin": s.url},
                      json={"token": token, "name": "Pat Operator", "phone": "(555) 301-0199",
                            "description": "Leak"})
    assert r.status_code == 201, r.text
    item = next(i for i in d.get("/api/v1/requests", params={"status": "new"}).json()["items"]
                if i["requester_phone"])
    r = d.post(f"/api/v1/requests/{item['id']}/decline",
               json={"version": item["version"], "reason": "Not ours"})
    assert r.status_code == 200, r.text
    assert r.json()["text"] == "queued" and r.json()["email"] is None
    assert len(sink.messages(rq_email)) == 1
