"""Export everything (issue 13 item 8; GDPR Art. 20 for the organization): an
owner asks (202 and an id), the jobs worker builds the ZIP (JSON Lines per
table, attachments, personal data decrypted), the owner downloads it within
24 hours (410 after), every step audited; other roles get 403, another
organization's export id is 404. `bulwark admin export` writes the same
archive. Secrets (password hashes, session tokens, wrapped keys) never leave."""
import io
import json
import os
import time
import zipfile

import pytest

from fixtures.clock import hooks_binary
from fixtures.database import db_query
from fixtures.people import admin, create_org, login, new_user_client, outsider, unique
from fixtures.server import error_of
from test_privacy_erase_export import ok, seed

EXPECTED_TABLES = {"orgs", "users", "customers", "sites", "work_orders", "work_order_comments",
                   "work_order_checklist", "work_order_time", "attachments", "invoices",
                   "invoice_lines", "sms_messages", "audit_log"}


@pytest.fixture
def exporter(make_clock_server, clamd_socket):
    s = make_clock_server(extra_env={"BULWARK_CLAMD_SOCKET": clamd_socket,
                                     "BULWARK_JOBS_INTERVAL": "200ms"})
    slug = create_org(s)
    people = {role: new_user_client(s, slug, role)
              for role in ("owner", "admin", "dispatcher", "technician", "viewer")}
    s.emails = {role: email for role, (_, email) in people.items()}
    return s, slug, {role: client for role, (client, _) in people.items()}


def wait_ready(client, export_id, timeout=30):
    deadline = time.time() + timeout
    while time.time() < deadline:
        st = ok(client.get(f"/api/v1/org/export/{export_id}"), 200)
        if st["status"] in ("ready", "failed"):
            return st
        time.sleep(0.2)
    raise AssertionError(f"export {export_id} not ready: {st}")


def tables_of(z):
    out = {}
    for name in z.namelist():
        if name.startswith("tables/") and name.endswith(".jsonl"):
            text = z.read(name).decode()
            out[name[len("tables/"):-len(".jsonl")]] = [json.loads(l) for l in text.splitlines()]
    return out


def check_archive(z, seeded, org_id):
    """Every seeded item is there, decrypted; the photo's bytes too; no secret."""
    tables = tables_of(z)
    assert EXPECTED_TABLES <= set(tables), set(tables)
    manifest = json.loads(z.read("manifest.json"))
    assert manifest["format"] == "bulwark.org-export/1"
    for t, rows in tables.items():
        assert manifest["tables"][t] == len(rows)
        for r in rows:
            assert "password_hash" not in r and "token_hash" not in r and "row_key" not in r
            if "org_id" in r:
                assert str(r["org_id"]) == str(org_id), (t, r)
    assert not any(n.startswith("tables/sessions") or n.startswith("tables/org_keys")
                   for n in z.namelist())
    s = seeded["secrets"]
    customer = next(r for r in tables["customers"] if str(r["id"]) == str(seeded["customer"]["id"]))
    for k in ("name", "phone", "email", "billing_address", "notes"):
        assert customer[k] == s[k], k
    site = next(r for r in tables["sites"] if str(r["id"]) == str(seeded["site"]["id"]))
    assert (site["address"], site["access_notes"], site["gate_code"]) == (
        s["site_address"], s["access_notes"], s["gate_code"])
    assert any(r["body"] == s["sms_body"] for r in tables["sms_messages"])
    assert any(r["body"] == s["comment"] for r in tables["work_order_comments"])
    assert any(r["note"] == s["time_note"] for r in tables["work_order_time"])
    assert any(r["description"] == s["description"] for r in tables["work_orders"])
    photo = next(r for r in tables["attachments"] if str(r["id"]) == str(seeded["photo"]["id"]))
    assert photo["caption"] == s["caption"]
    data = z.read(photo["file"])
    assert data.startswith(b"\x89PNG"), photo["file"]
    assert str(len(data)) == str(photo["size_bytes"])


