"""The organization's security policy (issue 15 items 2, 5 and 7): session
lifetimes an owner can shorten (never lengthen past the server's 24 h), the IP
allowlist applied after authentication to every session through the trusted
proxy only, the email domains new members may have, the operator's way back
in for a locked-out owner, and a person's own session list."""
import http.client

import pytest
import requests

from fixtures.clock import hooks_binary
from fixtures.people import PASSWORD, admin, create_org, create_user, login, \
    new_user_client, step_up, try_login, unique
from fixtures.server import Server, error_of

PROXY_ENV = {"BULWARK_TRUSTED_PROXY": "127.0.0.1"}


@pytest.fixture(scope="module")
def server():
    s = Server(extra_env=PROXY_ENV)
    yield s
    s.stop()


def fresh_owner(server):
    org = create_org(server)
    return org, new_user_client(server, org, "owner")[0]


def from_ip(ip):
    return {"X-Forwarded-For": ip}


def put_policy(client, body, ip=None):
    """A policy change is a step_up route: a fresh factor first (the password,
    for these people without MFA), from the same address."""
    headers = from_ip(ip) if ip else None
    r = client.post("/api/v1/auth/step-up", json={"password": PASSWORD}, headers=headers)
    assert r.status_code == 200, r.text
    return client.put("/api/v1/org/security", json=body, headers=headers)


def audit_actions(client, prefix, ip=None):
    r = client.get(f"/api/v1/audit?action={prefix}", headers=from_ip(ip) if ip else None)
    assert r.status_code == 200, r.text
    return [e["action"] for e in r.json()["items"]]


# --- item 2: session lifetimes ------------------------------------------------

def test_owner_reads_the_policy_with_the_servers_limits_and_their_own_address(server):
    _, owner = fresh_owner(server)
    r = owner.get("/api/v1/org/security", headers=from_ip("203.0.113.9"))
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["session_idle_minutes"] is None and body["session_lifetime_minutes"] is None
    assert body["server_idle_minutes"] == 1440 and body["server_lifetime_minutes"] == 1440
    assert body["ip_allowlist"] == [] and body["allowed_email_domains"] == []
    assert body["your_ip"] == "203.0.113.9"  # through the trusted proxy


def test_session_policy_presets_are_saved_audited_and_cleared_with_null(server):
    _, owner = fresh_owner(server)
    # OWASP ASVS 4.0.3 L2 §3.3: 30 minutes idle, 12 hours absolute.
    r = put_policy(owner, {"session_idle_minutes": 30, "session_lifetime_minutes": 720})
    assert r.status_code == 200, r.text
    assert r.json()["session_idle_minutes"] == 30 and r.json()["session_lifetime_minutes"] == 720
    assert "org.security_policy_changed" in audit_actions(owner, "org.security_policy_changed")
    # A member left out keeps its value; null puts it back to the server's.
    r = put_policy(owner, {"session_idle_minutes": None})
    assert r.json()["session_idle_minutes"] is None and r.json()["session_lifetime_minutes"] == 720


def test_an_organization_cannot_lengthen_sessions_past_the_server(make_server):
    s = make_server(extra_env={"BULWARK_SESSION_LIFETIME": "8h"})
    owner = new_user_client(s, create_org(s), "owner")[0]
    r = put_policy(owner, {"session_lifetime_minutes": 600})
    assert r.status_code == 422 and error_of(r)["reason"] == "longer_than_server", r.text
    assert "480" in error_of(r)["message"]
    r = put_policy(owner, {"session_idle_minutes": 100000})  # outside 5..1440 at all
    assert r.status_code == 400 and error_of(r)["code"] == "validation_failed", r.text
    assert owner.get("/api/v1/org/security").json()["session_lifetime_minutes"] is None


@pytest.mark.parametrize("body", [
    {"ip_allowlist": "10.0.0.0/8"},            # not a list
    {"ip_allowlist": ["10.0.0.1/8"]},          # host bits set
    {"ip_allowlist": ["example.com"]},
    {"allowed_email_domains": ["not a domain"]},
    {"session_idle_minutes": "30"},
    {"mystery": True},
])
def test_malformed_policies_are_refused_and_change_nothing(server, body):
    _, owner = fresh_owner(server)
    before = owner.get("/api/v1/org/security").json()
    r = put_policy(owner, body)
    assert 400 <= r.status_code < 500 and r.status_code != 404, r.text
    assert error_of(r)["code"] == "validation_failed"
    assert owner.get("/api/v1/org/security").json() == before


