"""Customer links (issue 14 item 5): a link per purpose that works without
signing in (see and confirm the appointment, see one invoice, download one
report), shows nothing else of the organization, expires, is revoked by the
office, is rate-limited, and is stored only as its SHA-256. Every tampering
case gets one answer: 404 link_not_found."""
import datetime
import hashlib
from zoneinfo import ZoneInfo

import pytest
import requests

from fixtures.people import create_org, new_user_client, outsider
from fixtures.raw_bytes import database_bytes, log_bytes
from fixtures.server import Server, error_of
from fixtures.work import created, invoice_of, iso, move, new_customer, new_site, \
    new_wo, step_invoice, utc_now

GATE = "GATE-7741"
NOTES = "Dog in the yard, key under the mat"
OTHER_JOB = "Dig out the other customer's riser"
FAST = {"BULWARK_RATE_LINK_PER_MINUTE": "100000"}


@pytest.fixture(scope="module")
def link_server():
    s = Server(extra_env=FAST)
    yield s
    s.stop()


@pytest.fixture(scope="module")
def office(link_server):
    org = create_org(link_server, time_zone="America/Chicago")
    roles = ("dispatcher", "technician", "owner")
    return {role: new_user_client(link_server, org, role)[0] for role in roles}


def scheduled(client, days=3, **site_fields):
    """A scheduled visit at a site with a gate code and notes."""
    customer = new_customer(client)
    site = new_site(client, customer, address="42 Septic Lane", gate_code=GATE,
                    access_notes=NOTES, **site_fields)
    start = utc_now().replace(microsecond=0) + datetime.timedelta(days=days)
    wo = new_wo(client, customer_id=customer["id"], site_id=site["id"],
                description="Internal: customer owes for last time",
                scheduled_start=iso(start), scheduled_end=iso(start + datetime.timedelta(hours=2)))
    r = move(client, wo, "scheduled")
    assert r.status_code == 200, r.text
    return r.json()


def issue(client, wo, purpose="appointment", **extra):
    return created(client.post(f"/api/v1/work-orders/{wo['id']}/links",
                               json={"purpose": purpose, **extra}))


def token_of(issued):
    assert issued["url"].rsplit("/", 2)[-2] == "l"
    return issued["url"].rsplit("/", 1)[-1]


def public(server, method, path, **kw):
    """A request with no session (the customer's phone)."""
    return requests.request(method, server.url + path, timeout=30, **kw)


def assert_link_not_found(r):
    assert r.status_code == 404, r.text
    assert error_of(r)["reason"] == "link_not_found"


def test_appointment_link_shows_the_visit_and_nothing_else(link_server, office):
    d = office["dispatcher"]
    wo = scheduled(d)
    other = new_wo(d, title=OTHER_JOB, customer_id=wo["customer_id"])
    issued = issue(d, wo)
    assert set(issued["link"]) >= {"id", "purpose", "state", "expires_at"}
    assert issued["link"]["state"] == "active"
    token = token_of(issued)
    assert len(token) == 43
    r = public(link_server, "GET", f"/api/v1/links/{token}")
    assert r.status_code == 200, r.text
    body = r.json()
    assert {k for k, v in body.items() if v is not None} == {"purpose", "org", "expires_at",
                                                               "appointment"}
    assert set(body["org"]) == {"name", "phone"}
    assert set(body["appointment"]) == {"work_order_number", "title", "starts_at", "ends_at",
                                        "date", "window", "address", "confirmed", "can_confirm"}
    a = body["appointment"]
    assert a["work_order_number"] == wo["number"] and a["address"] == "42 Septic Lane"
    assert a["can_confirm"] is True and a["confirmed"] is False
    # The window in the organization's zone, as the customer reads a clock.
    def clock(at):
        local = datetime.datetime.fromisoformat(at.replace("Z", "+00:00")).astimezone(
            ZoneInfo("America/Chicago"))
        return f"{local.hour % 12 or 12}:{local.minute:02d} {'AM' if local.hour < 12 else 'PM'}"
    assert a["window"] == f"{clock(wo['scheduled_start'])} - {clock(wo['scheduled_end'])}"
    for hidden in (GATE, NOTES, OTHER_JOB, other["number"], "owes"):
        assert hidden not in r.text