def test_org_export_owner_downloads_every_table_and_attachment_decrypted_ISSUE13_8(exporter):
    s, slug, p = exporter
    seeded = seed(s, p["dispatcher"], p["technician"], "8101")
    r = p["owner"].post("/api/v1/org/export")
    assert r.status_code == 202, r.text
    started = r.json()
    assert started["status"] in ("queued", "running", "ready")
    st = wait_ready(p["owner"], started["id"])
    assert st["status"] == "ready", st
    assert st["tables_done"] == st["tables_total"] > 0 and st["rows"] > 0
    assert st["download_url"] == f"/api/v1/org/export/{started['id']}/download"
    d = p["owner"].get(st["download_url"])
    assert d.status_code == 200, d.text
    assert d.headers["Content-Type"] == "application/zip"
    assert d.headers["Cache-Control"] == "private, no-store"
    check_archive(zipfile.ZipFile(io.BytesIO(d.content)), seeded, seeded["org_id"])
    actions = [row[0] for row in db_query(
        s, f"SELECT action FROM audit_log WHERE org_id = {seeded['org_id']} "
           "AND target_type = 'org_export' ORDER BY id")]
    assert actions == ["org.export_requested", "org.export_ready", "org.export_downloaded"]
    # The stored archive is sealed: no seeded value in its chunks.
    chunks = "".join(r[0] for r in db_query(
        s, f"SELECT data FROM org_export_chunks WHERE export_id = {started['id']}"))
    assert chunks and seeded["secrets"]["gate_code"] not in chunks
    assert seeded["secrets"]["name"] not in chunks


def test_org_export_is_the_owners_alone_and_another_orgs_id_is_404_ISSUE13_8(exporter):
    s, slug, p = exporter
    for role in ("admin", "dispatcher", "technician", "viewer"):
        r = p[role].post("/api/v1/org/export")
        assert r.status_code == 403, (role, r.text)
    started = ok(p["owner"].post("/api/v1/org/export"), 202)
    wait_ready(p["owner"], started["id"])
    for role in ("admin", "dispatcher", "viewer"):
        assert p[role].get(f"/api/v1/org/export/{started['id']}").status_code == 403
        assert p[role].get(f"/api/v1/org/export/{started['id']}/download").status_code == 403
    other = outsider(s)
    assert error_of(other.get(f"/api/v1/org/export/{started['id']}"))["code"] == "not_found"
    r = other.get(f"/api/v1/org/export/{started['id']}/download")
    assert r.status_code == 404


def test_org_export_link_is_gone_after_24_hours_ISSUE13_8(exporter):
    s, slug, p = exporter
    if not hooks_binary():
        pytest.skip("needs the test-hooks binary to move the clock by a day")
    started = ok(p["owner"].post("/api/v1/org/export"), 202)
    st = wait_ready(p["owner"], started["id"])
    assert p["owner"].get(st["download_url"]).status_code == 200
    s.clock.advance(24 * 3600 + 60)
    owner = login(s, s.emails["owner"])  # the old session has expired too
    r = owner.get(st["download_url"])
    assert r.status_code == 410, r.text
    assert error_of(r)["reason"] == "export_expired"
    assert ok(owner.get(f"/api/v1/org/export/{started['id']}"), 200)["status"] == "expired"
    left = db_query(s, f"SELECT COUNT(*) FROM org_export_chunks WHERE export_id = {started['id']}")
    assert str(left[0][0]) == "0"  # the sealed archive is gone with its link


def test_admin_export_cli_writes_the_same_archive_ISSUE13_8(exporter, tmp_path):
    s, slug, p = exporter
    seeded = seed(s, p["dispatcher"], p["technician"], "8102")
    out = tmp_path / "org.zip"
    r = admin(s, "export", "--org", slug, "--out", str(out))
    assert r.stdout.strip() == str(out)
    assert "customers:" in r.stderr and "rows" in r.stderr
    assert oct(os.stat(out).st_mode & 0o777) == oct(0o600)
    cli_zip = zipfile.ZipFile(out)
    check_archive(cli_zip, seeded, seeded["org_id"])
    started = ok(p["owner"].post("/api/v1/org/export"), 202)
    st = wait_ready(p["owner"], started["id"])
    api_zip = zipfile.ZipFile(io.BytesIO(p["owner"].get(st["download_url"]).content))
    assert set(api_zip.namelist()) == set(cli_zip.namelist())
    for t in ("customers", "sites", "work_orders", "attachments", "sms_messages"):
        assert api_zip.read(f"tables/{t}.jsonl") == cli_zip.read(f"tables/{t}.jsonl"), t
    with pytest.raises(AssertionError):
        admin(s, "export", "--org", unique("nope"), "--out", str(tmp_path / "x.zip"))