def test_only_an_owner_changes_the_policy_and_admins_may_read_it(server):
    org, owner = fresh_owner(server)
    admin_client = new_user_client(server, org, "admin")[0]
    assert admin_client.get("/api/v1/org/security").status_code == 200
    r = put_policy(admin_client, {"session_idle_minutes": 30})
    assert r.status_code == 403 and error_of(r)["reason"] == "owner_required", r.text
    tech = new_user_client(server, org, "technician")[0]
    assert tech.get("/api/v1/org/security").status_code == 403


@pytest.mark.skipif(not hooks_binary(), reason="bulwark-test-hooks was not built")
def test_a_shorter_lifetime_ends_existing_sessions_at_their_next_request(make_clock_server):
    s = make_clock_server()
    org = create_org(s)
    owner = new_user_client(s, org, "owner")[0]
    other = new_user_client(s, org, "dispatcher")[0]  # signed in before the change
    assert put_policy(owner, {"session_lifetime_minutes": 60}).status_code == 200
    s.clock.advance(50 * 60)
    assert other.get("/api/v1/auth/me").status_code == 200
    s.clock.advance(11 * 60)
    assert other.get("/api/v1/auth/me").status_code == 401
    assert owner.get("/api/v1/auth/me").status_code == 401


@pytest.mark.skipif(not hooks_binary(), reason="bulwark-test-hooks was not built")
def test_a_shorter_idle_timeout_applies_to_sessions_already_open(make_clock_server):
    s = make_clock_server()
    org = create_org(s)
    owner = new_user_client(s, org, "owner")[0]
    other = new_user_client(s, org, "viewer")[0]
    assert put_policy(owner, {"session_idle_minutes": 30}).status_code == 200
    s.clock.advance(29 * 60)
    assert other.get("/api/v1/auth/me").status_code == 200  # activity keeps it alive
    s.clock.advance(29 * 60)
    assert other.get("/api/v1/auth/me").status_code == 200
    s.clock.advance(31 * 60)
    assert other.get("/api/v1/auth/me").status_code == 401


def test_new_session_cookies_last_no_longer_than_the_organizations_lifetime(server):
    org, owner = fresh_owner(server)
    email = create_user(server, org, "viewer")
    assert put_policy(owner, {"session_lifetime_minutes": 90}).status_code == 200
    r = requests.post(server.url + "/api/v1/auth/login", json={"email": email, "password": PASSWORD})
    assert r.status_code == 200, r.text
    cookies = r.raw.headers.getlist("Set-Cookie")
    session = next(c for c in cookies if c.startswith("__Host-session="))
    assert "Max-Age=5400" in session, session


# --- item 5: IP allowlists ----------------------------------------------------

def test_allowlist_admits_listed_ipv4_and_ipv6_networks_through_the_trusted_proxy(server):
    _, owner = fresh_owner(server)
    r = put_policy(owner, {"ip_allowlist": ["203.0.113.0/24", "2001:db8:1234::/48"]},
                   ip="203.0.113.5")
    assert r.status_code == 200, r.text
    assert r.json()["ip_allowlist"] == ["203.0.113.0/24", "2001:db8:1234::/48"]
    for ip in ["203.0.113.200", "2001:db8:1234:9::1", "::ffff:203.0.113.7"]:
        assert owner.get("/api/v1/auth/me", headers=from_ip(ip)).status_code == 200, ip
    for ip in ["198.51.100.1", "2001:db8:1235::1", "::ffff:198.51.100.1"]:
        r = owner.get("/api/v1/auth/me", headers=from_ip(ip))
        assert r.status_code == 403 and error_of(r)["reason"] == "ip_not_allowed", ip
    # Every refusal is audited, with the address it came from.
    r = owner.get("/api/v1/audit?action=auth.ip_refused", headers=from_ip("203.0.113.5"))
    refused = r.json()["items"]
    assert len(refused) == 3 and {e["outcome"] for e in refused} == {"denied"}