def test_must_not_006_get_never_confirms_and_post_confirms_once(link_server, office):
    d = office["dispatcher"]
    wo = scheduled(d)
    token = token_of(issue(d, wo))
    for _ in range(3):  # mail scanners and SMS previews fetch links
        assert public(link_server, "GET", f"/api/v1/links/{token}").status_code == 200
        assert public(link_server, "HEAD", f"/api/v1/links/{token}").status_code in (200, 405)
    assert d.get(f"/api/v1/work-orders/{wo['id']}").json()["customer_confirmed_at"] is None

    evil = public(link_server, "POST", f"/api/v1/links/{token}/confirm",
                  headers={"Origin": "https://evil.example"})
    assert evil.status_code == 403 and error_of(evil)["reason"] == "csrf_origin_mismatch"
    r = public(link_server, "POST", f"/api/v1/links/{token}/confirm",
               headers={"Origin": link_server.url})
    assert r.status_code == 200, r.text
    assert r.json()["appointment"]["confirmed"] is True
    assert d.get(f"/api/v1/work-orders/{wo['id']}").json()["customer_confirmed_at"] is not None
    audit = office["owner"].get("/api/v1/audit",
                                params={"action": "work_order.customer_confirmed"}).json()["items"]
    mine = [a for a in audit if a["target_id"] == str(wo["id"])]
    assert len(mine) == 1 and mine[0]["actor_type"] == "customer_link"

    replay = public(link_server, "POST", f"/api/v1/links/{token}/confirm",
                    headers={"Origin": link_server.url})
    assert replay.status_code == 409 and error_of(replay)["reason"] == "already_confirmed"
    shown = public(link_server, "GET", f"/api/v1/links/{token}").json()["appointment"]
    assert shown["confirmed"] is True and shown["can_confirm"] is False
    links = d.get(f"/api/v1/work-orders/{wo['id']}/links").json()["items"]
    assert links[0]["state"] == "used"


def test_must_001_every_tampered_token_gets_the_same_answer(link_server, office):
    d = office["dispatcher"]
    wo = scheduled(d)
    token = token_of(issue(d, wo))
    flipped = token[:20] + ("A" if token[20] != "A" else "B") + token[21:]
    cases = [flipped, token[:-1], token[:30], token + "A", token.lower() if token.lower() != token
             else token.upper(), "A" * 43]
    answers = set()
    for bad in cases:
        r = public(link_server, "GET", f"/api/v1/links/{bad}")
        assert_link_not_found(r)
        answers.add((r.status_code, error_of(r)["code"], error_of(r)["message"]))
        assert_link_not_found(public(link_server, "POST", f"/api/v1/links/{bad}/confirm",
                                     headers={"Origin": link_server.url}))
    assert len(answers) == 1
    # The real one still works: nothing above consumed it.
    assert public(link_server, "GET", f"/api/v1/links/{token}").status_code == 200
    # Another purpose's route with a valid token: the same answer.
    assert_link_not_found(public(link_server, "GET", f"/api/v1/links/{token}/report.pdf"))


def test_a_token_opens_only_its_own_customers_work(link_server, office):
    d = office["dispatcher"]
    mine, theirs = scheduled(d), scheduled(d)
    token = token_of(issue(d, mine))
    # The token is no session: the office API stays closed to it.
    for path in (f"/api/v1/work-orders/{theirs['id']}", f"/api/v1/work-orders/{mine['id']}",
                 f"/api/v1/work-orders/{theirs['id']}/links"):
        r = public(link_server, "GET", path, headers={"Authorization": f"Bearer {token}"})
        assert r.status_code == 401, (path, r.text)
        r = public(link_server, "GET", path, cookies={"__Host-session": token})
        assert r.status_code == 401, (path, r.text)
    # Another customer's id alongside a valid token changes nothing.
    r = public(link_server, "GET", f"/api/v1/links/{token}",
               params={"work_order_id": theirs["id"], "id": theirs["id"]})
    assert r.status_code in (200, 400)
    if r.status_code == 200:
        assert r.json()["appointment"]["work_order_number"] == mine["number"]
        assert theirs["number"] not in r.text


