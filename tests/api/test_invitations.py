"""Invitations (issue 14 item 4): POST /api/v1/users is an invitation that
answers 202 {invitation: {id, email, expires_at, status}} the same way for
every address (no 409 email_taken: it told any admin that an address belonged
to another organization); the invitee gets a single-use 72 h link by email
(read here from a real SMTP server on loopback, aiosmtpd); GET of the link
only shows the invitation; the POST that accepts it carries the Origin check,
sets the password (zxcvbn rules), creates the account and signs in. Tampered,
expired, replayed, revoked and resent-over links are refused alike."""
import re
import statistics
import time

import pytest
import requests

from fixtures.clock import make_clock_server  # noqa: F401 (a fixture)
from fixtures.database import db_query
from fixtures.mail import SmtpSink, mail_env
from fixtures.people import PASSWORD, create_org, create_user, login, new_user_client, \
    try_login, unique
from fixtures.server import Server, error_of

FAST = {"BULWARK_RATE_LINK_PER_MINUTE": "100000"}
NEW_PASSWORD = "invitee-only Copper Lantern 77 meadow"
LINK = re.compile(r"/invite/([A-Za-z0-9_-]{43})")


@pytest.fixture(scope="module")
def sink():
    s = SmtpSink()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def mail_server(sink):
    s = Server(extra_env={**mail_env(sink), **FAST})
    yield s
    s.stop()


@pytest.fixture(scope="module")
def shop(mail_server):
    slug = create_org(mail_server)
    return slug, new_user_client(mail_server, slug, "owner")[0]


def invite(client, email, role="dispatcher", **extra):
    return client.post("/api/v1/users", json={"email": email, "role": role, **extra})


def token_from(sink, email):
    m = sink.wait_for_message(email)
    text = m["email"].get_body(("plain",)).get_content()
    found = LINK.search(text)
    assert found, text
    return found.group(1), m


def latest_token(sink, email, count, timeout=20):
    """The link of the count-th message to `email` (a resend sends another)."""
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = sink.messages(email)
        if len(got) >= count:
            text = got[count - 1]["email"].get_body(("plain",)).get_content()
            return LINK.search(text).group(1)
        time.sleep(0.1)
    raise AssertionError(f"message {count} to {email} never arrived")


def public(server, method, path, **kw):
    return requests.request(method, server.url + path, timeout=30, **kw)


def accept(server, token, password=NEW_PASSWORD, name="Dana Dispatch", origin=None):
    return public(server, "POST", "/api/v1/invitations/accept",
                  json={"token": token, "password": password, "name": name},
                  headers={"Origin": origin or server.url})


def assert_link_not_found(r):
    assert r.status_code == 404, r.text
    assert error_of(r)["reason"] == "link_not_found"


def test_invitation_mail_link_accept_and_sign_in_ISSUE14_4(mail_server, sink, shop):
    slug, owner = shop
    email = unique("dana") + "@example.com"
    r = invite(owner, email, name="Dana")
    assert r.status_code == 202, r.text
    body = r.json()
    assert set(body) == {"invitation"}
    assert set(body["invitation"]) == {"id", "email", "expires_at", "status"}
    assert body["invitation"]["email"] == email and body["invitation"]["status"] == "pending"

    token, m = token_from(sink, email)
    assert "invited you" in str(m["email"]["Subject"])
    # GET only shows the invitation (a mail scanner fetching it consumes nothing).
    for _ in range(2):
        page = public(mail_server, "GET", f"/api/v1/invitations/link/{token}")
        assert page.status_code == 200, page.text
    assert page.json()["email"] == email and page.json()["role"] == "dispatcher"
    assert page.json()["org_name"] == f"Org {slug}"
    assert try_login(mail_server, email, NEW_PASSWORD).status_code == 401  # no account yet

    r = accept(mail_server, token)
    assert r.status_code == 200, r.text
    assert r.json()["role"] == "dispatcher" and r.json()["user"]["email"] == email
    assert "__Host-session=" in r.headers["Set-Cookie"]
    me = login(mail_server, email, NEW_PASSWORD).get("/api/v1/auth/me")
    assert me.json()["role"] == "dispatcher" and me.json()["user"]["name"] == "Dana Dispatch"

    # Single use: a replay is refused like any other bad link.
    assert_link_not_found(accept(mail_server, token, password=NEW_PASSWORD + " again"))
    assert_link_not_found(public(mail_server, "GET", f"/api/v1/invitations/link/{token}"))
    listed = owner.get("/api/v1/invitations").json()["items"]
    mine = next(i for i in listed if i["id"] == body["invitation"]["id"])
    assert mine["status"] == "accepted" and mine["role"] == "dispatcher"
    actions = [e["action"] for e in owner.get("/api/v1/audit?limit=50").json()["items"]]
    assert "invitation.created" in actions and "invitation.accepted" in actions


