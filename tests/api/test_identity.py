"""Identity and access (issue 3): sessions, CSRF, passwords, lockout, RBAC, audit."""
import datetime
import hashlib
import json
import os
import subprocess
import time

import pytest
import requests

from fixtures.database import db_exec, db_query
from fixtures.people import (PASSWORD, Client, admin, cookie_value, create_org, create_user,
                             login, new_user_client, step_up, try_login, unique)
from fixtures.server import BIN, PG_URL, error_of


# --- login, me, logout ---

def test_login_returns_user_org_role_and_permissions(server, org):
    email = create_user(server, org, "dispatcher")
    c = login(server, email)
    me = c.get("/api/v1/auth/me")
    assert me.status_code == 200
    body = me.json()
    assert body["user"]["email"] == email
    assert body["org"]["slug"] == org
    assert body["role"] == "dispatcher"
    assert "work_orders.assign" in body["permissions"]
    assert "users.manage" not in body["permissions"]


def test_must_004_session_cookie_flags(server, org):
    email = create_user(server, org, "viewer")
    r = try_login(server, email, PASSWORD)
    cookies = r.raw.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("__Host-session="))
    attrs = [a.strip() for a in session.split(";")]
    assert "HttpOnly" in attrs and "Secure" in attrs and "SameSite=Strict" in attrs
    assert "Path=/" in attrs
    assert not any(a.lower().startswith("domain=") for a in attrs)
    max_age = int(next(a for a in attrs if a.startswith("Max-Age=")).split("=")[1])
    assert 0 < max_age <= 86400
    token = session.split(";")[0].split("=", 1)[1]
    assert len(token) >= 43  # 256 bits, base64url
    csrf = next(c for c in cookies if c.startswith("csrf_token="))
    assert "Secure" in csrf and "SameSite=Strict" in csrf
    assert "HttpOnly" not in csrf  # the web app reads it to echo it


def test_session_token_is_stored_only_as_a_hash(server, org):
    email = create_user(server, org, "viewer")
    c = login(server, email)
    rows = db_query(server, "SELECT token_hash FROM sessions")
    hashes = [r[0] for r in rows]
    assert c.session_token not in hashes
    assert hashlib.sha256(c.session_token.encode()).hexdigest() in hashes


def test_new_token_at_every_login(server, org):
    email = create_user(server, org, "viewer")
    assert login(server, email).session_token != login(server, email).session_token


def test_logout_invalidates_server_side(server, org):
    email = create_user(server, org, "viewer")
    c = login(server, email)
    assert c.get("/api/v1/auth/me").status_code == 200
    r = c.post("/api/v1/auth/logout")
    assert r.status_code == 204
    assert any("Max-Age=0" in h for h in r.raw.headers.getlist("Set-Cookie"))
    replay = c.get("/api/v1/auth/me")  # the old cookie, replayed
    assert replay.status_code == 401


def test_must_010_idle_timeout_expires_session(make_clock_server):
    s = make_clock_server(extra_env={"BULWARK_SESSION_IDLE_TIMEOUT": "2s"})
    o = create_org(s)
    c = login(s, create_user(s, o, "viewer"))
    assert c.get("/api/v1/auth/me").status_code == 200
    s.clock.advance(3)
    assert c.get("/api/v1/auth/me").status_code == 401


