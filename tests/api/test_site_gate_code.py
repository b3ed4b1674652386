"""A site's gate code (issue 12): its own field, edited by the office in the
site form (PATCH /sites/{id}), hidden from technicians like the access notes
and revealed with them to the technician assigned to open work there."""
import datetime

import pytest

from fixtures.server import error_of
from fixtures.work import iso, new_customer, new_site, new_wo, utc_now


def me(client):
    return client.get("/api/v1/auth/me").json()["user"]["id"]


def test_gate_code_is_set_edited_and_revealed_to_the_assigned_technician(owner, dispatcher, tech):
    c = new_customer(dispatcher)
    site = new_site(dispatcher, c, access_notes="Dog in the yard", gate_code="#4821")
    assert site["gate_code"] == "#4821" and site["access_notes"] == "Dog in the yard"
    # The office edits it; only the fields sent change; the audit names the field only.
    r = dispatcher.patch(f"/api/v1/sites/{site['id']}", json={"gate_code": "1955*"})
    assert r.status_code == 200, r.text
    assert r.json()["gate_code"] == "1955*" and r.json()["access_notes"] == "Dog in the yard"
    audit = owner.get("/api/v1/audit", params={"action": "site.updated"}).json()["items"]
    entry = next(e for e in audit if e["target_id"] == str(site["id"]))
    assert entry["fields"] == ["gate_code"] and "1955" not in str(entry)
    # Technicians see neither, only that something is kept for them.
    seen = tech.get(f"/api/v1/customers/{c['id']}/sites").json()["items"][0]
    assert "gate_code" not in seen and seen["access_hidden"] is True
    assert tech.post(f"/api/v1/sites/{site['id']}/access/reveal").status_code == 403
    start = iso(utc_now() + datetime.timedelta(hours=1))
    wo = new_wo(dispatcher, customer_id=c["id"], site_id=site["id"], assignee_id=me(tech),
                scheduled_start=start)
    seen = tech.get(f"/api/v1/work-orders/{wo['id']}").json()
    assert seen["access_hidden"] is True and "gate_code" not in seen
    # The office reads the gate code on the work order too, not only on the site.
    office = dispatcher.get(f"/api/v1/work-orders/{wo['id']}").json()
    assert office["gate_code"] == "1955*" and office["access_notes"] == "Dog in the yard"
    r = tech.post(f"/api/v1/sites/{site['id']}/access/reveal")
    assert r.status_code == 200, r.text
    assert r.json() == {"site_id": site["id"], "access_notes": "Dog in the yard", "gate_code": "1955*"}


def test_a_gate_code_alone_is_hidden_from_technicians(dispatcher, tech):
    c = new_customer(dispatcher)
    site = new_site(dispatcher, c, gate_code="0000")
    seen = tech.get(f"/api/v1/customers/{c['id']}/sites").json()["items"][0]
    assert seen["access_hidden"] is True and "gate_code" not in seen


@pytest.mark.parametrize("body, field", [
    ({"gate_code": "x" * 101}, "gate_code"),
    ({"name": ""}, "name"),
    ({"colour": "red"}, "colour"),
])
def test_must_003_site_change_validation(dispatcher, body, field):
    site = new_site(dispatcher, new_customer(dispatcher))
    r = dispatcher.patch(f"/api/v1/sites/{site['id']}", json=body)
    assert r.status_code == 400 and field in error_of(r)["fields"]