def test_revoked_links_are_refused_and_only_the_office_of_the_org_revokes(link_server, office):
    d = office["dispatcher"]
    wo = scheduled(d)
    issued = issue(d, wo)
    token, link_id = token_of(issued), issued["link"]["id"]
    stranger = outsider(link_server, "owner")
    r = stranger.post(f"/api/v1/links/{link_id}/revoke")
    assert r.status_code == 404, r.text
    assert public(link_server, "GET", f"/api/v1/links/{token}").status_code == 200
    assert office["technician"].post(f"/api/v1/links/{link_id}/revoke").status_code == 403
    r = d.post(f"/api/v1/links/{link_id}/revoke")
    assert r.status_code == 200 and r.json()["state"] == "revoked"
    assert_link_not_found(public(link_server, "GET", f"/api/v1/links/{token}"))
    assert_link_not_found(public(link_server, "POST", f"/api/v1/links/{token}/confirm",
                                 headers={"Origin": link_server.url}))
    assert d.get(f"/api/v1/work-orders/{wo['id']}").json()["customer_confirmed_at"] is None


def test_office_rules_for_issuing(link_server, office):
    d, tech = office["dispatcher"], office["technician"]
    wo = scheduled(d)
    assert tech.post(f"/api/v1/work-orders/{wo['id']}/links",
                     json={"purpose": "appointment"}).status_code == 403
    r = d.post(f"/api/v1/work-orders/{wo['id']}/links", json={"purpose": "invitation"})
    assert r.status_code == 400, r.text
    r = d.post(f"/api/v1/work-orders/{wo['id']}/links", json={"purpose": "report"})
    assert r.status_code == 409 and error_of(r)["reason"] == "work_order_not_completed"
    r = d.post(f"/api/v1/work-orders/{wo['id']}/links", json={"purpose": "invoice"})
    assert r.status_code == 409 and error_of(r)["reason"] == "no_invoice"
    unscheduled = new_wo(d)
    r = d.post(f"/api/v1/work-orders/{unscheduled['id']}/links", json={"purpose": "appointment"})
    assert r.status_code == 409 and error_of(r)["reason"] == "no_appointment"
    other_org = outsider(link_server, "dispatcher")
    assert other_org.post(f"/api/v1/work-orders/{wo['id']}/links",
                          json={"purpose": "appointment"}).status_code == 404
    assert other_org.get(f"/api/v1/work-orders/{wo['id']}/links").status_code == 404


def test_invoice_and_report_links_show_only_their_document(link_server, office):
    d = office["dispatcher"]
    wo = scheduled(d, days=1)
    for to in ("in_progress", "completed"):
        wo = move(d, wo, to).json()
    assert wo["status"] == "completed"
    inv = invoice_of(d, wo)
    r = d.post(f"/api/v1/work-orders/{wo['id']}/links", json={"purpose": "invoice"})
    assert r.status_code == 409  # a draft is not the customer's yet
    inv = step_invoice(d, inv, "open")
    token = token_of(issue(d, wo, "invoice"))
    body = public(link_server, "GET", f"/api/v1/links/{token}").json()
    assert {k for k, v in body.items() if v is not None} == {"purpose", "org", "expires_at",
                                                               "invoice"}
    assert set(body["invoice"]) == {"number", "status", "currency", "lines", "total_cents",
                                    "balance_cents", "payment_link"}
    assert body["invoice"]["total_cents"] == inv["total_cents"]
    assert body["invoice"]["balance_cents"] == inv["balance_cents"]
    assert all(set(line) == {"description", "quantity", "unit_cents", "amount_cents"}
               for line in body["invoice"]["lines"])
    assert GATE not in str(body) and "owes" not in str(body)
    assert_link_not_found(public(link_server, "POST", f"/api/v1/links/{token}/confirm",
                                 headers={"Origin": link_server.url}))

    report_token = token_of(issue(d, wo, "report"))
    body = public(link_server, "GET", f"/api/v1/links/{report_token}").json()
    assert body["report"]["download_path"] == f"/api/v1/links/{report_token}/report.pdf"
    assert body["report"]["work_order_number"] == wo["number"]
    pdf = public(link_server, "GET", body["report"]["download_path"])
    assert pdf.status_code == 200, pdf.text
    assert pdf.headers["Content-Type"] == "application/pdf" and pdf.content.startswith(b"%PDF")
    assert "no-store" in pdf.headers["Cache-Control"]
    assert_link_not_found(public(link_server, "GET", f"/api/v1/links/{token}/report.pdf"))


