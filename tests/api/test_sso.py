"""OpenID Connect single sign-on (issue 15 item 4) against a real provider.

The provider is npm `oidc-provider` (tests/oidc/provider.mjs) over https on
loopback, started by scripts/oidc-test-provider.sh: by scripts/test.sh (which
exports BULWARK_TEST_OIDC_DIR) or, when that is unset, by this module. The
login is driven with requests as a browser would: Bulwark's start answers the
authorization URL, the provider's login form is filled in, and its redirect
back to Bulwark's callback sets the session. Forged, expired, wrong-audience,
wrong-nonce and alg=none ID tokens are refused in the unit tests
(tests/unit/oidc_id_token_test.cpp)."""
import html
import os
import re
import socket
import subprocess
import urllib.parse

import pytest
import requests

from fixtures.people import Client, admin, cookie_value, create_org, create_user, login, step_up, \
    unique
from fixtures.server import Server, error_of

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SCRIPT = os.path.join(ROOT, "scripts", "oidc-test-provider.sh")


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def read_env(directory):
    out = {}
    with open(os.path.join(directory, "env")) as f:
        for line in f:
            k, _, v = line.strip().partition("=")
            out[k] = v
    return out


@pytest.fixture(scope="module")
def idp():
    given = os.environ.get("BULWARK_TEST_OIDC_DIR")
    if given:
        yield read_env(given)
        return
    directory = subprocess.run([SCRIPT, "start", str(free_port())], capture_output=True, text=True,
                               check=True, timeout=120).stdout.strip()
    yield read_env(directory)
    subprocess.run([SCRIPT, "stop", directory], check=False, timeout=30)


@pytest.fixture(scope="module")
def sso_server(idp):
    port = free_port()
    s = Server(extra_env={"BULWARK_LISTEN": f"127.0.0.1:{port}",
                          "BULWARK_PUBLIC_URL": f"http://127.0.0.1:{port}",
                          "BULWARK_OUTBOUND_ALLOW": "127.0.0.1",
                          "BULWARK_OUTBOUND_CA_FILE": idp["OIDC_CA_FILE"]})
    yield s
    s.stop()


class Shop:
    """An organization with a verified domain, its owner, and its provider configured."""

    def __init__(self, server, idp, jit_role=None):
        self.server, self.idp = server, idp
        self.slug = create_org(server)
        self.domain = f"{unique('d')}.example"
        admin(server, "org", "verify-domain", "--org", self.slug, self.domain)
        # The provider is a step_up route (issue 15 item 1): a fresh factor first.
        self.owner = step_up(login(server, create_user(server, self.slug, "owner")))
        r = self.owner.put("/api/v1/org/sso", json={
            "issuer": idp["OIDC_ISSUER"], "client_id": idp["OIDC_CLIENT_ID"],
            "client_secret": idp["OIDC_CLIENT_SECRET"], "jit_role": jit_role})
        assert r.status_code == 200, r.text

    def address(self, local):
        return f"{local}@{self.domain}"


def provider_login(start_url, login_name, ca_file):
    """The browser at the provider: the login form, then the redirects up to
    Bulwark's callback (not followed: the caller makes that request)."""
    browser = requests.Session()
    # verify= on each call: REQUESTS_CA_BUNDLE in the environment would win
    # over Session.verify.
    r = browser.get(start_url, allow_redirects=True, timeout=15, verify=ca_file)
    assert r.status_code == 200, r.text
    action = html.unescape(re.search(r'<form[^>]*action="([^"]+)"', r.text).group(1))
    url = urllib.parse.urljoin(r.url, action)
    r = browser.post(url, data={"prompt": "login", "login": login_name, "password": "any"},
                     allow_redirects=False, timeout=15, verify=ca_file)
    for _ in range(10):
        assert r.status_code in (302, 303), (r.status_code, r.text[:500])
        location = urllib.parse.urljoin(r.url, r.headers["Location"])
        if "/api/v1/auth/sso/callback" in location:
            return location
        r = browser.get(location, allow_redirects=False, timeout=15, verify=ca_file)
    raise AssertionError("the provider never sent the browser back")