def test_an_allowlist_that_leaves_out_the_owners_own_address_is_refused(server):
    _, owner = fresh_owner(server)
    r = put_policy(owner, {"ip_allowlist": ["198.51.100.0/24"]}, ip="203.0.113.5")
    assert r.status_code == 422 and error_of(r)["reason"] == "would_lock_out_self", r.text
    assert "203.0.113.5" in error_of(r)["message"]
    assert owner.get("/api/v1/org/security").json()["ip_allowlist"] == []
    # An empty list lifts the rule.
    assert put_policy(owner, {"ip_allowlist": ["203.0.113.5"]}, ip="203.0.113.5").status_code == 200
    r = put_policy(owner, {"ip_allowlist": []}, ip="203.0.113.5")
    assert r.status_code == 200 and r.json()["ip_allowlist"] == []
    assert owner.get("/api/v1/auth/me", headers=from_ip("198.51.100.1")).status_code == 200


def test_the_allowlist_binds_every_member_not_only_the_owner(server):
    org, owner = fresh_owner(server)
    tech = new_user_client(server, org, "technician")[0]
    elsewhere = new_user_client(server, create_org(server), "technician")[0]
    assert put_policy(owner, {"ip_allowlist": ["203.0.113.0/24"]},
                      ip="203.0.113.5").status_code == 200
    r = tech.get("/api/v1/work-orders", headers=from_ip("198.51.100.1"))
    assert r.status_code == 403 and error_of(r)["reason"] == "ip_not_allowed"
    # Another organization's members are not bound by it.
    assert elsewhere.get("/api/v1/work-orders", headers=from_ip("198.51.100.1")).status_code == 200


def test_a_forwarded_for_header_from_anyone_but_the_trusted_proxy_is_ignored(make_server):
    s = make_server()  # no trusted proxy: the socket's address is the client's
    owner = new_user_client(s, create_org(s), "owner")[0]
    assert put_policy(owner, {"ip_allowlist": ["127.0.0.1"]}).status_code == 200
    # From 127.0.0.2, claiming to be 127.0.0.1: refused on the real address.
    conn = http.client.HTTPConnection("127.0.0.1", s.port, timeout=10,
                                      source_address=("127.0.0.2", 0))
    conn.request("GET", "/api/v1/auth/me", headers=owner.headers(from_ip("127.0.0.1")))
    r = conn.getresponse()
    assert r.status == 403 and b"ip_not_allowed" in r.read()
    conn.close()
    assert owner.get("/api/v1/auth/me").status_code == 200


def test_an_operator_lets_a_locked_out_owner_back_in_from_the_server(server):
    org, owner = fresh_owner(server)
    assert put_policy(owner, {"ip_allowlist": ["203.0.113.0/24"]},
                      ip="203.0.113.5").status_code == 200
    # The office moved: the owner is outside.
    assert owner.get("/api/v1/auth/me", headers=from_ip("198.51.100.7")).status_code == 403
    p = admin(server, "security", "allow-ip", "--org", org, "198.51.100.0/24")
    assert "198.51.100.0/24" in p.stdout
    assert owner.get("/api/v1/auth/me", headers=from_ip("198.51.100.7")).status_code == 200
    assert "org.ip_allowed" in audit_actions(owner, "org.ip_allowed", ip="198.51.100.7")
    bad = admin(server, "security", "allow-ip", "--org", org, "198.51.100.7/8", check=False)
    assert bad.returncode != 0 and "did you mean 198.0.0.0/8" in bad.stderr


# --- item 2: new members' email domains --------------------------------------

def test_new_members_must_have_an_address_in_the_allowed_domains(server):
    _, owner = fresh_owner(server)
    r = put_policy(owner, {"allowed_email_domains": ["Example.COM", "@septic.example"]})
    assert r.status_code == 200, r.text
    assert r.json()["allowed_email_domains"] == ["example.com", "septic.example"]
    r = owner.post("/api/v1/users", json={"email": f"{unique('x')}@gmail.com", "role": "viewer"})
    assert r.status_code == 422 and error_of(r)["reason"] == "email_domain_not_allowed", r.text
    r = owner.post("/api/v1/users",
                   json={"email": f"{unique('x')}@septic.example", "role": "viewer"})
    assert r.status_code == 202, r.text


# --- item 7: one's own sessions ----------------------------------------------