def test_must_not_001_tokens_are_in_neither_the_database_nor_the_log(link_server, office):
    d = office["dispatcher"]
    wo = scheduled(d)
    token = token_of(issue(d, wo))
    assert public(link_server, "GET", f"/api/v1/links/{token}").status_code == 200
    listed = d.get(f"/api/v1/work-orders/{wo['id']}/links")
    assert listed.status_code == 200 and token not in listed.text
    stored = database_bytes(link_server)
    assert token.encode() not in stored
    assert hashlib.sha256(token.encode()).hexdigest().encode() in stored  # what is kept instead
    assert token.encode() not in log_bytes(link_server)


def test_links_expire(make_clock_server):
    s = make_clock_server(extra_env=FAST)
    org = create_org(s)
    d = new_user_client(s, org, "dispatcher")[0]
    wo = scheduled(d)
    issued = issue(d, wo, expires_in_hours=1)
    token = token_of(issued)
    assert public(s, "GET", f"/api/v1/links/{token}").status_code == 200
    s.clock.advance(3601)
    assert_link_not_found(public(s, "GET", f"/api/v1/links/{token}"))
    assert_link_not_found(public(s, "POST", f"/api/v1/links/{token}/confirm",
                                 headers={"Origin": s.url}))
    assert d.get(f"/api/v1/work-orders/{wo['id']}/links").json()["items"][0]["state"] == "expired"


def test_public_link_routes_are_rate_limited_per_ip(make_server):
    s = make_server(extra_env={"BULWARK_RATE_LINK_PER_MINUTE": "3"})
    codes = [public(s, "GET", "/api/v1/links/" + "A" * 43).status_code for _ in range(6)]
    assert codes[:3] == [404, 404, 404]
    assert 429 in codes[3:]
    r = public(s, "GET", "/api/v1/links/" + "B" * 43)
    assert r.status_code == 429 and "Retry-After" in r.headers


def test_the_office_texts_or_emails_the_link_in_the_same_transaction(link_server, office):
    d = office["dispatcher"]
    wo = scheduled(d)
    issued = issue(d, wo, send_by="sms")
    assert issued["sent"] == "queued"
    token = token_of(issued)
    texts = d.get(f"/api/v1/customers/{wo['customer_id']}/messages").json()["items"]
    link_texts = [m for m in texts if m["kind"] == "customer_link"]
    assert len(link_texts) == 1 and token in link_texts[0]["body"]
    assert wo["number"] in link_texts[0]["body"]

    # No email address: refused, and no link was made.
    r = d.post(f"/api/v1/work-orders/{wo['id']}/links",
               json={"purpose": "appointment", "send_by": "email"})
    assert r.status_code == 409 and error_of(r)["reason"] == "no_customer_email"
    assert len(d.get(f"/api/v1/work-orders/{wo['id']}/links").json()["items"]) == 1

    c = new_customer(d, email="cora.tank@example.com")
    site = new_site(d, c)
    start = utc_now().replace(microsecond=0) + datetime.timedelta(days=2)
    other = new_wo(d, customer_id=c["id"], site_id=site["id"], scheduled_start=iso(start))
    other = move(d, other, "scheduled").json()
    mailed = issue(d, other, send_by="email")
    assert mailed["sent"] == "queued"
    # Both outboxes seal what they hold: the token is not readable at rest.
    stored = database_bytes(link_server)
    assert token.encode() not in stored and token_of(mailed).encode() not in stored


def test_an_invoice_link_carries_its_open_payment_link_and_the_orgs_number(shop):
    """Against the local Stripe stand-in (fixtures/providers.py)."""
    inv = shop.linked_invoice()
    issued = issue(shop.dispatcher, {"id": inv["work_order_id"]}, "invoice", send_by="sms")
    assert issued["sent"] == "queued"
    body = public(shop.server, "GET", f"/api/v1/links/{token_of(issued)}").json()
    office_view = shop.dispatcher.get(f"/api/v1/invoices/{inv['id']}").json()
    assert office_view["payment_link"]
    assert body["invoice"]["payment_link"] == office_view["payment_link"]
    assert body["invoice"]["balance_cents"] == office_view["balance_cents"] > 0
    assert body["org"]["phone"] == shop.number
