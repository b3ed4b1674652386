"""Service-plan reminders by email (issue 14 item 8, CAN-SPAM): a customer
whose latest marketing consent for email is "granted" and who has an address
gets the reminder as an email (plain text and HTML, the visit link, the
organization's name and postal address) with a working one-click unsubscribe (RFC 8058 List-Unsubscribe and
List-Unsubscribe-Post). Unsubscribing records a consent row (granted false,
source "unsubscribe link"), so the next due date sends no mail. A real SMTP
server on loopback (aiosmtpd) reads what arrives."""
import datetime
import secrets
import time
import urllib.parse

import requests

from fixtures.mail import make_sink, mail_env  # noqa: F401 (make_sink is a fixture)
from fixtures.people import create_org, new_user_client
from fixtures.providers import PUBLIC_URL
from fixtures.work import new_customer, new_site


def today():
    return datetime.datetime.now(datetime.timezone.utc).date()


def plan(client, site, due):
    r = client.post("/api/v1/service-plans", json={
        "site_id": site["id"], "title": "Septic pump-out", "interval_months": 36,
        "next_due_on": due.isoformat()})
    assert r.status_code == 201, r.text
    return r.json()


def consent(client, customer, granted, channel="email"):
    r = client.post(f"/api/v1/customers/{customer['id']}/marketing-consent",
                    json={"channel": channel, "granted": granted, "source": "web form"})
    assert r.status_code == 200, r.text
    return r.json()


def restart(make_server, server, env):
    """The worker looks for due reminders when it starts, then once a minute."""
    server.stop()
    return make_server(extra_env=env, data_dir=server.data_dir)


def local(url, server):
    """A link made with BULWARK_PUBLIC_URL, aimed at the test server."""
    return server.url + url[len(PUBLIC_URL):]