def test_same_answer_for_unknown_and_another_orgs_address_ISSUE14_4(mail_server, sink, shop):
    _, owner = shop
    elsewhere = create_user(mail_server, create_org(mail_server), "owner")
    fresh = unique("fresh") + "@example.com"
    a, b = invite(owner, fresh), invite(owner, elsewhere)
    assert a.status_code == b.status_code == 202
    shape = {k: sorted(v) if isinstance(v, dict) else v for k, v in a.json().items()}
    assert shape == {k: sorted(v) if isinstance(v, dict) else v for k, v in b.json().items()}
    assert a.json()["invitation"]["status"] == b.json()["invitation"]["status"] == "pending"
    assert set(a.headers) - {"Date", "X-Request-Id", "Content-Length"} == \
        set(b.headers) - {"Date", "X-Request-Id", "Content-Length"}
    # The other organization's account gets a link to join with its password.
    token_from(sink, fresh)
    note = sink.wait_for_message(elsewhere)["email"].get_body(("plain",)).get_content()
    assert "already signs in to Bulwark" in note and LINK.search(note)
    # The list does not tell them apart either.
    items = {i["email"]: i for i in owner.get("/api/v1/invitations").json()["items"]}
    assert items[fresh]["status"] == items[elsewhere]["status"] == "pending"

    # Timing within noise: the same work on both paths (loose: CI machines are busy).
    def took(email):
        t = time.perf_counter()
        assert invite(owner, email).status_code == 202
        return time.perf_counter() - t
    unknown = [took(unique("u") + "@example.com") for _ in range(7)]
    known = [took(elsewhere) for _ in range(7)]
    mu, mk = statistics.median(unknown), statistics.median(known)
    assert abs(mu - mk) < max(0.05, 0.75 * max(mu, mk)), (unknown, known)


def test_member_of_this_org_gets_202_and_no_mail_audited_ISSUE14_4(mail_server, sink, shop):
    slug, owner = shop
    member = create_user(mail_server, slug, "technician")
    r = invite(owner, member)
    assert r.status_code == 202 and set(r.json()["invitation"]) == {"id", "email", "expires_at",
                                                                    "status"}
    actions = [e["action"] for e in owner.get("/api/v1/audit?limit=20").json()["items"]]
    assert "invitation.not_sent_already_member" in actions
    time.sleep(1.0)  # the jobs worker runs every 100 ms here
    assert sink.messages(member) == []