def start(server, email):
    return requests.post(server.url + "/api/v1/auth/sso/start", json={"email": email}, timeout=15)


def sign_in(server, idp, email):
    r = start(server, email)
    assert r.status_code == 200, r.text
    callback = provider_login(r.json()["redirect_url"], email, idp["OIDC_CA_FILE"])
    # The provider's redirect is a cross-site navigation: no cookie of ours.
    return callback, requests.get(callback, allow_redirects=False, timeout=30)


def test_sso_login_end_to_end_links_a_member_by_verified_email_ISSUE15_4(sso_server, idp):
    shop = Shop(sso_server, idp)
    email = create_user(sso_server, shop.slug, "dispatcher", email=shop.address("dana"))
    r = start(sso_server, email)
    assert r.status_code == 200, r.text
    assert "Set-Cookie" not in r.headers  # no pre-login cookie
    url = urllib.parse.urlparse(r.json()["redirect_url"])
    q = urllib.parse.parse_qs(url.query)
    assert q["response_type"] == ["code"] and q["code_challenge_method"] == ["S256"]
    assert set(q["scope"][0].split()) >= {"openid", "email"}
    assert len(q["state"][0]) >= 43 and len(q["nonce"][0]) >= 43
    callback = provider_login(r.json()["redirect_url"], email, idp["OIDC_CA_FILE"])
    assert "code=" in callback and "state=" in callback
    landing = requests.get(callback, allow_redirects=False, timeout=30)
    assert landing.status_code == 200, landing.text
    assert landing.headers["Content-Type"].startswith("text/html")
    assert '<meta http-equiv="refresh" content="0;url=/">' in landing.text
    assert "script-src 'self'" in landing.headers["Content-Security-Policy"]
    cookies = landing.raw.headers.getlist("Set-Cookie")
    session_cookie = next(c for c in cookies if c.startswith("__Host-session="))
    for attribute in ("HttpOnly", "Secure", "SameSite=Strict", "Path=/"):
        assert attribute in session_cookie, session_cookie
    token = cookie_value(landing, "__Host-session")
    assert token and token not in landing.text  # no token in the page or a URL
    me = Client(sso_server, token, cookie_value(landing, "csrf_token")).get("/api/v1/auth/me")
    assert me.status_code == 200, me.text
    assert me.json()["user"]["email"] == email and me.json()["role"] == "dispatcher"
    # The second sign-in finds the person by (issuer, subject).
    _, again = sign_in(sso_server, idp, email)
    assert again.status_code == 200 and cookie_value(again, "__Host-session")
    linked = shop.owner.get("/api/v1/audit?action=auth.sso_linked").json()["items"]
    logins = shop.owner.get("/api/v1/audit?action=auth.sso_login").json()["items"]
    assert len(linked) == 1 and len(logins) >= 2


def test_sso_replayed_state_refused_ISSUE15_4(sso_server, idp):
    shop = Shop(sso_server, idp)
    email = create_user(sso_server, shop.slug, "technician", email=shop.address("tomas"))
    callback, first = sign_in(sso_server, idp, email)
    assert first.status_code == 200
    replay = requests.get(callback, allow_redirects=False, timeout=30)
    assert replay.status_code == 400
    assert replay.headers["Content-Type"].startswith("text/html")
    assert "already used" in replay.text and not cookie_value(replay, "__Host-session")
    forged = re.sub(r"state=[^&]+", "state=" + "A" * 43, callback)
    assert requests.get(forged, allow_redirects=False, timeout=30).status_code == 400


def test_sso_unverified_domain_refused_ISSUE15_4(sso_server, idp):
    Shop(sso_server, idp)
    r = start(sso_server, f"someone@{unique('nobody')}.example")
    assert r.status_code == 422
    assert error_of(r)["reason"] == "sso_not_configured"
    assert start(sso_server, "someone@gmail.com").status_code == 422