def test_expired_sessions_are_purged_from_the_database_by_the_server(make_server):
    """Retention (session tokens 24 h): an expired session's row is deleted by
    the server's own sweep, not only refused at use (issue 10 item 10)."""
    s = make_server(extra_env={"BULWARK_RETENTION_INTERVAL": "300ms"})
    o = create_org(s)
    gone = login(s, create_user(s, o, "viewer"))
    kept = login(s, create_user(s, o, "viewer"))
    gone_id = gone.get("/api/v1/auth/me").json()["user"]["id"]
    kept_id = kept.get("/api/v1/auth/me").json()["user"]["id"]
    db_exec(s, f"UPDATE sessions SET expires_at = 1 WHERE user_id = {int(gone_id)}")
    deadline = time.time() + 10
    while time.time() < deadline and db_query(s, f"SELECT id FROM sessions WHERE user_id = {int(gone_id)}"):
        time.sleep(0.2)
    assert db_query(s, f"SELECT id FROM sessions WHERE user_id = {int(gone_id)}") == []
    assert len(db_query(s, f"SELECT id FROM sessions WHERE user_id = {int(kept_id)}")) == 1
    assert kept.get("/api/v1/auth/me").status_code == 200


def test_must_010_absolute_lifetime_expires_active_session(make_clock_server):
    s = make_clock_server(extra_env={"BULWARK_SESSION_LIFETIME": "3s"})
    o = create_org(s)
    c = login(s, create_user(s, o, "viewer"))
    for _ in range(4):  # busy the whole time: 2 s of requests every half second
        assert c.get("/api/v1/auth/me").status_code == 200
        s.clock.advance(0.5)
    s.clock.advance(1.5)
    assert c.get("/api/v1/auth/me").status_code == 401


def test_session_durations_above_24h_are_refused(tmp_path):
    env = {"PATH": os.environ["PATH"], "BULWARK_DATA_DIR": str(tmp_path),
           "BULWARK_SESSION_IDLE_TIMEOUT": "25h"}
    p = subprocess.run([BIN, "serve"], env=env, capture_output=True, text=True, timeout=20)
    assert p.returncode == 2
    assert "BULWARK_SESSION_IDLE_TIMEOUT" in p.stderr


# --- CSRF ---