def test_tampered_revoked_and_resent_over_links_are_refused_ISSUE14_4(mail_server, sink, shop):
    _, owner = shop
    email = unique("t") + "@example.com"
    inv = invite(owner, email).json()["invitation"]
    token, _ = token_from(sink, email)
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, token[:-1], "A" * 43):
        assert_link_not_found(public(mail_server, "GET", f"/api/v1/invitations/link/{bad}"))
        assert_link_not_found(accept(mail_server, bad))

    # Resend: a new link; the old one stops working.
    r = owner.post(f"/api/v1/invitations/{inv['id']}/resend")
    assert r.status_code == 200 and r.json()["sent_count"] == 2
    fresh = latest_token(sink, email, 2)
    assert fresh != token
    assert_link_not_found(accept(mail_server, token))
    assert public(mail_server, "GET", f"/api/v1/invitations/link/{fresh}").status_code == 200

    # Revoke: the link stops working, and a revoked invitation is not resent.
    r = owner.post(f"/api/v1/invitations/{inv['id']}/revoke")
    assert r.status_code == 200 and r.json()["status"] == "revoked"
    assert_link_not_found(public(mail_server, "GET", f"/api/v1/invitations/link/{fresh}"))
    assert_link_not_found(accept(mail_server, fresh))
    r = owner.post(f"/api/v1/invitations/{inv['id']}/resend")
    assert r.status_code == 409 and error_of(r)["reason"] == "invitation_not_pending"
    assert try_login(mail_server, email, NEW_PASSWORD).status_code == 401


def test_accept_needs_same_origin_and_a_strong_password_ISSUE14_4(mail_server, sink, shop):
    _, owner = shop
    email = unique("o") + "@example.com"
    invite(owner, email, role="technician")
    token, _ = token_from(sink, email)
    r = accept(mail_server, token, origin="https://evil.example")
    assert r.status_code == 403 and error_of(r)["reason"] == "csrf_origin_mismatch"
    r = accept(mail_server, token, password="password1")
    assert r.status_code == 400 and "password" in error_of(r)["fields"]  # the project's validation_failed
    r = public(mail_server, "POST", "/api/v1/invitations/accept",
               json={"token": token, "password": NEW_PASSWORD, "name": "X", "role": "owner"},
               headers={"Origin": mail_server.url})
    assert r.status_code == 400  # unknown field: the role is the inviter's choice
    r = accept(mail_server, token)  # the refusals above used nothing up
    assert r.status_code == 200 and r.json()["role"] == "technician"


def test_technicians_and_dispatchers_cannot_invite_or_list(mail_server, shop):
    slug, _ = shop
    for role in ("technician", "dispatcher", "viewer"):
        c = new_user_client(mail_server, slug, role)[0]
        assert invite(c, unique("x") + "@example.com").status_code == 403
        assert c.get("/api/v1/invitations").status_code == 403


def test_admin_cannot_invite_an_owner_and_other_orgs_invitations_are_404(mail_server, shop):
    slug, owner = shop
    adm = new_user_client(mail_server, slug, "admin")[0]
    r = invite(adm, unique("boss") + "@example.com", role="owner")
    assert r.status_code == 403 and error_of(r)["reason"] == "rank_exceeded"
    inv = invite(owner, unique("v") + "@example.com", role="viewer").json()["invitation"]
    other = new_user_client(mail_server, create_org(mail_server), "owner")[0]
    assert other.post(f"/api/v1/invitations/{inv['id']}/revoke").status_code == 404
    assert other.post(f"/api/v1/invitations/{inv['id']}/resend").status_code == 404
    assert all(i["id"] != inv["id"] for i in other.get("/api/v1/invitations").json()["items"])


def test_invitation_link_expires_after_72_hours_ISSUE14_4(make_clock_server, sink):
    # The module's sink: on PostgreSQL any instance's jobs worker may send.
    s = make_clock_server(extra_env={**mail_env(sink), **FAST})
    slug = create_org(s)
    owner = new_user_client(s, slug, "owner")[0]
    email = unique("late") + "@example.com"
    inv = invite(owner, email).json()["invitation"]
    token, _ = token_from(sink, email)
    assert public(s, "GET", f"/api/v1/invitations/link/{token}").status_code == 200
    s.clock.advance(72 * 3600 + 1)
    assert_link_not_found(public(s, "GET", f"/api/v1/invitations/link/{token}"))
    assert_link_not_found(accept(s, token))
    # The owner's session ended long ago (24 h at most): sign in again.
    items = login(s, owner.email, PASSWORD).get("/api/v1/invitations").json()["items"]
    assert next(i for i in items if i["id"] == inv["id"])["status"] == "expired"
