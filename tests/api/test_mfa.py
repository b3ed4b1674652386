"""TOTP two-step sign-in, recovery codes and step-up (issue 15 item 1).

Codes come from pyotp (Debian python3-pyotp), the way an authenticator app
makes them; RFC 6238's own vectors are unit tests (tests/unit/totp_test.cpp).
A code is accepted once: tests that need two codes in a row take the next
30-second step's code (the server accepts one step either side)."""
import base64
import time
import urllib.parse

import pyotp
import pytest
import requests

from fixtures.clock import hooks_binary
from fixtures.database import db_exec, db_query
from fixtures.people import (PASSWORD, Client, admin, cookie_value, create_org, create_user,
                             login, new_user_client, step_up, try_login)
from fixtures.server import error_of

STEP = 30


def code(secret, offset_steps=0, clock=None):
    """The code of the server's current step (+ offset), from pyotp."""
    now = time.time() + (clock.offset_ms / 1000 if clock else 0)
    return pyotp.TOTP(secret).at(now + offset_steps * STEP)


def enrol(client):
    """Turns MFA on for the client's account; (base32 secret, recovery codes)."""
    r = client.post("/api/v1/auth/mfa/totp/enroll", json={})
    assert r.status_code == 200, r.text
    secret = r.json()["secret"]
    r = client.post("/api/v1/auth/mfa/totp/confirm", json={"code": code(secret)})
    assert r.status_code == 200, r.text
    return secret, r.json()["recovery_codes"]


def first_step(server, email, password=PASSWORD):
    r = try_login(server, email, password)
    assert r.status_code == 200, r.text
    assert cookie_value(r, "__Host-session") is None, "no session before the second step"
    return r.json()


def verify(server, challenge, **factor):
    return requests.post(server.url + "/api/v1/auth/mfa/verify",
                         json={"challenge": challenge, **factor})


def signed_in(server, r):
    assert r.status_code == 200, r.text
    view = r if "user" in r.json() else None  # a forced enrolment answers its codes
    return Client(server, cookie_value(r, "__Host-session"), cookie_value(r, "csrf_token"), view)


def actions(owner):
    return [e["action"] for e in owner.get("/api/v1/audit?limit=200").json()["items"]]


