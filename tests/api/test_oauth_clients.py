"""OAuth 2.0 client credentials for integrations (issue 15 item 3, RFC 6749
section 4.4, RFC 6750, RFC 7009), driven by a real OAuth client library
(authlib's OAuth2Session) where a client would use one: admins create API
clients, clients get one-hour bearer tokens at /oauth/token with
client_secret_basic or client_secret_post, and the pipeline accepts a token
only on routes whose scope it holds, within its role ceiling."""
import base64
import datetime

import pytest
import requests
from authlib.integrations.base_client.errors import OAuthError
from authlib.integrations.requests_client import OAuth2Session

from fixtures.people import create_org, create_user, login, new_user_client
from fixtures.server import error_of


def new_client(admin, scopes=("work_orders:read",), role="viewer", **extra):
    body = {"name": "Integration", "scopes": list(scopes), "role": role,
            "purpose": "tests", **extra}
    r = admin.post("/api/v1/api-clients", json=body)
    assert r.status_code == 201, r.text
    return r.json()


def fetch_token(server, client, method="client_secret_basic", scope=None):
    session = OAuth2Session(client["client_id"], client["client_secret"],
                            token_endpoint_auth_method=method, scope=scope)
    return session.fetch_token(server.url + "/oauth/token", grant_type="client_credentials")


def bearer(token):
    return {"Authorization": "Bearer " + token["access_token"]}


def audit_actions(admin):
    r = admin.get("/api/v1/audit", params={"limit": 100})
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_client_credentials_with_basic_and_post_auth_ISSUE15_3(server, owner):
    client = new_client(owner, scopes=("work_orders:read", "customers:read"))
    assert len(client["client_secret"]) >= 43  # 256 bits, base64url
    for method in ("client_secret_basic", "client_secret_post"):
        token = fetch_token(server, client, method)
        assert token["token_type"] == "Bearer" and token["expires_in"] == 3600
        assert token["scope"] == "work_orders:read customers:read"
        # The token works on a route its scope names, with no CSRF token and no cookie.
        r = requests.get(server.url + "/api/v1/work-orders", headers=bearer(token))
        assert r.status_code == 200, r.text
    # The list never shows the secret; it shows the last use.
    listed = owner.get("/api/v1/api-clients").json()["items"]
    mine = next(c for c in listed if c["id"] == client["id"])
    assert "client_secret" not in mine and "secret_hash" not in mine
    assert mine["last_used_at"] is not None
    # Audited with the client as actor.
    entries = audit_actions(owner)
    issued = [e for e in entries if e["action"] == "oauth.token_issued"]
    assert issued and issued[0]["actor_type"] == "api_client"
    assert issued[0]["actor_id"] == client["id"]
    assert any(e["action"] == "api_client.created" for e in entries)


def test_scope_narrowing_and_invalid_scope_ISSUE15_3(server, owner):
    client = new_client(owner, scopes=("work_orders:read", "customers:read"))
    token = fetch_token(server, client, scope="customers:read")
    assert token["scope"] == "customers:read"
    r = requests.get(server.url + "/api/v1/work-orders", headers=bearer(token))
    assert r.status_code == 403
    with pytest.raises(OAuthError) as refused:
        fetch_token(server, client, scope="customers:write")
    assert refused.value.error == "invalid_scope"


def test_wrong_scope_is_403_with_www_authenticate_ISSUE15_3(server, owner):
    token = fetch_token(server, new_client(owner, scopes=("customers:read",)))
    r = requests.get(server.url + "/api/v1/work-orders", headers=bearer(token))
    assert r.status_code == 403
    assert error_of(r)["reason"] == "insufficient_scope"
    assert r.headers["WWW-Authenticate"] == (
        'Bearer realm="bulwark", error="insufficient_scope", scope="work_orders:read"')
    # A route for people only (no scope): refused whatever the token holds.
    me = requests.get(server.url + "/api/v1/auth/me", headers=bearer(token))
    assert me.status_code == 403 and error_of(me)["reason"] == "insufficient_scope"


