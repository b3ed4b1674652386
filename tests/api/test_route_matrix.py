"""The route matrix: every route of the server's own table, tried without
credentials, with an expired session, with another organization's session,
with each role the server's permission table refuses, and (for cookie
sessions) without a valid CSRF token. A route added to the table is covered
here without a line of test code."""
import pytest
import requests

from fixtures.people import create_org, login, new_user_client, step_up
from fixtures.routes import (all_routes, concrete, mutating_session_routes, role_has, roles,
                             roles_lacking, route_id, session_routes)
from fixtures.server import error_of


def test_must_001_non_public_route_requires_authentication(server):
    """Every route in the table that is not declared public answers 401 without credentials."""
    routes = all_routes()
    public = {(r["method"], r["pattern"]) for r in routes if r["auth"] == "public"}
    # Only liveness, readiness, the web app shell (and later login and webhooks) are public.
    allowed_public = {("GET", "/health"), ("GET", "/ready"), ("GET", "/{path*}"),
                      ("POST", "/api/v1/auth/login")}
    # Customer links (issue 14 item 5): the link's 256-bit token is the
    # credential (tests/api/test_customer_links.py refuses every bad one).
    allowed_public |= {("GET", "/api/v1/links/{token:token}"),
                       ("POST", "/api/v1/links/{token:token}/confirm"),
                       ("GET", "/api/v1/links/{token:token}/report.pdf")}
    # Invitations (issue 14 item 4): the emailed token is the credential; GET
    # only shows, the POST that accepts carries the Origin check
    # (tests/api/test_invitations.py refuses every bad token).
    allowed_public |= {("GET", "/api/v1/invitations/link/{token:token}"),
                       ("POST", "/api/v1/invitations/accept")}
    # "Forgot password" (issue 14 item 4): the person cannot sign in; asking
    # answers 202 for every address, the confirmation's credential is the
    # emailed token (tests/api/test_password_reset.py).
    allowed_public |= {("POST", "/api/v1/auth/password-reset"),
                       ("POST", "/api/v1/auth/password-reset/confirm")}
    # Work requests (issue 14 item 6): the QR label's token is the credential
    # (tests/api/test_work_requests.py refuses every bad one).
    allowed_public |= {("GET", "/api/v1/public/requests/{token:token}"),
                       ("POST", "/api/v1/public/requests"),
                       ("POST", "/api/v1/public/requests/with-photos")}
    # One-click unsubscribe from service-reminder email (RFC 8058, CAN-SPAM):
    # the emailed token is the credential; GET only shows, the mailbox
    # provider's POST carries no Origin, a browser's foreign Origin is refused
    # (tests/api/test_service_plan_email.py).
    allowed_public |= {("GET", "/api/v1/public/unsubscribe/{token:token}"),
                       ("POST", "/api/v1/public/unsubscribe/{token:token}")}
    # Two-step sign-in (issue 15 item 1): the second step has no session yet;
    # its credential is the sign-in challenge (and a code). Enrolment takes a
    # session or an enrolment-only challenge, checked by the handler
    # (tests/api/test_mfa.py refuses neither-nor with 401).
    allowed_public |= {("POST", "/api/v1/auth/mfa/verify"),
                       ("POST", "/api/v1/auth/mfa/totp/enroll"),
                       ("POST", "/api/v1/auth/mfa/totp/confirm")}
    # OAuth 2.0 for API clients (issue 15 item 3): the client's id and secret
    # are the credential (tests/api/test_oauth_clients.py refuses bad ones).
    allowed_public |= {("POST", "/oauth/token"), ("POST", "/oauth/revoke")}
    # OpenID Connect single sign-on (issue 15 item 4): the work email names the
    # organization, and the provider sends the browser back (its single-use
    # state is the credential; tests/api/test_sso.py).
    allowed_public |= {("POST", "/api/v1/auth/sso/start"),
                       ("GET", "/api/v1/auth/sso/callback")}
    assert public <= allowed_public | {(r["method"], r["pattern"]) for r in routes
                                       if r["pattern"].startswith("/webhooks/")}
    for r in routes:
        if r["auth"] == "public":
            continue
        if r["auth"] in ("twilio_signature", "stripe_signature"):
            # MUST-005: a webhook's credential is its signature; without one, 403.
            resp = requests.post(server.url + r["pattern"], data="x=1",
                                 headers={"Content-Type": "application/x-www-form-urlencoded"})
            assert resp.status_code == 403, (r, resp.status_code)
            assert error_of(resp)["reason"] in ("signature_missing", "webhook_not_configured")
            continue
        path = concrete(r["pattern"], slug="acme")
        resp = requests.request(r["method"], server.url + path, json={})
        assert resp.status_code == 401, (r, resp.status_code)
        assert error_of(resp)["code"] == "unauthenticated"


def test_every_route_declares_auth_permission_rate_and_effect(server):
    routes = all_routes()
    assert routes
    for r in routes:
        assert r["auth"] != "unset" and r["rate"] != "unset", r
        if r["method"] == "GET" and r["pattern"] == "/api/v1/auth/sso/callback":
            # The OpenID Connect return (issue 15 item 4), public: the one GET that
            # creates a session (the router allows it on public routes only).
            assert r["effect"] == "creates_session" and r["auth"] == "public", r
        elif r["method"] == "GET":
            assert r["effect"] == "read_only", r  # MUST-NOT-006


def test_the_role_table_ranks_roles_and_names_only_known_permissions():
    """The matrix below trusts the role table: check its shape once."""
    assert roles()[0] == "requester" and roles()[1] == "viewer" and roles()[-1] == "owner"
    named = {r["permission"] for r in all_routes()} - {"none"}
    assert named and all(role_has("owner", p) for p in named), named  # owners hold them all
    assert any(roles_lacking(p) for p in named)  # or the matrix would refuse no one