def test_sso_links_by_email_only_when_email_verified_ISSUE15_4(sso_server, idp):
    shop = Shop(sso_server, idp)
    # A member whose provider account says email_verified: false.
    email = create_user(sso_server, shop.slug, "admin", email=shop.address("unverified-eve"))
    _, landing = sign_in(sso_server, idp, email)
    assert landing.status_code == 403
    assert "did not confirm an email address" in landing.text
    assert not cookie_value(landing, "__Host-session")


def test_sso_without_account_and_jit_off_is_refused_ISSUE15_4(sso_server, idp):
    shop = Shop(sso_server, idp)
    _, landing = sign_in(sso_server, idp, shop.address("newcomer"))
    assert landing.status_code == 403 and "Ask an administrator" in landing.text
    assert not cookie_value(landing, "__Host-session")


def test_sso_jit_provisioning_gives_the_chosen_role_ISSUE15_4(sso_server, idp):
    shop = Shop(sso_server, idp, jit_role="viewer")
    _, landing = sign_in(sso_server, idp, shop.address("jit-person"))
    assert landing.status_code == 200, landing.text
    me = Client(sso_server, cookie_value(landing, "__Host-session"),
                cookie_value(landing, "csrf_token")).get("/api/v1/auth/me")
    assert me.json()["role"] == "viewer"
    # An SSO-made account has no password to sign in with.
    r = requests.post(sso_server.url + "/api/v1/auth/login",
                      json={"email": shop.address("jit-person"), "password": "!sso"})
    assert r.status_code == 401


def test_sso_settings_secret_never_returned_and_admin_only_ISSUE15_4(sso_server, idp):
    shop = Shop(sso_server, idp)
    view = shop.owner.get("/api/v1/org/sso")
    assert view.status_code == 200
    body = view.json()
    assert body["configured"] and body["client_secret_set"] and body["jit_role"] is None
    assert idp["OIDC_CLIENT_SECRET"] not in view.text
    assert body["redirect_uri"].endswith("/api/v1/auth/sso/callback")
    assert [d["domain"] for d in body["domains"]] == [shop.domain]
    # Omitting the secret keeps it.
    r = shop.owner.put("/api/v1/org/sso", json={"issuer": idp["OIDC_ISSUER"],
                                                "client_id": idp["OIDC_CLIENT_ID"]})
    assert r.status_code == 200 and r.json()["client_secret_set"]
    tech = login(sso_server, create_user(sso_server, shop.slug, "technician"))
    assert tech.get("/api/v1/org/sso").status_code == 403
    for issuer in ("http://127.0.0.1:1", "https://10.0.0.1", "https://169.254.169.254",
                   "https://[::1]:8443"):
        bad = shop.owner.put("/api/v1/org/sso", json={"issuer": issuer, "client_id": "x",
                                                      "client_secret": "y"})
        assert bad.status_code == 400, (issuer, bad.text)
        assert error_of(bad)["reason"] == "issuer_not_allowed"
    # Unknown fields and wrong types are 4xx, never 500.
    assert shop.owner.put("/api/v1/org/sso", json={"issuer": 5}).status_code == 400
    assert shop.owner.put("/api/v1/org/sso", json={
        "issuer": idp["OIDC_ISSUER"], "client_id": "x", "jit_role": "owner"}).status_code == 400
    assert shop.owner.put("/api/v1/org/sso", json={
        "issuer": idp["OIDC_ISSUER"], "client_id": "x", "surprise": 1}).status_code == 400
    assert idp["OIDC_CLIENT_SECRET"] not in sso_server.log_text()


def test_verify_domain_refuses_public_mail_and_another_orgs_domain_ISSUE15_4(sso_server, idp):
    shop = Shop(sso_server, idp)
    other = create_org(sso_server)
    for domain in ("gmail.com", "outlook.com", "yahoo.co.uk", shop.domain, "not a domain"):
        p = admin(sso_server, "org", "verify-domain", "--org", other, domain, check=False)
        assert p.returncode != 0, domain
    p = admin(sso_server, "org", "verify-domain", "--org", shop.slug, shop.domain.upper())
    assert p.returncode == 0  # the same organization again: nothing changes