def test_mfa_enrolment_shows_secret_uri_and_qr_and_login_needs_a_code(server):
    org = create_org(server)
    c, email = new_user_client(server, org, "owner")
    assert c.get("/api/v1/auth/me").json()["mfa_enabled"] is False
    r = c.post("/api/v1/auth/mfa/totp/enroll", json={})
    assert r.status_code == 200, r.text
    body = r.json()
    secret = body["secret"]
    assert len(base64.b32decode(secret + "=" * (-len(secret) % 8))) == 20  # 160 bits
    uri = urllib.parse.urlparse(body["otpauth_uri"])
    assert uri.scheme == "otpauth" and uri.netloc == "totp"
    assert urllib.parse.parse_qs(uri.query)["secret"] == [secret]
    assert body["qr_svg"].lstrip().startswith(("<svg", "<?xml"))
    # Pending until confirmed: sign-in is unchanged, and a wrong code confirms nothing.
    r = c.post("/api/v1/auth/mfa/totp/confirm", json={"code": "000000"
                                                       if code(secret) != "000000" else "111111"})
    assert r.status_code == 422 and error_of(r)["reason"] == "invalid_code"
    assert cookie_value(try_login(server, email, PASSWORD), "__Host-session")
    # Re-enrolment replaces the pending secret: the first one's codes no longer confirm.
    second = c.post("/api/v1/auth/mfa/totp/enroll", json={}).json()["secret"]
    assert second != secret
    r = c.post("/api/v1/auth/mfa/totp/confirm", json={"code": code(second)})
    assert r.status_code == 200, r.text
    codes = r.json()["recovery_codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    for rc in codes:  # at least 80 bits: 16 base32 characters
        assert len(rc.replace("-", "")) >= 16
    assert c.get("/api/v1/auth/me").json()["mfa_enabled"] is True
    assert c.get("/api/v1/auth/mfa").json() == {"enabled": True, "recovery_codes_left": 10}
    assert "auth.mfa_enrolled" in actions(c)
    # A second enrolment while on is refused (turn it off first).
    r = c.post("/api/v1/auth/mfa/totp/enroll", json={})
    assert r.status_code == 409 and error_of(r)["reason"] == "mfa_already_enabled"

    step = first_step(server, email)
    assert step["mfa_required"] is True and step["mfa_enrollment_required"] is False
    assert len(step["challenge"]) >= 40
    # The confirming code's step is spent; the next step's code signs in.
    c2 = signed_in(server, verify(server, step["challenge"], code=code(second, 1)))
    assert c2.get("/api/v1/auth/me").json()["mfa_enabled"] is True


def test_mfa_secret_is_sealed_at_rest_and_codes_stored_as_hmac(server):
    c, email = new_user_client(server, create_org(server), "viewer")
    secret, codes = enrol(c)
    rows = db_query(server, "SELECT totp_secret FROM accounts WHERE email = '%s'" % email)
    stored = rows[0][0]
    assert stored and secret not in stored
    raw = base64.b32decode(secret)
    assert raw not in base64.b64decode(stored + "=" * (-len(stored) % 4))
    hashes = [r[0] for r in db_query(
        server, "SELECT code_hash FROM recovery_codes r JOIN accounts a ON a.id = r.account_id "
                "WHERE a.email = '%s'" % email)]
    assert len(hashes) == 10
    assert not any(rc.replace("-", "") in h or rc in h for rc in codes for h in hashes)


def test_mfa_replayed_code_is_refused(server):
    c, email = new_user_client(server, create_org(server), "viewer")
    secret, _ = enrol(c)
    used = code(secret, 1)
    signed_in(server, verify(server, first_step(server, email)["challenge"], code=used))
    r = verify(server, first_step(server, email)["challenge"], code=used)
    assert r.status_code == 401 and error_of(r)["reason"] == "invalid_code"
    assert cookie_value(r, "__Host-session") is None
    # The confirming code (an earlier step) is refused too: steps only move forward.
    r = verify(server, first_step(server, email)["challenge"], code=code(secret))
    assert r.status_code == 401


@pytest.mark.skipif(not hooks_binary(), reason="bulwark-test-hooks was not built")
def test_mfa_stale_code_is_refused(make_clock_server):
    s = make_clock_server()
    c, email = new_user_client(s, create_org(s), "viewer")
    r = c.post("/api/v1/auth/mfa/totp/enroll", json={})
    secret = r.json()["secret"]
    assert c.post("/api/v1/auth/mfa/totp/confirm",
                  json={"code": code(secret, clock=s.clock)}).status_code == 200
    old = code(secret, 1, clock=s.clock)
    challenge = first_step(s, email)["challenge"]
    s.clock.advance(3 * STEP)  # two steps past the code's: outside the ±1 window
    r = verify(s, challenge, code=old)
    assert r.status_code == 401 and error_of(r)["reason"] == "invalid_code"
    signed_in(s, verify(s, first_step(s, email)["challenge"], code=code(secret, clock=s.clock)))


def test_mfa_recovery_codes_are_single_use(server):
    c, email = new_user_client(server, create_org(server), "owner")
    _, codes = enrol(c)
    c2 = signed_in(server, verify(server, first_step(server, email)["challenge"],
                                  recovery_code=codes[0].upper()))
    r = verify(server, first_step(server, email)["challenge"], recovery_code=codes[0])
    assert r.status_code == 401 and error_of(r)["reason"] == "invalid_code"
    assert c2.get("/api/v1/auth/mfa").json()["recovery_codes_left"] == 9
    assert "auth.recovery_code_used" in actions(c2)
    # Another account's code is not this one's.
    other, other_email = new_user_client(server, create_org(server), "viewer")
    _, other_codes = enrol(other)
    r = verify(server, first_step(server, email)["challenge"], recovery_code=other_codes[0])
    assert r.status_code == 401


def test_mfa_wrong_codes_count_toward_the_lockout_and_kill_the_challenge(make_server):
    s = make_server()
    c, email = new_user_client(s, create_org(s), "viewer")
    secret, _ = enrol(c)
    challenge = first_step(s, email)["challenge"]
    right = code(secret, 1)
    wrong = "123456" if right != "123456" else "654321"
    for _ in range(5):
        r = verify(s, challenge, code=wrong)
        assert r.status_code == 401 and error_of(r)["reason"] == "invalid_code"
    r = verify(s, challenge, code=right)  # dead after five wrong codes
    assert r.status_code == 401 and error_of(r)["reason"] == "mfa_challenge_invalid"
    # The five wrong codes locked the account like five wrong passwords.
    r = try_login(s, email, PASSWORD)
    assert r.status_code == 401 and error_of(r)["reason"] == "invalid_credentials"


def test_mfa_challenge_is_single_use_and_needs_a_factor(server):
    c, email = new_user_client(server, create_org(server), "viewer")
    secret, codes = enrol(c)
    challenge = first_step(server, email)["challenge"]
    r = verify(server, challenge)
    assert r.status_code == 422
    signed_in(server, verify(server, challenge, code=code(secret, 1)))
    r = verify(server, challenge, recovery_code=codes[0])
    assert r.status_code == 401 and error_of(r)["reason"] == "mfa_challenge_invalid"
    r = verify(server, "not-a-challenge", code="123456")
    assert r.status_code == 401 and error_of(r)["reason"] == "mfa_challenge_invalid"


def test_mfa_enrol_needs_a_session_or_an_enrolment_challenge(server):
    r = requests.post(server.url + "/api/v1/auth/mfa/totp/enroll", json={})
    assert r.status_code == 401
    r = requests.post(server.url + "/api/v1/auth/mfa/totp/enroll", json={"challenge": "x" * 43})
    assert r.status_code == 401 and error_of(r)["reason"] == "mfa_challenge_invalid"
    c, email = new_user_client(server, create_org(server), "viewer")
    # A session without its CSRF token is refused like any session route.
    r = c.post("/api/v1/auth/mfa/totp/enroll", json={}, csrf=False)
    assert r.status_code == 403
    # A second-step challenge (MFA already on) cannot enrol.
    enrol(c)
    challenge = first_step(server, email)["challenge"]
    r = requests.post(server.url + "/api/v1/auth/mfa/totp/enroll", json={"challenge": challenge})
    assert r.status_code == 401 and error_of(r)["reason"] == "mfa_challenge_invalid"


def test_mfa_required_role_forces_enrolment(server):
    org = create_org(server)
    owner, _ = new_user_client(server, org, "owner")
    email = create_user(server, org, "dispatcher")
    db_exec(server, "UPDATE orgs SET mfa_required_roles = 'admin,dispatcher' WHERE slug = '%s'"
            % org)
    step = first_step(server, email)
    assert step["mfa_enrollment_required"] is True and step["mfa_required"] is False
    challenge = step["challenge"]
    # The challenge only enrols: no second step with it, no session route.
    assert verify(server, challenge, code="123456").status_code == 401
    r = requests.post(server.url + "/api/v1/auth/mfa/totp/enroll", json={"challenge": challenge})
    assert r.status_code == 200, r.text
    secret = r.json()["secret"]
    r = requests.post(server.url + "/api/v1/auth/mfa/totp/confirm",
                      json={"challenge": challenge, "code": code(secret)})
    assert r.status_code == 200, r.text
    assert len(r.json()["recovery_codes"]) == 10
    assert r.json()["session"]["user"]["email"] == email
    c = signed_in(server, r)
    assert c.get("/api/v1/auth/me").json()["mfa_enabled"] is True
    # Spent: the challenge confirms nothing more.
    r = requests.post(server.url + "/api/v1/auth/mfa/totp/enroll", json={"challenge": challenge})
    assert r.status_code == 401
    assert first_step(server, email)["mfa_required"] is True
    # A role outside the list signs in as before.
    assert cookie_value(try_login(server, owner.email, PASSWORD), "__Host-session")


def test_mfa_disable_needs_a_current_code(server):
    c, email = new_user_client(server, create_org(server), "viewer")
    secret, _ = enrol(c)
    r = c.post("/api/v1/auth/mfa/totp/disable", json={"code": code(secret)})  # spent step
    assert r.status_code == 422 and error_of(r)["reason"] == "invalid_code"
    r = c.post("/api/v1/auth/mfa/totp/disable", json={})
    assert r.status_code == 422
    r = c.post("/api/v1/auth/mfa/totp/disable", json={"code": code(secret, 1)})
    assert r.status_code == 204, r.text
    assert c.get("/api/v1/auth/mfa").json() == {"enabled": False, "recovery_codes_left": 0}
    assert cookie_value(try_login(server, email, PASSWORD), "__Host-session")


def test_mfa_password_reset_keeps_mfa(server):
    c, email = new_user_client(server, create_org(server), "viewer")
    secret, _ = enrol(c)
    new_password = "another Basalt Lantern 9182 phrase"
    admin(server, "reset-password", "--email", email, "--password-stdin",
          stdin=new_password + "\n")
    step = first_step(server, email, new_password)
    assert step["mfa_required"] is True
    signed_in(server, verify(server, step["challenge"], code=code(secret, 1)))


@pytest.mark.skipif(not hooks_binary(), reason="bulwark-test-hooks was not built")
def test_step_up_refused_without_fresh_factor_accepted_after_and_expires(make_clock_server):
    s = make_clock_server()
    org = create_org(s)
    owner, _ = new_user_client(s, org, "owner")
    tech, _ = new_user_client(s, org, "technician")
    tech_id = tech.user_id
    change = lambda: owner.patch(f"/api/v1/users/{tech_id}", json={"name": "Tomas"})
    r = change()
    assert r.status_code == 403 and error_of(r)["reason"] == "step_up_required"
    r = owner.post("/api/v1/auth/step-up", json={"password": "not the password"})
    assert r.status_code == 422 and error_of(r)["reason"] == "wrong_password"
    assert change().status_code == 403
    step_up(owner)
    assert change().status_code == 200
    assert "auth.step_up" in actions(owner)
    s.clock.advance(14 * 60)
    assert change().status_code == 200
    s.clock.advance(2 * 60)  # 16 minutes after the step-up
    r = change()
    assert r.status_code == 403 and error_of(r)["reason"] == "step_up_required"


def test_step_up_with_mfa_takes_a_code_not_the_password(server):
    org = create_org(server)
    owner, _ = new_user_client(server, org, "owner")
    tech, _ = new_user_client(server, org, "technician")
    secret, codes = enrol(owner)
    r = owner.post("/api/v1/auth/step-up", json={"password": PASSWORD})
    assert r.status_code == 422 and error_of(r)["reason"] == "mfa_code_required"
    r = owner.post("/api/v1/auth/step-up", json={"code": code(secret)})  # spent by confirm
    assert r.status_code == 422 and error_of(r)["reason"] == "invalid_code"
    r = owner.post("/api/v1/auth/step-up", json={"code": code(secret, 1)})
    assert r.status_code == 200 and r.json()["valid_for_seconds"] == 900
    assert owner.patch(f"/api/v1/users/{tech.user_id}", json={"name": "T"}).status_code == 200
    # A recovery code steps up too, once.
    other, _ = new_user_client(server, org, "owner")
    _, other_codes = enrol(other)
    assert other.post("/api/v1/auth/step-up",
                      json={"recovery_code": other_codes[3]}).status_code == 200
    assert other.post("/api/v1/auth/step-up",
                      json={"recovery_code": other_codes[3]}).status_code == 422


def test_step_up_is_per_session(server):
    org = create_org(server)
    email = create_user(server, org, "owner")
    tech, _ = new_user_client(server, org, "technician")
    a, b = login(server, email), login(server, email)
    step_up(a)
    assert a.patch(f"/api/v1/users/{tech.user_id}", json={"name": "A"}).status_code == 200
    r = b.patch(f"/api/v1/users/{tech.user_id}", json={"name": "B"})
    assert r.status_code == 403 and error_of(r)["reason"] == "step_up_required"