def test_reminder_email_with_link_and_one_click_unsubscribe_CAN_SPAM_ISSUE14_8(make_server,
                                                                              make_sink):
    sink = make_sink()
    env = mail_env(sink, BULWARK_PUBLIC_URL=PUBLIC_URL, BULWARK_SMS_INTERVAL="100ms")
    s = make_server(extra_env=env)
    org = create_org(s)
    d, _ = new_user_client(s, org, "dispatcher")
    owner, _ = new_user_client(s, org, "owner")
    # CAN-SPAM: the sender's postal address, kept on the organization.
    r = owner.patch("/api/v1/org", json={"postal_address": "12 Mill Lane\nSpringfield, IL 62701"})
    assert r.status_code == 200 and r.json()["postal_address"].startswith("12 Mill Lane"), r.text
    tag = secrets.token_hex(4)
    addr = {n: f"{n}-{tag}@customer.example" for n in ("agreed", "never", "control")}
    agreed = new_customer(d, name="Ada Agreed", email=addr["agreed"])
    never = new_customer(d, name="Ned Never", email=addr["never"])
    control = new_customer(d, name="Cy Control", email=addr["control"])
    nomail = new_customer(d, name="Noa Nomail")  # agreed, but no address
    plans = {}
    for name, c in (("agreed", agreed), ("never", never), ("control", control),
                    ("nomail", nomail)):
        plans[name] = plan(d, new_site(d, c, name=f"{c['name']}'s house"),
                           today() + datetime.timedelta(days=10))
    for c in (agreed, control, nomail):
        consent(d, c, True)
    consent(d, never, True, channel="sms")  # texts only: no mail

    s = restart(make_server, s, env)
    d.server = s
    m = sink.wait_for_message(addr["agreed"])
    e = m["email"]
    assert "Septic pump-out" in e["Subject"] and f"Org {org}" in e["Subject"]
    text = e.get_body(("plain",)).get_content().replace("\r\n", "\n")
    html = e.get_body(("html",)).get_content()
    assert "Hello Ada Agreed," in text and "Ada Agreed's house" in text
    assert "12 Mill Lane\nSpringfield, IL 62701" in text and f"Org {org}" in text
    assert "12 Mill Lane<br>" in html and "not on file" not in text
    # The visit link: the site's public request form.
    link = text.split("/r/")[1].split()[0]
    assert f"/r/{link}" in html
    r = requests.get(f"{s.url}/api/v1/public/requests/{link}", timeout=10)
    assert r.status_code == 200 and "Ada Agreed's house" in r.text
    # RFC 8058: an https URI and the one-click POST header.
    one_click = e["List-Unsubscribe"].strip("<>")
    assert one_click.startswith(PUBLIC_URL + "/api/v1/public/unsubscribe/"), one_click
    assert e["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = one_click.rsplit("/", 1)[1]
    assert f"{PUBLIC_URL}/u/{token}" in text and f"/u/{token}" in html
    assert "{{unsubscribe_url}}" not in text + html

    sink.wait_for_message(addr["control"])
    time.sleep(1.0)
    assert sink.messages(addr["never"]) == []  # no email consent: no mail
    got = {n: d.get(f"/api/v1/service-plans/{p['id']}").json() for n, p in plans.items()}
    assert got["agreed"]["reminded_by"] == "email"
    assert got["agreed"]["reminded_for"] == plans["agreed"]["next_due_on"]
    assert got["nomail"]["reminded_by"] == ""  # agreed, but there is no address
    assert got["never"]["reminded_for"] is None  # only texts, and Twilio is off

    # The page's GET shows whose mail it is and changes nothing.
    r = requests.get(local(one_click, s), timeout=10)
    assert r.status_code == 200 and r.json() == {"organization": f"Org {org}", "subscribed": True}
    # A page on another site cannot post it; a tampered token is a 404.
    r = requests.post(local(one_click, s), data="List-Unsubscribe=One-Click",
                      headers={"Origin": "https://evil.example",
                               "Content-Type": "application/x-www-form-urlencoded"}, timeout=10)
    assert r.status_code == 403
    bad = token[:-1] + ("A" if token[-1] != "A" else "B")
    r = requests.post(local(one_click, s).replace(token, bad), data="List-Unsubscribe=One-Click",
                      headers={"Content-Type": "application/x-www-form-urlencoded"}, timeout=10)
    assert r.status_code == 404
    # The mailbox provider's one-click POST: no Origin, a form body.
    for _ in range(2):  # a replay records nothing more
        r = requests.post(local(one_click, s), data="List-Unsubscribe=One-Click",
                          headers={"Content-Type": "application/x-www-form-urlencoded"},
                          timeout=10)
        assert r.status_code == 200, r.text
        assert r.json()["subscribed"] is False
    state = d.get(f"/api/v1/customers/{agreed['id']}/marketing-consent").json()
    assert state["email"] is False
    withdrawn = [h for h in state["history"] if not h["granted"]]
    assert [(h["channel"], h["source"], h["recorded_by"]) for h in withdrawn] == [
        ("email", "unsubscribe link", None)]

    # The next due date: the control customer is mailed again, the
    # unsubscribed one is not.
    for name in ("agreed", "control"):
        p = got[name]
        r = d.patch(f"/api/v1/service-plans/{p['id']}",
                    json={"next_due_on": (today() + datetime.timedelta(days=5)).isoformat(),
                          "version": p["version"]})
        assert r.status_code == 200, r.text
    s = restart(make_server, s, env)
    d.server = s
    deadline = time.time() + 20
    while len(sink.messages(addr["control"])) < 2 and time.time() < deadline:
        time.sleep(0.1)
    assert len(sink.messages(addr["control"])) == 2
    time.sleep(0.5)
    assert len(sink.messages(addr["agreed"])) == 1
    assert d.get(f"/api/v1/service-plans/{plans['agreed']['id']}").json()["reminded_for"] == \
        plans["agreed"]["next_due_on"]


def test_org_postal_address_is_set_cleared_and_checked(server):
    org = create_org(server)
    owner, _ = new_user_client(server, org, "owner")
    tech, _ = new_user_client(server, org, "technician")
    assert owner.get("/api/v1/org").json()["postal_address"] is None
    r = owner.patch("/api/v1/org", json={"postal_address": "PO Box 7, Dover, DE 19901"})
    assert r.status_code == 200 and r.json()["postal_address"] == "PO Box 7, Dover, DE 19901"
    assert owner.patch("/api/v1/org", json={"postal_address": "x" * 301}).status_code == 400
    assert owner.patch("/api/v1/org", json={"postal_address": 7}).status_code == 400
    assert tech.patch("/api/v1/org", json={"postal_address": "y"}).status_code == 403
    r = owner.patch("/api/v1/org", json={"postal_address": None})
    assert r.status_code == 200 and r.json()["postal_address"] is None


def test_one_click_unsubscribe_refuses_malformed_tokens_ISSUE14_8(server):
    for token in ("short", "x" * 43, "%2e%2e"):
        r = requests.post(f"{server.url}/api/v1/public/unsubscribe/{urllib.parse.quote(token)}",
                          timeout=10)
        assert r.status_code == 404, (token, r.status_code)