def test_scope_and_ceiling_role_are_both_needed_ISSUE15_3(server, owner):
    # A viewer ceiling with a write scope: the scope passes, the role refuses.
    token = fetch_token(server, new_client(owner, scopes=("customers:write",), role="viewer"))
    r = requests.post(server.url + "/api/v1/customers", headers=bearer(token),
                      json={"name": "Ada"})
    assert r.status_code == 403 and error_of(r)["reason"] == "permission_denied"
    # A dispatcher ceiling with the scope: created, no CSRF token needed, audited as the client.
    client = new_client(owner, scopes=("customers:write",), role="dispatcher")
    token = fetch_token(server, client)
    r = requests.post(server.url + "/api/v1/customers", headers=bearer(token),
                      json={"name": "Ada Lovelace"})
    assert r.status_code == 201, r.text
    created = [e for e in audit_actions(owner) if e["action"] == "customer.created"]
    assert created[0]["actor_type"] == "api_client" and created[0]["actor_id"] == client["id"]


def test_cookie_request_still_needs_csrf_and_both_credentials_are_refused_ISSUE15_3(
        server, owner):
    r = owner.post("/api/v1/customers", csrf=False, json={"name": "No Token"})
    assert r.status_code == 403 and error_of(r)["reason"] == "csrf_token_missing"
    token = fetch_token(server, new_client(owner, scopes=("customers:read",)))
    both = requests.get(server.url + "/api/v1/customers",
                        headers={**owner.headers(), **bearer(token)})
    assert both.status_code == 400 and error_of(both)["reason"] == "conflicting_credentials"


def test_revoked_token_and_revoked_client_are_401_ISSUE15_3(server, owner):
    client = new_client(owner)
    session = OAuth2Session(client["client_id"], client["client_secret"],
                            token_endpoint_auth_method="client_secret_basic",
                            revocation_endpoint_auth_method="client_secret_basic")
    token = session.fetch_token(server.url + "/oauth/token", grant_type="client_credentials")
    assert requests.get(server.url + "/api/v1/work-orders",
                        headers=bearer(token)).status_code == 200
    revoked = session.revoke_token(server.url + "/oauth/revoke", token["access_token"])
    assert revoked.status_code == 200
    r = requests.get(server.url + "/api/v1/work-orders", headers=bearer(token))
    assert r.status_code == 401
    assert r.headers["WWW-Authenticate"] == 'Bearer realm="bulwark", error="invalid_token"'
    # RFC 7009: an unknown token is 200 too.
    assert session.revoke_token(server.url + "/oauth/revoke", "not-a-token").status_code == 200
    # Revoking the client ends its tokens and its sign-in.
    token = session.fetch_token(server.url + "/oauth/token", grant_type="client_credentials")
    assert owner.request("DELETE", f"/api/v1/api-clients/{client['id']}").status_code == 200
    assert requests.get(server.url + "/api/v1/work-orders",
                        headers=bearer(token)).status_code == 401
    with pytest.raises(OAuthError) as refused:
        fetch_token(server, client)
    assert refused.value.error == "invalid_client"
    assert any(e["action"] == "api_client.revoked" for e in audit_actions(owner))


def test_expired_client_and_expired_token_are_refused_ISSUE15_3(make_clock_server):
    s = make_clock_server()
    if not s.clock.moves_time:
        pytest.skip("needs the bulwark-test-hooks binary")
    admin, _ = new_user_client(s, create_org(s), "admin")
    in_two_hours = (datetime.datetime.now(datetime.timezone.utc)
                    + datetime.timedelta(hours=2)).strftime("%Y-%m-%dT%H:%M:%SZ")
    client = new_client(admin, expires_at=in_two_hours)
    token = fetch_token(s, client)
    s.clock.advance(3601)  # the token's hour is over
    assert requests.get(s.url + "/api/v1/work-orders", headers=bearer(token)).status_code == 401
    token = fetch_token(s, client)
    s.clock.advance(3600)  # the client's expiry has passed
    r = requests.get(s.url + "/api/v1/work-orders", headers=bearer(token))
    assert r.status_code == 401
    with pytest.raises(OAuthError) as refused:
        fetch_token(s, client)
    assert refused.value.error == "invalid_client"


