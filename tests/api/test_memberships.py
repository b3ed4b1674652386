"""Accounts and memberships (issue 14 item 4): one person may belong to
several organizations (a bookkeeper, a contractor). The sign-in address and
password are one account; each organization holds a membership with its own
role, name and active flag. An invitation to an address that already signs
in is accepted with that account's password (never a second password); the
person then switches organizations from the header, and each switch replaces
the session so one session always belongs to one organization. A password
change or reset ends the sessions of every membership; deactivation in one
organization leaves the others alone."""
import re

import pytest
import requests

from fixtures.mail import SmtpSink, mail_env
from fixtures.people import PASSWORD, Client, admin, cookie_value, create_org, create_user, \
    login, new_user_client, step_up, try_login, unique
from fixtures.server import Server, error_of

LINK = re.compile(r"/invite/([A-Za-z0-9_-]{43})")


@pytest.fixture(scope="module")
def sink():
    s = SmtpSink()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def server(sink):
    s = Server(extra_env={**mail_env(sink), "BULWARK_RATE_LINK_PER_MINUTE": "100000"})
    yield s
    s.stop()


def public(server, method, path, **kw):
    return requests.request(method, server.url + path, timeout=30, **kw)


def accept(server, token, password, name="Pat Books"):
    return public(server, "POST", "/api/v1/invitations/accept",
                  json={"token": token, "password": password, "name": name},
                  headers={"Origin": server.url})


def invite_link(server, sink, owner, email, role):
    r = owner.post("/api/v1/users", json={"email": email, "role": role})
    assert r.status_code == 202, r.text
    text = sink.wait_for_message(email)["email"].get_body(("plain",)).get_content()
    found = LINK.search(text)
    assert found, text
    return found.group(1), text


def switch(client, org_id):
    return client.post("/api/v1/auth/switch-org", json={"org_id": org_id})


def client_of(server, response):
    return Client(server, cookie_value(response, "__Host-session"),
                  cookie_value(response, "csrf_token"), response)


@pytest.fixture
def two_orgs(server, sink):
    """Pat, a dispatcher at org A, invited to org B as a technician and joined."""
    a_slug, b_slug = create_org(server), create_org(server)
    a_owner = new_user_client(server, a_slug, "owner")[0]
    b_owner = new_user_client(server, b_slug, "owner")[0]
    pat = create_user(server, a_slug, "dispatcher")
    token, text = invite_link(server, sink, b_owner, pat, "technician")
    assert "already signs in to Bulwark" in text
    page = public(server, "GET", f"/api/v1/invitations/link/{token}").json()
    assert page["has_account"] is True and page["email"] == pat
    return {"a": a_owner, "b": b_owner, "pat": pat, "token": token}


def test_existing_account_joins_with_its_password_and_switches_ISSUE14_4(server, two_orgs):
    a, b, pat, token = two_orgs["a"], two_orgs["b"], two_orgs["pat"], two_orgs["token"]
    a_customer = a.post("/api/v1/customers", json={"name": "Only In A"}).json()["id"]

    # A wrong password neither joins nor uses the link up.
    wrong = accept(server, token, "not the password at all 123")
    assert wrong.status_code == 401 and error_of(wrong)["reason"] == "invalid_credentials"
    assert pat not in [u["email"] for u in b.get("/api/v1/users").json()["items"]]

    joined = accept(server, token, PASSWORD)
    assert joined.status_code == 200, joined.text
    assert joined.json()["org"]["id"] == b.org_id and joined.json()["role"] == "technician"
    # Still one password: the one pat already had.
    assert try_login(server, pat, PASSWORD).status_code == 200
    users_b = {u["email"]: u for u in b.get("/api/v1/users").json()["items"]}
    assert users_b[pat]["role"] == "technician" and users_b[pat]["name"] == "Pat Books"

    # Sign-in opens the organization just joined; the switcher lists both.
    in_b = login(server, pat)
    assert in_b.get("/api/v1/auth/me").json()["org"]["id"] == b.org_id
    orgs = in_b.get("/api/v1/auth/orgs").json()["items"]
    assert {o["org_id"]: (o["role"], o["current"]) for o in orgs} == {
        a.org_id: ("dispatcher", False), b.org_id: ("technician", True)}
    assert in_b.get(f"/api/v1/customers/{a_customer}").status_code == 404

    moved = switch(in_b, a.org_id)
    assert moved.status_code == 200, moved.text
    assert moved.json()["org"]["id"] == a.org_id and moved.json()["role"] == "dispatcher"
    in_a = client_of(server, moved)
    assert in_a.get(f"/api/v1/customers/{a_customer}").status_code == 200
    # The switch ended the session it came from.
    assert in_b.get("/api/v1/auth/me").status_code == 401
    # ...and the next sign-in opens A, the organization last switched to.
    assert login(server, pat).get("/api/v1/auth/me").json()["org"]["id"] == a.org_id

    # Each organization's audit log holds its own side of the switch.
    a_actions = [e["action"] for e in a.get("/api/v1/audit?limit=50").json()["items"]]
    b_actions = [e["action"] for e in b.get("/api/v1/audit?limit=50").json()["items"]]
    assert "auth.org_switched_in" in a_actions and "auth.org_switched_away" in b_actions

    # Not a member: 404, like any other tenant's object; the session stays.
    stranger_org = new_user_client(server, create_org(server), "owner")[0].org_id
    r = switch(in_a, stranger_org)
    assert r.status_code == 404, r.text
    assert in_a.get("/api/v1/auth/me").status_code == 200