def test_a_person_sees_and_ends_their_own_sessions_only(server):
    org = create_org(server)
    email = create_user(server, org, "dispatcher")
    phone, laptop = login(server, email), login(server, email)
    colleague = new_user_client(server, org, "dispatcher")[0]
    items = phone.get("/api/v1/auth/sessions").json()["items"]
    assert len(items) == 2
    assert [i["current"] for i in items].count(True) == 1
    mine = next(i for i in items if i["current"])
    other = next(i for i in items if not i["current"])
    assert mine["ip"] == "127.0.0.1" and mine["signed_in_at"].endswith("Z")
    # A colleague's session is not theirs to end: 404, like any other object.
    theirs = colleague.get("/api/v1/auth/sessions").json()["items"][0]["id"]
    r = phone.request("DELETE", f"/api/v1/auth/sessions/{theirs}")
    assert r.status_code == 404
    assert colleague.get("/api/v1/auth/me").status_code == 200
    r = phone.request("DELETE", f"/api/v1/auth/sessions/{other['id']}")
    assert r.status_code == 204
    assert laptop.get("/api/v1/auth/me").status_code == 401
    assert phone.get("/api/v1/auth/me").status_code == 200


def test_sign_out_everywhere_else_keeps_this_session(server):
    org = create_org(server)
    email = create_user(server, org, "technician")
    here, *others = [login(server, email) for _ in range(3)]
    r = here.post("/api/v1/auth/sessions/sign-out-others")
    assert r.status_code == 200 and r.json()["sessions_ended"] == 2, r.text
    assert all(o.get("/api/v1/auth/me").status_code == 401 for o in others)
    assert here.get("/api/v1/auth/me").status_code == 200
    assert len(here.get("/api/v1/auth/sessions").json()["items"]) == 1


def test_a_policy_change_needs_a_fresh_factor(server):
    _, owner = fresh_owner(server)
    r = owner.put("/api/v1/org/security", json={"session_idle_minutes": 30})
    assert r.status_code == 403 and error_of(r)["reason"] == "step_up_required", r.text
    assert owner.get("/api/v1/org/security").json()["session_idle_minutes"] is None


def test_owners_require_two_step_sign_in_for_chosen_roles(server):
    org, owner = fresh_owner(server)
    email = create_user(server, org, "dispatcher")
    r = put_policy(owner, {"mfa_required_roles": ["dispatcher", "Admin", "dispatcher"]})
    assert r.status_code == 200, r.text
    assert r.json()["mfa_required_roles"] == ["dispatcher", "admin"]
    assert "mfa_required_roles" in owner.get(
        "/api/v1/audit?action=org.security_policy_changed").json()["items"][0]["fields"]
    # The dispatcher's next sign-in enrols them before any session opens.
    r = try_login(server, email, PASSWORD)
    assert r.status_code == 200 and r.json().get("mfa_enrollment_required") is True, r.text
    assert "__Host-session" not in r.headers.get("Set-Cookie", "")
    r = put_policy(owner, {"mfa_required_roles": ["janitor"]})
    assert r.status_code == 400 and "mfa_required_roles" in error_of(r)["fields"], r.text


def test_the_organizations_allowlist_binds_its_api_clients_too(server):
    from authlib.integrations.requests_client import OAuth2Session
    _, owner = fresh_owner(server)
    r = owner.post("/api/v1/api-clients", json={"name": "Accounting sync", "role": "viewer",
                                                "scopes": ["work_orders:read"], "purpose": "t"})
    assert r.status_code == 201, r.text
    client = r.json()
    session = OAuth2Session(client["client_id"], client["client_secret"],
                            token_endpoint_auth_method="client_secret_basic")
    token = session.fetch_token(server.url + "/oauth/token", grant_type="client_credentials",
                                headers=from_ip("203.0.113.40"))["access_token"]
    assert put_policy(owner, {"ip_allowlist": ["203.0.113.0/24"]},
                      ip="203.0.113.5").status_code == 200
    auth = {"Authorization": "Bearer " + token}
    inside = requests.get(server.url + "/api/v1/work-orders",
                          headers={**auth, **from_ip("203.0.113.40")}, timeout=30)
    assert inside.status_code == 200, inside.text
    outside = requests.get(server.url + "/api/v1/work-orders",
                           headers={**auth, **from_ip("198.51.100.40")}, timeout=30)
    assert outside.status_code == 403 and error_of(outside)["reason"] == "ip_not_allowed"
    refused = owner.get("/api/v1/audit?action=auth.ip_refused",
                        headers=from_ip("203.0.113.5")).json()["items"][0]
    assert refused["actor_type"] == "api_client"
    assert refused["actor_name"] == "API client Accounting sync"
