"""The advanced audit log (issue 15 item 6): records name people instead of
ids, and the log exports with the list's filters as CSV (formula-leading
cells escaped) or JSON Lines; the export itself is a security event."""
import csv
import io
import json

import pytest

from fixtures.people import PASSWORD, admin, create_org, login, step_up, unique
from fixtures.server import Server, error_of


@pytest.fixture(scope="module")
def server():
    s = Server()
    yield s
    s.stop()


def named_user(server, org, role, name):
    email = f"{unique(role)}@example.com"
    admin(server, "create-user", "--org", org, "--email", email, "--role", role, "--name", name,
          "--password-stdin", stdin=PASSWORD + "\n")
    return email


@pytest.fixture(scope="module")
def office(server):
    org = create_org(server)
    owner = login(server, named_user(server, org, "owner", "Dana Owner"))
    victim_email = named_user(server, org, "technician", '=HYPERLINK("http://evil.example","x")')
    victim = login(server, victim_email)
    r = owner.post(f"/api/v1/users/{victim.user_id}/revoke-sessions")
    assert r.status_code == 200, r.text
    return step_up(owner), victim  # exporting is a step_up route


def test_audit_records_name_the_people_involved(office):
    owner, victim = office
    items = owner.get("/api/v1/audit?action=session.revoked_user").json()["items"]
    (record,) = items
    assert record["actor_name"] == "Dana Owner"
    assert record["target_name"] == '=HYPERLINK("http://evil.example","x")'
    login_record = owner.get("/api/v1/audit?action=auth.login").json()["items"][-1]
    assert login_record["actor_name"] == "Dana Owner"


def export(client, **params):
    query = "&".join(f"{k}={v}" for k, v in params.items())
    return client.get(f"/api/v1/audit/export?{query}")


def test_csv_export_has_every_record_with_formulas_escaped(office):
    owner, _ = office
    r = export(owner, format="csv")
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("text/csv")
    assert "attachment" in r.headers["Content-Disposition"]
    assert r.headers["Cache-Control"] == "no-store"
    text = r.content.decode("utf-8-sig")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert int(r.headers["X-Bulwark-Rows"]) == len(rows) >= 3
    revoked = next(row for row in rows if row["action"] == "session.revoked_user")
    assert revoked["actor_name"] == "Dana Owner"
    # A spreadsheet reads it as text, never as a formula.
    assert revoked["target_name"].startswith("'=HYPERLINK")
    assert rows[0]["at"].endswith("Z")
    seqs = [int(row["seq"]) for row in rows]
    assert seqs == sorted(seqs, reverse=True)


def test_jsonl_export_takes_the_lists_filters(office):
    owner, _ = office
    r = export(owner, format="jsonl", action="auth.")
    assert r.status_code == 200 and r.headers["Content-Type"].startswith("application/x-ndjson")
    lines = [json.loads(line) for line in r.text.splitlines()]
    assert lines and all(line["action"].startswith("auth.") for line in lines)
    assert {"seq", "at", "actor_name", "target_name", "ip", "outcome"} <= set(lines[0])


def test_every_export_is_itself_audited(office):
    owner, _ = office
    before = len(owner.get("/api/v1/audit?action=audit.exported").json()["items"])
    assert export(owner, format="jsonl").status_code == 200
    after = owner.get("/api/v1/audit?action=audit.exported").json()["items"]
    assert len(after) == before + 1 and after[0]["actor_name"] == "Dana Owner"


@pytest.mark.parametrize("params", [{"format": "xlsx"}, {"format": "csv", "mystery": "1"},
                                    {"format": "csv", "since": "yesterday"}])
def test_a_bad_export_request_is_a_clear_400(office, params):
    owner, _ = office
    r = export(owner, **params)
    assert r.status_code == 400, r.text
    assert error_of(r)["code"] in ("validation_failed", "bad_request")


def test_only_those_who_read_the_audit_log_export_it(server, office):
    owner, victim = office
    r = export(step_up(login(server, victim.email)), format="csv")
    assert r.status_code == 403 and error_of(r)["reason"] == "permission_denied"


def test_an_export_needs_a_fresh_factor(server, office):
    owner, _ = office
    fresh = login(server, owner.email)
    r = export(fresh, format="csv")
    assert r.status_code == 403 and error_of(r)["reason"] == "step_up_required", r.text
