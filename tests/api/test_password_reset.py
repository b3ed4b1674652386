"""Password reset (issue 14 item 4): "Forgot password" answers the same 202
for every address; an account gets a single-use 30-minute link by email
(read here from a real SMTP server on loopback, aiosmtpd); confirming it with
a new password (zxcvbn rules, Origin check) sets the password and ends every
session of the user; throttled per address (quietly) and per IP (429).
Tampered, expired and replayed links are refused alike."""
import re
import statistics
import time

import pytest
import requests

from fixtures.clock import make_clock_server  # noqa: F401 (a fixture)
from fixtures.database import db_exec
from fixtures.mail import SmtpSink, mail_env
from fixtures.people import PASSWORD, create_org, create_user, login, try_login, unique
from fixtures.server import PG_URL, Server, error_of

NEW_PASSWORD = "reset-only Walnut Harbor 58 signal"
LINK = re.compile(r"/reset/([A-Za-z0-9_-]{43})")


@pytest.fixture(autouse=True)
def fresh_reset_counts():
    """Every test client is 127.0.0.1, and on PostgreSQL every test server
    shares the throttle table: each test starts with no reset asks counted."""
    if PG_URL:
        db_exec(None, "DELETE FROM login_throttle WHERE key LIKE 'reset:%'")
    yield


@pytest.fixture(scope="module")
def sink():
    s = SmtpSink()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def reset_server(sink):
    s = Server(extra_env=mail_env(sink))
    yield s
    s.stop()


def ask(server, email, origin=None):
    return requests.post(server.url + "/api/v1/auth/password-reset", json={"email": email},
                         headers={"Origin": origin or server.url}, timeout=30)


def confirm(server, token, password=NEW_PASSWORD, origin=None):
    return requests.post(server.url + "/api/v1/auth/password-reset/confirm",
                         json={"token": token, "password": password},
                         headers={"Origin": origin or server.url}, timeout=30)


def links_to(sink, email, count=1, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        got = sink.messages(email)
        if len(got) >= count:
            return [LINK.search(m["email"].get_body(("plain",)).get_content()).group(1)
                    for m in got]
        time.sleep(0.1)
    raise AssertionError(f"{count} message(s) to {email} never arrived")


def assert_link_not_found(r):
    assert r.status_code == 404, r.text
    assert error_of(r)["reason"] == "link_not_found"


def test_reset_by_email_sets_password_and_ends_sessions_ISSUE14_4(reset_server, sink):
    slug = create_org(reset_server)
    email = create_user(reset_server, slug, "dispatcher")
    first, second = login(reset_server, email), login(reset_server, email)
    r = ask(reset_server, email)
    assert r.status_code == 202, r.text
    token = links_to(sink, email)[0]
    # The old password still works until the link is used.
    assert first.get("/api/v1/auth/me").status_code == 200

    r = confirm(reset_server, token)
    assert r.status_code == 200, r.text
    assert r.json()["sessions_ended"] >= 2
    assert "Set-Cookie" not in r.headers  # a reset does not sign in
    assert first.get("/api/v1/auth/me").status_code == 401
    assert second.get("/api/v1/auth/me").status_code == 401
    assert try_login(reset_server, email, PASSWORD).status_code == 401
    assert login(reset_server, email, NEW_PASSWORD).get("/api/v1/auth/me").status_code == 200

    # Single use.
    assert_link_not_found(confirm(reset_server, token, password=NEW_PASSWORD + " again"))
    # Audited (dispatchers cannot read the audit log; an owner can).
    owner = login(reset_server, create_user(reset_server, slug, "owner"))
    actions = [e["action"] for e in owner.get("/api/v1/audit?limit=100").json()["items"]]
    assert "auth.password_reset_requested" in actions and "auth.password_reset" in actions


def test_same_answer_for_known_and_unknown_addresses_ISSUE14_4(reset_server, sink):
    known = create_user(reset_server, create_org(reset_server), "viewer")
    unknown = unique("nobody") + "@example.com"
    a, b = ask(reset_server, known), ask(reset_server, unknown)
    assert a.status_code == b.status_code == 202
    assert a.json() == b.json()
    links_to(sink, known)
    time.sleep(0.5)
    assert sink.messages(unknown) == []

    def took(email):
        t = time.perf_counter()
        assert ask(reset_server, email).status_code == 202
        return time.perf_counter() - t
    # Fresh known addresses (the per-address throttle quiets repeats).
    knowns = [create_user(reset_server, create_org(reset_server), "viewer") for _ in range(5)]
    k = [took(e) for e in knowns]
    u = [took(unique("n") + "@example.com") for _ in range(5)]
    mk, mu = statistics.median(k), statistics.median(u)
    assert abs(mk - mu) < max(0.05, 0.75 * max(mk, mu)), (k, u)


def test_tampered_and_weak_password_and_foreign_origin_are_refused(reset_server, sink):
    email = create_user(reset_server, create_org(reset_server), "technician")
    ask(reset_server, email)
    token = links_to(sink, email)[0]
    tampered = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (tampered, token[:-2], "A" * 43):
        assert_link_not_found(confirm(reset_server, bad))
    r = confirm(reset_server, token, origin="https://evil.example")
    assert r.status_code == 403 and error_of(r)["reason"] == "csrf_origin_mismatch"
    r = confirm(reset_server, token, password="password1")
    assert r.status_code == 400 and "password" in error_of(r)["fields"]  # the project's validation_failed
    assert confirm(reset_server, token).status_code == 200  # the refusals used nothing up


def test_a_newer_reset_retires_the_older_links(reset_server, sink):
    email = create_user(reset_server, create_org(reset_server), "viewer")
    ask(reset_server, email)
    ask(reset_server, email)
    older, newer = links_to(sink, email, count=2)
    assert confirm(reset_server, newer).status_code == 200
    assert_link_not_found(confirm(reset_server, older, password=NEW_PASSWORD + " other"))


def test_reset_is_throttled_per_address_quietly_and_per_ip(make_server, sink):
    # The module's sink: on PostgreSQL any instance's jobs worker may send.
    s = make_server(extra_env=mail_env(sink))
    email = create_user(s, create_org(s), "viewer")
    answers = [ask(s, email) for _ in range(5)]
    assert [r.status_code for r in answers] == [202] * 5
    time.sleep(1.5)
    assert len(sink.messages(email)) == 3  # then quiet: same answer, no more mail
    codes = [ask(s, unique("n") + "@example.com").status_code for _ in range(20)]
    assert 429 in codes
    limited = ask(s, unique("n") + "@example.com")
    assert limited.status_code == 429 and int(limited.headers["Retry-After"]) > 0
    assert error_of(limited)["reason"] == "password_reset_rate_limited"


def test_reset_link_expires_after_30_minutes_ISSUE14_4(make_clock_server, sink):
    # The module's sink: on PostgreSQL any instance's jobs worker may send.
    s = make_clock_server(extra_env=mail_env(sink))
    email = create_user(s, create_org(s), "viewer")
    ask(s, email)
    token = links_to(sink, email)[0]
    s.clock.advance(30 * 60 + 1)
    assert_link_not_found(confirm(s, token))
    assert login(s, email, PASSWORD).get("/api/v1/auth/me").status_code == 200
