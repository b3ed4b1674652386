"""Helpers for tests that need organizations, users and sessions."""
import re
import subprocess
import uuid

import requests

from conftest import BIN

# Strong enough for zxcvbn, and obviously a test value.
PASSWORD = "test-only Granite Kettle 42 orbit"


def unique(prefix):
    return f"{prefix}-{uuid.uuid4().hex[:10]}"


def admin(server, *args, stdin=None, check=True):
    p = subprocess.run([BIN, "admin", *args], env=server.env, input=stdin, capture_output=True,
                       text=True, timeout=60)
    if check and p.returncode != 0:
        raise AssertionError(f"bulwark admin {args[0]} failed: {p.stderr}")
    return p


def create_org(server, slug=None):
    slug = slug or unique("org")
    admin(server, "create-org", "--slug", slug, "--name", f"Org {slug}")
    return slug


def create_user(server, org, role, email=None, password=PASSWORD):
    email = email or f"{unique(role)}@example.com"
    admin(server, "create-user", "--org", org, "--email", email, "--role", role,
          "--password-stdin", stdin=password + "\n")
    return email


class Client:
    """A logged-in browser-like client: sends the session cookie and echoes the CSRF token."""

    def __init__(self, server, session_token, csrf_token, login_response=None):
        self.server = server
        self.session_token = session_token
        self.csrf_token = csrf_token
        self.login_response = login_response

    def headers(self, extra=None, csrf=True):
        h = {"Cookie": f"__Host-session={self.session_token}; csrf_token={self.csrf_token}"}
        if csrf:
            h["X-CSRF-Token"] = self.csrf_token
        h.update(extra or {})
        return h

    def request(self, method, path, csrf=True, headers=None, **kwargs):
        return requests.request(method, self.server.url + path,
                                headers=self.headers(headers, csrf), **kwargs)

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, **kw):
        return self.request("POST", path, **kw)

    def patch(self, path, **kw):
        return self.request("PATCH", path, **kw)

    def put(self, path, **kw):
        return self.request("PUT", path, **kw)


def cookie_value(response, name):
    for header in response.raw.headers.getlist("Set-Cookie"):
        m = re.match(rf"{re.escape(name)}=([^;]*)", header)
        if m:
            return m.group(1)
    return None


def login(server, email, password=PASSWORD):
    r = requests.post(server.url + "/api/v1/auth/login", json={"email": email, "password": password})
    assert r.status_code == 200, r.text
    return Client(server, cookie_value(r, "__Host-session"), cookie_value(r, "csrf_token"), r)


def try_login(server, email, password):
    return requests.post(server.url + "/api/v1/auth/login",
                         json={"email": email, "password": password})


def new_user_client(server, org, role):
    email = create_user(server, org, role)
    return login(server, email), email