def test_token_endpoint_errors_are_rfc6749_form_ISSUE15_3(server, owner):
    client = new_client(owner)
    url = server.url + "/oauth/token"
    wrong = requests.post(url, data={"grant_type": "client_credentials"},
                          auth=(client["client_id"], "wrong-secret"))
    assert wrong.status_code == 401
    assert wrong.json()["error"] == "invalid_client" and "error_description" in wrong.json()
    assert wrong.headers["WWW-Authenticate"].startswith("Basic realm=")
    assert "no-store" in wrong.headers["Cache-Control"]
    unknown = requests.post(url, data={"grant_type": "client_credentials",
                                       "client_id": "nobody", "client_secret": "x"})
    assert unknown.status_code == 401 and unknown.json()["error"] == "invalid_client"
    grant = requests.post(url, data={"grant_type": "password"},
                          auth=(client["client_id"], client["client_secret"]))
    assert grant.status_code == 400 and grant.json()["error"] == "unsupported_grant_type"
    missing = requests.post(url, data={}, auth=(client["client_id"], client["client_secret"]))
    assert missing.status_code == 400 and missing.json()["error"] == "invalid_request"
    as_json = requests.post(url, json={"grant_type": "client_credentials"},
                            auth=(client["client_id"], client["client_secret"]))
    assert as_json.status_code == 400 and as_json.json()["error"] == "invalid_request"
    both = requests.post(url, data={"grant_type": "client_credentials",
                                    "client_secret": client["client_secret"]},
                         auth=(client["client_id"], client["client_secret"]))
    assert both.status_code == 400 and both.json()["error"] == "invalid_request"
    garbage = requests.post(url, data={"grant_type": "client_credentials"},
                            headers={"Authorization": "Basic " +
                                     base64.b64encode(b"no-colon").decode()})
    assert garbage.status_code == 401 and garbage.json()["error"] == "invalid_client"
    # A failed attempt of a known client is audited, never with the secret.
    failures = [e for e in audit_actions(owner) if e["action"] == "oauth.client_auth_failed"]
    assert failures and failures[0]["outcome"] == "failure"
    assert "wrong-secret" not in server.log_text()


def test_bad_bearer_tokens_are_401_invalid_token_ISSUE15_3(server):
    for value in ("Bearer nope", "Bearer ", "bearer " + "x" * 500):
        r = requests.get(server.url + "/api/v1/work-orders", headers={"Authorization": value})
        assert r.status_code == 401, value
        assert 'error="invalid_token"' in r.headers["WWW-Authenticate"]


def test_role_ceiling_and_scopes_are_validated_at_creation_ISSUE15_3(server, org, owner):
    body = {"name": "x", "scopes": ["work_orders:read"], "role": "owner", "purpose": ""}
    r = owner.post("/api/v1/api-clients", json=body)
    assert r.status_code == 422 and error_of(r)["reason"] == "role_not_allowed"
    r = owner.post("/api/v1/api-clients", json={**body, "role": "viewer",
                                                "scopes": ["work_orders:destroy"]})
    assert r.status_code == 422 and error_of(r)["reason"] == "unknown_scope"
    r = owner.post("/api/v1/api-clients", json={**body, "role": "viewer", "scopes": []})
    assert r.status_code == 422
    r = owner.post("/api/v1/api-clients", json={**body, "role": "viewer", "scopes": "x"})
    assert r.status_code == 400
    r = owner.post("/api/v1/api-clients", json={**body, "role": "viewer", "extra": 1})
    assert r.status_code == 400
    r = owner.post("/api/v1/api-clients", json={**body, "role": "viewer",
                                                "expires_at": "2001-01-01T00:00:00Z"})
    assert r.status_code == 422 and error_of(r)["reason"] == "expires_in_past"
    # Dispatchers and technicians cannot manage clients at all.
    dispatcher = login(server, create_user(server, org, "dispatcher"))
    r = dispatcher.post("/api/v1/api-clients", json={**body, "role": "viewer"})
    assert r.status_code == 403


def test_another_orgs_client_is_404_and_tokens_stay_in_their_org_ISSUE15_3(server, owner):
    client = new_client(owner)
    other, _ = new_user_client(server, create_org(server), "owner")
    r = other.request("DELETE", f"/api/v1/api-clients/{client['id']}")
    assert r.status_code == 404
    assert all(c["id"] != client["id"] for c in other.get("/api/v1/api-clients").json()["items"])
    token = fetch_token(server, client)
    # The token reads its own organization's work orders only.
    wo = requests.get(server.url + "/api/v1/work-orders", headers=bearer(token))
    assert wo.status_code == 200