def test_csrf_cross_site_origin_and_fetch_metadata_are_refused(server, owner):
    r = owner.post("/api/v1/auth/logout", headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and error_of(r)["reason"] == "csrf_origin_mismatch"
    r = owner.post("/api/v1/auth/logout", headers={"Sec-Fetch-Site": "cross-site"})
    assert r.status_code == 403 and error_of(r)["reason"] == "csrf_cross_site"
    # Login CSRF: a cross-site page cannot log the victim into the attacker's account.
    r = requests.post(server.url + "/api/v1/auth/login", json={"email": "a@b.co", "password": "x"},
                      headers={"Origin": "https://evil.example"})
    assert r.status_code == 403
    assert owner.get("/api/v1/auth/me").status_code == 200  # the session survived


def test_same_origin_mutation_with_token_is_accepted(server, org):
    c = login(server, create_user(server, org, "viewer"))
    r = c.post("/api/v1/auth/logout", headers={"Origin": server.url,
                                               "Sec-Fetch-Site": "same-origin"})
    assert r.status_code == 204


# --- passwords ---

def test_must_009_stored_hash_is_bcrypt_cost_12_or_more(server, org):
    # A password of its own: the server hashes it (the shared PASSWORD is
    # imported as a ready hash by the fixtures).
    password = "server-hashed Juniper Anvil 58 dune"
    email = create_user(server, org, "viewer", password=password)
    (stored,) = db_query(server, f"SELECT password_hash FROM accounts WHERE email = '{email}'")[0]
    assert stored.startswith("$2b$")
    assert int(stored[4:6]) >= 12
    assert try_login(server, email, password).status_code == 200


def test_must_009_an_imported_hash_must_be_bcrypt_cost_12_or_more(server, org):
    email = f"{unique('imported')}@example.com"
    cheap = "$2b$10$" + "a" * 53
    for bad in (cheap, "$1$abc$def", "plain text password", "$2b$12$short"):
        p = admin(server, "create-user", "--org", org, "--email", email, "--role", "viewer",
                  "--password-hash-stdin", stdin=bad + "\n", check=False)
        assert p.returncode != 0 and "cost 12" in p.stderr, p.stderr
        assert bad not in p.stderr and bad not in p.stdout  # never echoed
    assert try_login(server, email, PASSWORD).status_code == 401  # nothing was created
    create_user(server, org, "viewer", email=email)  # the fixtures' imported cost-12 hash
    assert try_login(server, email, PASSWORD).status_code == 200


def test_bcrypt_cost_below_12_is_refused_by_config(tmp_path):
    env = {"PATH": os.environ["PATH"], "BULWARK_DATA_DIR": str(tmp_path), "BULWARK_BCRYPT_COST": "10"}
    p = subprocess.run([BIN, "serve"], env=env, capture_output=True, text=True, timeout=20)
    assert p.returncode == 2 and "BULWARK_BCRYPT_COST" in p.stderr


def test_hash_is_upgraded_at_login_when_cost_was_raised(make_server):
    s = make_server()
    o = create_org(s)
    email = create_user(s, o, "viewer")
    s.stop()
    s2 = make_server(extra_env={"BULWARK_BCRYPT_COST": "13"}, data_dir=s.data_dir)
    login(s2, email)
    (stored,) = db_query(s2, f"SELECT password_hash FROM accounts WHERE email = '{email}'")[0]
    assert stored.startswith("$2b$13$")


@pytest.mark.parametrize("new_password,reason", [
    ("short-pw", "too_short"),
    ("x" * 73, "too_long"),
    ("é" * 40, "too_long"),  # 80 bytes in UTF-8, 40 characters
    ("password1234", "too_guessable"),
    ("qwertyuiopasdf", "too_guessable"),
])
def test_weak_or_overlong_passwords_are_refused(server, org, new_password, reason):
    c = login(server, create_user(server, org, "viewer"))
    r = c.post("/api/v1/auth/password", json={"current_password": PASSWORD,
                                              "new_password": new_password})
    assert r.status_code == 400
    e = error_of(r)
    assert e["reason"] == reason
    assert "new_password" in e["fields"]


def test_password_change_needs_current_and_ends_other_sessions(server, org):
    email = create_user(server, org, "viewer")
    a, b = login(server, email), login(server, email)
    wrong = a.post("/api/v1/auth/password", json={"current_password": "nope nope nope",
                                                  "new_password": "another Granite Kettle 77"})
    assert wrong.status_code == 400 and "current_password" in error_of(wrong)["fields"]
    r = a.post("/api/v1/auth/password", json={"current_password": PASSWORD,
                                              "new_password": "another Granite Kettle 77"})
    assert r.status_code == 200
    assert b.get("/api/v1/auth/me").status_code == 401  # the other session ended
    assert a.get("/api/v1/auth/me").status_code == 401  # the old token of this one too
    fresh = Client(server, cookie_value(r, "__Host-session"), cookie_value(r, "csrf_token"))
    assert fresh.get("/api/v1/auth/me").status_code == 200
    assert try_login(server, email, PASSWORD).status_code == 401
    assert try_login(server, email, "another Granite Kettle 77").status_code == 200


# --- credential stuffing ---

def comparable(r):
    e = r.json()["error"]
    e.pop("request_id")
    return r.status_code, e


def test_no_enumeration_same_answer_for_unknown_wrong_locked_deactivated(make_server):
    s = make_server(extra_env={"BULWARK_LOCKOUT_FAILURES": "3"})
    o = create_org(s)
    known = create_user(s, o, "viewer")
    locked = create_user(s, o, "viewer")
    for _ in range(3):
        try_login(s, locked, "wrong password here")
    gone = create_user(s, o, "viewer")
    admin(s, "deactivate-user", "--email", gone)
    answers = [comparable(try_login(s, "nobody-" + unique("x") + "@example.com", PASSWORD)),
               comparable(try_login(s, known, "wrong password here")),
               comparable(try_login(s, locked, PASSWORD)),  # right password, locked account
               comparable(try_login(s, gone, PASSWORD))]
    assert all(a == answers[0] for a in answers), answers
    assert answers[0][0] == 401


def test_unknown_email_costs_about_the_same_time_as_wrong_password(server, org):
    email = create_user(server, org, "viewer")
    def timed(e):
        start = time.monotonic()
        try_login(server, e, "wrong password here")
        return time.monotonic() - start
    known = min(timed(email) for _ in range(3))
    unknown = min(timed(unique("ghost") + "@example.com") for _ in range(3))
    assert unknown > 0.5 * known  # both pay for a bcrypt-12 verification


def test_lockout_after_n_failures_then_ends_and_doubles(make_clock_server):
    s = make_clock_server(extra_env={"BULWARK_LOCKOUT_FAILURES": "3",
                                     "BULWARK_LOCKOUT_DURATION": "2s"})
    o = create_org(s)
    email = create_user(s, o, "viewer")
    for _ in range(3):
        assert try_login(s, email, "wrong password here").status_code == 401
    assert try_login(s, email, PASSWORD).status_code == 401  # locked
    s.clock.advance(2.5)
    assert try_login(s, email, PASSWORD).status_code == 200  # lock ended, success clears history
    for _ in range(3):
        try_login(s, email, "wrong password here")
    s.clock.advance(2.5)
    assert try_login(s, email, PASSWORD).status_code == 200  # first lock again: 2 s
    # Two locks without a success in between: the second lasts twice as long.
    for _ in range(3):
        try_login(s, email, "wrong password here")
    s.clock.advance(2.5)
    for _ in range(3):
        try_login(s, email, "wrong password here")
    s.clock.advance(2.5)
    assert try_login(s, email, PASSWORD).status_code == 401  # 4 s lock still running
    s.clock.advance(2.0)
    assert try_login(s, email, PASSWORD).status_code == 200


def test_auth_routes_are_rate_limited_per_ip_with_retry_after(make_server):
    s = make_server(extra_env={"BULWARK_RATE_AUTH_PER_MINUTE": "5"})
    codes = [try_login(s, "x@example.com", "y").status_code for _ in range(7)]
    assert codes[:5] == [401] * 5
    r = try_login(s, "x@example.com", "y")
    assert r.status_code == 429
    assert int(r.headers["Retry-After"]) >= 1
    assert error_of(r)["code"] == "rate_limited"


def test_failed_logins_per_ip_are_limited_across_accounts(make_server):
    s = make_server(extra_env={"BULWARK_IP_FAILURE_LIMIT": "4"})
    try:
        for i in range(4):
            try_login(s, f"victim{i}@example.com", "guess guess guess")
        r = try_login(s, "victim9@example.com", "guess guess guess")
        assert r.status_code == 429
        assert error_of(r)["reason"] == "login_rate_limited"
        assert int(r.headers["Retry-After"]) > 0
    finally:
        # The lock lives in the database; on the shared test PostgreSQL it
        # would also lock 127.0.0.1 out of every later test's server.
        db_exec(s, "DELETE FROM login_throttle WHERE key LIKE 'ip:%'")


# --- input validation on the auth API ---

@pytest.mark.parametrize("body,headers,status,code", [
    (b'{"email": "a@b.co", "password": ', {"Content-Type": "application/json"}, 400, "invalid_json"),
    (b'{"email": "a@b.co", "password": "\xff\xfe"}', {"Content-Type": "application/json"}, 400,
     "invalid_utf8"),
    (b'email=a&password=b', {"Content-Type": "application/x-www-form-urlencoded"}, 415,
     "unsupported_media_type"),
    (b'{"email": "a@b.co", "password": "x", "admin": true}', {"Content-Type": "application/json"},
     400, "validation_failed"),
    (b'{"email": 42, "password": ["x"]}', {"Content-Type": "application/json"}, 400,
     "validation_failed"),
    (b'[]', {"Content-Type": "application/json"}, 400, "invalid_json"),
])
def test_must_003_login_input_is_validated(server, body, headers, status, code):
    r = requests.post(server.url + "/api/v1/auth/login", data=body, headers=headers)
    assert r.status_code == status, r.text
    assert error_of(r)["code"] == code
    assert requests.get(server.url + "/health").status_code == 200


# --- users API and roles ---

def test_users_api_list_change_role_deactivate(server, org, owner):
    # Adding a user is an invitation (tests/api/test_invitations.py): the
    # account here comes from the admin CLI.
    tech, email = new_user_client(server, org, "technician")
    user = tech.get("/api/v1/auth/me").json()["user"]
    listing = owner.get("/api/v1/users?limit=200").json()
    assert any(u["id"] == user["id"] for u in listing["items"])
    assert all("initial_password" not in u and "password_hash" not in u for u in listing["items"])

    step_up(owner)
    r = owner.patch(f"/api/v1/users/{user['id']}", json={"role": "dispatcher"})
    assert r.status_code == 200 and r.json()["role"] == "dispatcher"
    assert tech.get("/api/v1/auth/me").status_code == 401  # privilege change: log in again

    tech = login(server, email)
    r = owner.patch(f"/api/v1/users/{user['id']}", json={"active": False})
    assert r.status_code == 200 and r.json()["active"] is False
    assert tech.get("/api/v1/auth/me").status_code == 401  # deactivation ends sessions at once
    assert try_login(server, email, PASSWORD).status_code == 401


def test_existing_email_is_202_like_any_other_ISSUE14_4(server, org, owner):
    # Was 409 email_taken, which told any admin that an address had an
    # account somewhere (issue 14 item 4): now the same 202 as a new address.
    taken = create_user(server, create_org(server), "viewer")
    r = owner.post("/api/v1/users", json={"email": taken, "role": "viewer"})
    fresh = owner.post("/api/v1/users", json={"email": unique("f") + "@example.com",
                                              "role": "viewer"})
    assert r.status_code == fresh.status_code == 202, r.text
    assert set(r.json()["invitation"]) == set(fresh.json()["invitation"])
    r = owner.post("/api/v1/users", json={"email": unique("p") + "@example.com", "role": "viewer",
                                         "password": PASSWORD})
    assert r.status_code == 400  # no password from the inviter any more: the invitee sets it


def test_admin_cannot_create_or_change_owners(server, org, owner):
    adm, _ = new_user_client(server, org, "admin")
    r = adm.post("/api/v1/users", json={"email": unique("o") + "@example.com", "role": "owner"})
    assert r.status_code == 403 and error_of(r)["reason"] == "rank_exceeded"
    owner_id = owner.get("/api/v1/auth/me").json()["user"]["id"]
    r = step_up(adm).patch(f"/api/v1/users/{owner_id}", json={"active": False})
    assert r.status_code == 403 and error_of(r)["reason"] != "step_up_required"


def test_last_owner_cannot_be_demoted(server):
    o = create_org(server)
    c, _ = new_user_client(server, o, "owner")
    me = c.get("/api/v1/auth/me").json()["user"]["id"]
    second, _ = new_user_client(server, o, "owner")
    r = step_up(second).patch(f"/api/v1/users/{me}", json={"role": "admin"})
    assert r.status_code == 200  # two owners: fine
    r = c.get("/api/v1/auth/me")
    assert r.status_code == 401  # demoted: sessions ended
    second_id = second.get("/api/v1/auth/me").json()["user"]["id"]
    r = second.patch(f"/api/v1/users/{second_id}", json={"role": "admin"})
    assert r.status_code == 403  # cannot change own role (and would leave no owner)


def test_another_orgs_user_is_404(server, owner):
    other_org = create_org(server)
    other_owner, _ = new_user_client(server, other_org, "owner")
    other_id = other_owner.get("/api/v1/auth/me").json()["user"]["id"]
    r = step_up(owner).patch(f"/api/v1/users/{other_id}", json={"role": "viewer"})
    assert r.status_code == 404
    r = owner.post(f"/api/v1/users/{other_id}/revoke-sessions")
    assert r.status_code == 404
    assert other_owner.get("/api/v1/auth/me").status_code == 200
    listing = owner.get("/api/v1/users?limit=200").json()["items"]
    assert all(u["id"] != other_id for u in listing)


def test_revoke_sessions_api_and_cli(server, org, owner):
    c, email = new_user_client(server, org, "viewer")
    uid = c.get("/api/v1/auth/me").json()["user"]["id"]
    r = owner.post(f"/api/v1/users/{uid}/revoke-sessions")
    assert r.status_code == 200 and r.json()["sessions_ended"] >= 1
    assert c.get("/api/v1/auth/me").status_code == 401
    c = login(server, email)
    out = admin(server, "revoke-sessions", "--user", email).stdout
    assert "sessions ended" in out
    assert c.get("/api/v1/auth/me").status_code == 401


def test_org_wide_revocation(server):
    o = create_org(server)
    boss, _ = new_user_client(server, o, "owner")
    worker, _ = new_user_client(server, o, "technician")
    r = step_up(boss).post("/api/v1/org/revoke-sessions")
    assert r.status_code == 200 and r.json()["sessions_ended"] >= 2
    assert worker.get("/api/v1/auth/me").status_code == 401
    assert boss.get("/api/v1/auth/me").status_code == 401


# --- audit log ---

def test_audit_log_records_logins_and_changes_without_values(server, owner):
    o = create_org(server)
    boss, boss_email = new_user_client(server, o, "owner")
    try_login(server, boss_email, "wrong password here")
    r = boss.post("/api/v1/users", json={"email": unique("v") + "@example.com", "role": "viewer",
                                        "name": "Val Secretname"})
    assert r.status_code == 202
    entries = boss.get("/api/v1/audit?limit=200").json()["items"]
    actions = [(e["action"], e["outcome"]) for e in entries]
    assert ("auth.login", "success") in actions
    assert ("auth.login", "failure") in actions
    created = next(e for e in entries if e["action"] == "invitation.created")
    assert set(created["fields"]) >= {"email", "role"}
    text = json.dumps(entries)
    assert "Secretname" not in text and "wrong password" not in text
    assert all(e["ip"] for e in entries if e["actor_type"] == "user")


def test_users_and_audit_times_are_rfc3339_like_every_view(server, org, owner):
    # Issue 11: one time format everywhere (users' created_at and the audit
    # log's `at` were epoch milliseconds before 0.3).
    before = time.time()
    _, email = new_user_client(server, org, "viewer")
    r = owner.post("/api/v1/users", json={"email": unique("t") + "@example.com", "role": "viewer"})
    assert r.status_code == 202, r.text
    invitation = r.json()["invitation"]
    assert invitation["expires_at"].endswith("Z")  # 72 h ahead: checked for its form only
    times = [i["created_at"] for i in owner.get("/api/v1/invitations").json()["items"]
             if i["id"] == invitation["id"]]
    listing = owner.get("/api/v1/users?limit=200").json()["items"]
    times += [u["created_at"] for u in listing if u["email"] == email]
    times += [e["at"] for e in owner.get("/api/v1/audit?limit=5").json()["items"]]
    assert len(times) >= 3
    for t in times:
        assert isinstance(t, str) and t.endswith("Z"), t
        stamp = datetime.datetime.fromisoformat(t.replace("Z", "+00:00")).timestamp()
        assert before - 600 < stamp < time.time() + 5


def test_audit_filters_pagination_and_permissions(server):
    o = create_org(server)
    boss, email = new_user_client(server, o, "owner")
    for _ in range(3):
        try_login(server, email, "wrong password here")
    failures = boss.get("/api/v1/audit?action=auth.login&outcome=failure").json()["items"]
    assert len(failures) == 3 and all(e["outcome"] == "failure" for e in failures)
    page1 = boss.get("/api/v1/audit?limit=2").json()
    assert len(page1["items"]) == 2 and page1["next_before"]
    page2 = boss.get(f"/api/v1/audit?limit=2&before={page1['next_before']}").json()
    assert page2["items"][0]["seq"] < page1["items"][-1]["seq"]
    prefix = boss.get("/api/v1/audit?action=auth.").json()["items"]
    assert prefix and all(e["action"].startswith("auth.") for e in prefix)
    assert boss.get("/api/v1/audit?bogus=1").status_code == 400
    assert boss.get("/api/v1/audit?limit=abc").status_code == 400
    tech, _ = new_user_client(server, o, "technician")
    assert tech.get("/api/v1/audit").status_code == 403


def test_audit_verify_detects_edited_and_deleted_rows(make_server):
    s = make_server()
    o = create_org(s)
    c, email = new_user_client(s, o, "owner")
    for _ in range(3):
        try_login(s, email, "wrong password here")
    assert admin(s, "audit", "verify").returncode == 0
    # An attacker with database access removes the append-only guard and edits a row.
    if PG_URL:
        db_exec(s, "ALTER TABLE audit_log DISABLE TRIGGER USER")
    else:
        db_exec(s, "DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;")
    (org_id,) = db_query(s, f"SELECT id FROM orgs WHERE slug = '{o}'")[0]
    (original,) = db_query(s, f"SELECT outcome FROM audit_log WHERE org_id = {org_id} AND seq = 3")[0]
    db_exec(s, f"UPDATE audit_log SET outcome = 'tampered' WHERE org_id = {org_id} AND seq = 3")
    p = admin(s, "audit", "verify", check=False)
    assert p.returncode == 1
    assert "seq 3" in p.stdout and "edited" in p.stdout
    # Restore it: intact again; then delete a row: the gap is named.
    db_exec(s, f"UPDATE audit_log SET outcome = '{original}' WHERE org_id = {org_id} AND seq = 3")
    assert admin(s, "audit", "verify", check=False).returncode == 0
    db_exec(s, f"DELETE FROM audit_log WHERE org_id = {org_id} AND seq = 2")
    p = admin(s, "audit", "verify", check=False)
    assert p.returncode == 1 and "seq 2" in p.stdout and "deleted" in p.stdout
    if PG_URL:
        db_exec(s, "ALTER TABLE audit_log ENABLE TRIGGER USER")


def test_audit_log_is_append_only_in_the_database(server, owner):
    with pytest.raises(Exception):
        db_exec(server, "UPDATE audit_log SET outcome = 'x'")
    with pytest.raises(Exception):
        db_exec(server, "DELETE FROM audit_log")


# --- two instances on one PostgreSQL ---

@pytest.mark.skipif(not PG_URL, reason="sharing needs PostgreSQL")
def test_sessions_and_lockouts_shared_by_two_instances(make_server):
    a = make_server(extra_env={"BULWARK_LOCKOUT_FAILURES": "4"})
    b = make_server(extra_env={"BULWARK_LOCKOUT_FAILURES": "4"})
    o = create_org(a)
    email = create_user(a, o, "viewer")
    c = login(a, email)
    on_b = Client(b, c.session_token, c.csrf_token)
    assert on_b.get("/api/v1/auth/me").status_code == 200  # a session from A works on B
    assert on_b.post("/api/v1/auth/logout").status_code == 204
    assert c.get("/api/v1/auth/me").status_code == 401  # logout on B ends it on A
    for server in (a, b, a, b):  # failures split over both instances
        try_login(server, email, "wrong password here")
    assert try_login(a, email, PASSWORD).status_code == 401
    assert try_login(b, email, PASSWORD).status_code == 401