def test_a_requester_reaches_only_its_own_requests_ISSUE14_6():
    """A requester (a plant operator) holds one permission: every other route of the table
    refuses them (the matrix below tries each); with `none` they keep their account."""
    theirs = {f"{r['method']} {r['pattern']}" for r in all_routes()
              if r["permission"] != "none" and role_has("requester", r["permission"])}
    assert theirs == {"GET /api/v1/my/request-places", "GET /api/v1/my/requests",
                      "POST /api/v1/my/requests"}, theirs


def test_route_matrix_from_the_route_table(make_server, make_clock_server):
    """Every route x {no credentials, expired session, another org's session, each role
    that lacks the route's permission in the server's role table}."""
    s = make_server()
    # Expired sessions on a second server with a 2 s idle timeout, so that
    # the live sessions below cannot expire while the matrix runs.
    short = make_clock_server(extra_env={"BULWARK_SESSION_IDLE_TIMEOUT": "2s"})
    expired, _ = new_user_client(short, create_org(short), "owner")
    short.clock.advance(2.5)
    expired_check = expired.get("/api/v1/auth/me")
    assert expired_check.status_code == 401
    org_a, org_b = create_org(s), create_org(s)
    owner_a, _ = new_user_client(s, org_a, "owner")
    victim_id = str(owner_a.user_id)
    owner_b, _ = new_user_client(s, org_b, "owner")
    step_up(owner_b)  # so that step_up routes reach the handler: another org's id is a 404
    by_role = {role: new_user_client(s, org_a, role)[0] for role in roles() if role != "owner"}
    by_role["owner"] = owner_a
    checked = refused = 0
    for r in session_routes():
        path = concrete(r["pattern"], victim_id)
        m = r["method"]
        anon = requests.request(m, s.url + path, json={})
        assert anon.status_code == 401, (r, "no credentials")
        stale = expired.request(m, path, json={})
        assert stale.status_code == 401, (r, "expired session")
        if r["permission"] != "none":
            # The weakest role the table refuses first, then every stronger one it refuses.
            for role in roles_lacking(r["permission"]):
                weak = by_role[role].request(m, path, json={})
                assert weak.status_code == 403, (r, role, weak.text)
                refused += 1
            if ":int}" in r["pattern"]:
                foreign = owner_b.request(m, path, json={})
                assert foreign.status_code == 404, (r, "another org", foreign.text)
        checked += 1
    assert checked >= 8 and refused >= 8


@pytest.mark.parametrize("route", mutating_session_routes(), ids=route_id)
def test_csrf_protocol_every_mutating_route_refuses_missing_or_wrong_token(server, owner, route):
    other_session = login(server, owner.email)
    path = concrete(route["pattern"])
    missing = owner.request(route["method"], path, csrf=False, json={})
    assert missing.status_code == 403
    assert error_of(missing)["reason"] == "csrf_token_missing"
    wrong = owner.request(route["method"], path, csrf=False, json={},
                          headers={"X-CSRF-Token": "not-the-token"})
    assert error_of(wrong)["reason"] == "csrf_token_mismatch"
    # A valid token, but bound to another session: refused.
    foreign = owner.request(route["method"], path, csrf=False, json={},
                            headers={"X-CSRF-Token": other_session.csrf_token})
    assert foreign.status_code == 403
    assert error_of(foreign)["reason"] == "csrf_token_mismatch"


def _token(server, admin, scope):
    r = admin.post("/api/v1/api-clients", json={"name": "matrix " + scope, "scopes": [scope],
                                                "role": "admin", "purpose": "route matrix"})
    assert r.status_code == 201, r.text
    c = r.json()
    t = requests.post(server.url + "/oauth/token", data={"grant_type": "client_credentials"},
                      auth=(c["client_id"], c["client_secret"]))
    assert t.status_code == 200, t.text
    return {"Authorization": "Bearer " + t.json()["access_token"]}


def test_every_session_route_refuses_a_token_lacking_its_scope_ISSUE15_3(make_server):
    """Every session_or_token route x a bearer token (admin ceiling) without the route's scope:
    403 insufficient_scope with RFC 6750's challenge. Routes without a scope (for people only:
    one's profile, logging out, managing API clients) refuse every token. A GET route answers a
    token holding its scope with something else than 401 or insufficient_scope."""
    s = make_server()
    owner, _ = new_user_client(s, create_org(s), "owner")
    routes = session_routes()
    scopes = sorted({r["scope"] for r in routes if r["scope"]})
    assert len(scopes) >= 10, scopes
    holding = {scope: _token(s, owner, scope) for scope in scopes}
    people_only = 0
    for r in routes:
        path = concrete(r["pattern"], "1")
        # Any token whose single scope is not the route's.
        other = next(sc for sc in scopes if sc != r["scope"])
        resp = requests.request(r["method"], s.url + path, json={}, headers=holding[other])
        assert resp.status_code == 403, (r, resp.status_code, resp.text)
        assert error_of(resp)["reason"] == "insufficient_scope", (r, resp.text)
        challenge = resp.headers["WWW-Authenticate"]
        assert challenge.startswith('Bearer realm="bulwark", error="insufficient_scope"'), r
        if r["scope"]:
            assert f'scope="{r["scope"]}"' in challenge, (r, challenge)
        else:
            people_only += 1
        if r["scope"] and r["method"] == "GET":
            ok = requests.get(s.url + path, headers=holding[r["scope"]])
            assert ok.status_code != 401, (r, ok.text)
            assert ok.status_code != 403 or error_of(ok)["reason"] != "insufficient_scope", r
    assert people_only >= 3