def test_a_token_cannot_manage_api_clients_ISSUE15_3(server, owner):
    token = fetch_token(server, new_client(owner, scopes=("users:write", "users:read"),
                                           role="admin"))
    r = requests.post(server.url + "/api/v1/api-clients", headers=bearer(token),
                      json={"name": "x", "scopes": ["users:read"], "role": "viewer",
                            "purpose": ""})
    assert r.status_code == 403 and error_of(r)["reason"] == "insufficient_scope"


def test_rate_limit_per_client_ISSUE15_3(make_server):
    # The per-address limit is the same number; through the trusted proxy
    # each request comes from another address, so only the client's own
    # budget can run out.
    s = make_server(extra_env={"BULWARK_RATE_STANDARD_PER_MINUTE": "5",
                               "BULWARK_TRUSTED_PROXY": "127.0.0.1"})
    admin, _ = new_user_client(s, create_org(s), "admin")
    token = fetch_token(s, new_client(admin))
    statuses = []
    for i in range(8):
        r = requests.get(s.url + "/api/v1/work-orders",
                         headers={**bearer(token), "X-Forwarded-For": f"203.0.113.{i + 10}"})
        statuses.append(r.status_code)
        if r.status_code == 429:
            assert error_of(r)["reason"] == "client_rate_limited"
    assert 429 in statuses and statuses[0] == 200, statuses


def test_client_ip_allowlist_v4_and_v6_through_the_trusted_proxy_ISSUE15_3(make_server):
    """A client's allowed_ips (issue 15 item 5's ranges): its token and its secret work only
    from inside them, judged on the address the trusted proxy names; refusals are audited."""
    s = make_server(extra_env={"BULWARK_TRUSTED_PROXY": "127.0.0.1"})
    admin, _ = new_user_client(s, create_org(s), "admin")
    r = admin.post("/api/v1/api-clients", json={"name": "x", "scopes": ["work_orders:read"],
                                                "role": "viewer", "purpose": "",
                                                "allowed_ips": ["10.0.0.1/8"]})
    assert r.status_code == 422 and error_of(r)["reason"] == "invalid_ip_range"
    client = new_client(admin, allowed_ips=["203.0.113.0/24", "2001:db8::/32"])
    assert client["allowed_ips"] == ["203.0.113.0/24", "2001:db8::/32"]
    url = s.url + "/oauth/token"
    creds = (client["client_id"], client["client_secret"])
    outside = requests.post(url, data={"grant_type": "client_credentials"}, auth=creds,
                            headers={"X-Forwarded-For": "198.51.100.7"})
    assert outside.status_code == 403 and outside.json()["reason"] == "ip_not_allowed"
    inside = requests.post(url, data={"grant_type": "client_credentials"}, auth=creds,
                           headers={"X-Forwarded-For": "203.0.113.9"})
    assert inside.status_code == 200, inside.text
    token = bearer(inside.json())
    for ip, status in (("203.0.113.200", 200), ("2001:db8::5", 200),
                       ("::ffff:203.0.113.7", 200), ("198.51.100.7", 403), ("2001:db9::1", 403)):
        r = requests.get(s.url + "/api/v1/work-orders",
                         headers={**token, "X-Forwarded-For": ip})
        assert r.status_code == status, (ip, r.text)
        if status == 403:
            assert error_of(r)["reason"] == "ip_not_allowed"
    refusals = [e for e in audit_actions(admin) if e["action"] == "api_client.ip_not_allowed"]
    assert len(refusals) >= 3 and refusals[0]["actor_type"] == "api_client"
    assert refusals[0]["outcome"] == "denied"


def test_openapi_declares_the_client_credentials_scheme_and_each_routes_scope_ISSUE15_3(
        server, owner):
    doc = owner.get("/api/v1/openapi.json").json()
    scheme = doc["components"]["securitySchemes"]["oauth2"]
    assert scheme["type"] == "oauth2"
    flow = scheme["flows"]["clientCredentials"]
    assert flow["tokenUrl"] == "/oauth/token" and "work_orders:read" in flow["scopes"]
    listing = doc["paths"]["/api/v1/work-orders"]["get"]
    assert {"oauth2": ["work_orders:read"]} in listing["security"]
    assert {"session": []} in listing["security"]
    assert listing["x-oauth-scope"] == "work_orders:read"
    me = doc["paths"]["/api/v1/auth/me"]["get"]
    assert all("oauth2" not in alt for alt in me["security"])
    assert doc["paths"]["/oauth/token"]["post"]["security"] == []