def test_switch_needs_csrf_and_a_body_ISSUE14_4(server, two_orgs):
    accept(server, two_orgs["token"], PASSWORD)
    pat = login(server, two_orgs["pat"])
    no_csrf = requests.post(server.url + "/api/v1/auth/switch-org",
                            json={"org_id": two_orgs["a"].org_id},
                            headers=pat.headers(csrf=False))
    assert no_csrf.status_code == 403
    for bad in ({}, {"org_id": "one"}, {"org_id": 0}, {"org_id": 1, "extra": True}):
        r = pat.post("/api/v1/auth/switch-org", json=bad)
        assert r.status_code in (400, 422), (bad, r.text)
    assert pat.get("/api/v1/auth/me").status_code == 200


def test_password_change_ends_sessions_in_every_org_ISSUE14_4(server, two_orgs):
    accept(server, two_orgs["token"], PASSWORD)
    pat = two_orgs["pat"]
    in_b = login(server, pat)
    in_a = client_of(server, switch(login(server, pat), two_orgs["a"].org_id))
    assert in_a.get("/api/v1/auth/me").json()["org"]["id"] == two_orgs["a"].org_id
    new_password = "a fresh Quartz Harbor 4471 phrase"
    r = in_a.post("/api/v1/auth/password",
                  json={"current_password": PASSWORD, "new_password": new_password})
    assert r.status_code == 200, r.text
    assert in_b.get("/api/v1/auth/me").status_code == 401
    assert try_login(server, pat, PASSWORD).status_code == 401
    assert try_login(server, pat, new_password).status_code == 200


def test_deactivated_in_one_org_keeps_the_other_ISSUE14_4(server, two_orgs):
    accept(server, two_orgs["token"], PASSWORD)
    a, b, pat = two_orgs["a"], two_orgs["b"], two_orgs["pat"]
    in_b = login(server, pat)
    member = {u["email"]: u for u in b.get("/api/v1/users").json()["items"]}[pat]
    r = step_up(b).patch(f"/api/v1/users/{member['id']}", json={"active": False})
    assert r.status_code == 200, r.text
    assert in_b.get("/api/v1/auth/me").status_code == 401
    # Sign-in now opens A, the membership still active; B is not offered.
    again = login(server, pat)
    assert again.get("/api/v1/auth/me").json()["org"]["id"] == a.org_id
    assert [o["org_id"] for o in again.get("/api/v1/auth/orgs").json()["items"]] == [a.org_id]
    assert switch(again, b.org_id).status_code == 404


def test_admin_cli_names_the_org_for_a_person_in_several_ISSUE14_4(server, two_orgs):
    accept(server, two_orgs["token"], PASSWORD)
    pat = two_orgs["pat"]
    p = admin(server, "set-role", "--email", pat, "--role", "viewer", check=False)
    assert p.returncode != 0 and "--org" in p.stderr
    b_slug = two_orgs["b"].get("/api/v1/auth/me").json()["org"]["slug"]
    admin(server, "set-role", "--email", pat, "--role", "viewer", "--org", b_slug)
    users_b = {u["email"]: u for u in two_orgs["b"].get("/api/v1/users").json()["items"]}
    users_a = {u["email"]: u for u in two_orgs["a"].get("/api/v1/users").json()["items"]}
    assert users_b[pat]["role"] == "viewer" and users_a[pat]["role"] == "dispatcher"
    # create-user with an address that already signs in adds a membership and
    # leaves the password alone.
    c_slug = create_org(server)
    p = admin(server, "create-user", "--org", c_slug, "--email", pat, "--role", "viewer",
              stdin="ignored other password 99 zebra\n")
    assert "password unchanged" in p.stdout
    assert try_login(server, pat, PASSWORD).status_code == 200


def test_invitation_of_a_new_address_still_creates_an_account_ISSUE14_4(server, sink):
    b_slug = create_org(server)
    b = new_user_client(server, b_slug, "owner")[0]
    email = unique("newbie") + "@example.com"
    token, _ = invite_link(server, sink, b, email, "viewer")
    assert public(server, "GET", f"/api/v1/invitations/link/{token}").json()["has_account"] is False
    r = accept(server, token, "newbie Velvet Canyon 8812 route")
    assert r.status_code == 200, r.text
    assert try_login(server, email, "newbie Velvet Canyon 8812 route").status_code == 200
