"""Customers, sites and the SMS consent list encrypted at rest (issue 13 items
1 and 2; the policies' "At rest: AES-256"): values seeded through the API are
nowhere in the database's bytes or the log, search still finds them through
blind indexes (exact phone in any format, exact email, name words and
prefixes), and a ciphertext moved to another row does not open."""
import secrets

import pytest

from fixtures.database import db_exec, db_query
from fixtures.people import create_org, new_user_client
from fixtures.raw_bytes import database_bytes, leaked, log_bytes
from fixtures.server import Server, error_of


@pytest.fixture(scope="module")
def at_rest_server():
    s = Server()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def office(at_rest_server):
    org = create_org(at_rest_server)
    return new_user_client(at_rest_server, org, "dispatcher")[0]


def tagged():
    """Values no other test seeds: a random tag in every one."""
    tag = secrets.token_hex(4)
    digits = f"{int(tag, 16) % 10000:04d}"
    return {
        "name": f"Quillon{tag} Marrowdale",
        "phone": f"+1555301{digits}",
        "email": f"quillon.{tag}@at-rest.example",
        "billing_address": f"77{tag} Juniperwell Road",
        "notes": f"Gander{tag} in the yard",
        "site_address": f"12{tag} Oxbow Causeway",
        "access_notes": f"Spare key{tag} under the birdbath",
        "gate_code": f"GATE{tag}",
    }


def seed(office, s):
    c = office.post("/api/v1/customers", json={
        "name": s["name"], "phone": s["phone"], "email": s["email"],
        "billing_address": s["billing_address"], "notes": s["notes"]})
    assert c.status_code == 201, c.text
    c = c.json()
    site = office.post(f"/api/v1/customers/{c['id']}/sites", json={
        "name": "Farmhouse", "address": s["site_address"], "access_notes": s["access_notes"],
        "gate_code": s["gate_code"]})
    assert site.status_code == 201, site.text
    # The office's opt-out: the number goes on the consent list.
    r = office.patch(f"/api/v1/customers/{c['id']}", json={"sms_opt_out": True, "version": c["version"]})
    assert r.status_code == 200, r.text
    return c, site.json()


def ids(office, q):
    r = office.get("/api/v1/customers", params={"q": q})
    assert r.status_code == 200, r.text
    return [x["id"] for x in r.json()["items"]]


def test_aes_256_at_rest_customer_site_and_consent_values_are_not_in_the_database_or_log(at_rest_server, office):
    s = tagged()
    c, site = seed(office, s)
    got = office.get(f"/api/v1/customers/{c['id']}").json()
    assert (got["name"], got["phone"], got["email"]) == (s["name"], s["phone"], s["email"])
    assert got["sms_consent"]["state"] == "opted_out"
    sites = office.get(f"/api/v1/customers/{c['id']}/sites").json()["items"]
    assert sites[0]["gate_code"] == s["gate_code"] and sites[0]["address"] == s["site_address"]
    values = list(s.values()) + [s["name"].split()[0], s["phone"].lstrip("+")]
    assert leaked(database_bytes(at_rest_server), values) == []
    assert leaked(log_bytes(at_rest_server), values) == []


def test_aes_256_at_rest_search_by_phone_email_word_and_prefix(office):
    s = tagged()
    c, _ = seed(office, s)
    local = s["phone"][2:]  # ten digits
    for q in (s["phone"], f"({local[:3]}) {local[3:6]}-{local[6:]}", f"{local[:3]}.{local[3:6]}.{local[6:]}"):
        assert c["id"] in ids(office, q), q
    assert ids(office, s["email"].upper()) == [c["id"]]
    first = s["name"].split()[0]
    assert ids(office, first.lower()) == [c["id"]]  # a whole word
    assert c["id"] in ids(office, "marrowdale")
    assert c["id"] in ids(office, first[:3])  # a 3-letter prefix
    assert ids(office, f"{first} nosuchword") == []  # every word must match
    assert ids(office, s["email"][:12]) == []  # no email fragments any more


def test_aes_256_at_rest_a_ciphertext_copied_into_another_customers_row_does_not_open(at_rest_server, office):
    victim, _ = seed(office, tagged())
    other, _ = seed(office, tagged())
    db_exec(at_rest_server, f"UPDATE customers SET name = (SELECT name FROM customers WHERE id = {victim['id']}) "
                            f"WHERE id = {other['id']}")
    r = office.get(f"/api/v1/customers/{other['id']}")
    assert r.status_code >= 500
    assert error_of(r)["code"]  # the JSON envelope
    assert victim["name"] not in r.text and other["name"] not in r.text
    stored = db_query(at_rest_server, f"SELECT name FROM customers WHERE id = {victim['id']}")[0][0]
    assert stored not in r.text
