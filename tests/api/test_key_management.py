"""The master key and key hierarchy of field-level encryption (issue 13 items 1
and 3; the policy's "At Rest: AES-256", no MUST id): start-up refusals, the
fingerprint check, escrow and rotate-master on both engines."""
import os
import re
import secrets
import sqlite3
import subprocess
import uuid

import pytest

from fixtures.database import pg_database, psql
from fixtures.server import BIN, PG_URL, TEST_MASTER_KEY, Server
from fixtures.people import admin, create_org

OTHER_KEY = secrets.token_hex(32)  # made at run time, like the test master key


def serve_once(env, data_dir):
    base = {"PATH": os.environ["PATH"], "BULWARK_LISTEN": "127.0.0.1:0",
            "BULWARK_DATA_DIR": str(data_dir)}
    if PG_URL:
        base["BULWARK_DATABASE_URL"] = env.pop("BULWARK_DATABASE_URL", PG_URL)
    base.update(env)
    return subprocess.run([BIN, "serve"], env=base, capture_output=True, text=True, timeout=30)


@pytest.fixture
def own_database(tmp_path):
    """A database of the test's own: rotation changes the fingerprint, which
    must not leak into the PostgreSQL database the other tests share."""
    if not PG_URL:
        yield {}
        return
    name = f"keys_{uuid.uuid4().hex[:8]}"
    psql(pg_database("postgres"), f"CREATE DATABASE {name}")
    yield {"BULWARK_DATABASE_URL": pg_database(name)}
    psql(pg_database("postgres"), f"DROP DATABASE IF EXISTS {name} WITH (FORCE)")


def test_at_rest_aes256_production_without_master_key_refuses(tmp_path):
    p = serve_once({"BULWARK_ENV": "production", "BULWARK_TRUSTED_PROXY": "127.0.0.1",
                    "BULWARK_SECRET_KEY": "s" * 40, "BULWARK_PUBLIC_URL": "https://b.example"},
                   tmp_path)
    assert p.returncode == 2, p.stderr
    assert "BULWARK_MASTER_KEY or BULWARK_MASTER_KEY_FILE is required in production" in p.stderr
    assert not (tmp_path / "master.key").exists()


def test_at_rest_aes256_bad_master_key_is_refused_without_echoing_it(tmp_path):
    p = serve_once({"BULWARK_MASTER_KEY": "not-a-real-key-value"}, tmp_path)
    assert p.returncode == 2
    assert "BULWARK_MASTER_KEY: must be 32 bytes" in p.stderr
    assert "not-a-real-key-value" not in p.stderr + p.stdout


def test_at_rest_aes256_development_generates_a_key_file_0600_with_a_warning(make_server):
    if PG_URL:  # before starting: the server would record its key's fingerprint there
        pytest.skip("the shared PostgreSQL database holds the suite's key's fingerprint")
    s = make_server(extra_env={"BULWARK_MASTER_KEY": ""})
    path = os.path.join(s.data_dir, "master.key")
    assert oct(os.stat(path).st_mode & 0o777) == "0o600"
    text = s.log_text()
    assert "NO MASTER KEY CONFIGURED" in text
    assert open(path).read().strip() not in text


def test_at_rest_aes256_restart_with_another_key_refuses_and_says_what_to_do(own_database, tmp_path):
    env = {"BULWARK_MASTER_KEY": TEST_MASTER_KEY, **own_database}
    s = Server(extra_env=env, data_dir=str(tmp_path))
    fingerprint = next(e["name"] for e in s.log_entries() if e.get("msg") == "master key fingerprint")
    assert re.fullmatch(r"[0-9a-f]{16}", fingerprint)
    assert TEST_MASTER_KEY not in s.log_text()
    assert s.stop() == 0
    p = serve_once({"BULWARK_MASTER_KEY": OTHER_KEY, **own_database}, tmp_path)
    assert p.returncode == 2
    assert f"fingerprint {fingerprint}" in p.stderr
    assert "rotate-master" in p.stderr and "verify-escrow" in p.stderr
    assert OTHER_KEY not in p.stderr + p.stdout


def test_at_rest_aes256_rotate_master_then_restart_with_the_new_key(own_database, tmp_path):
    env = {"BULWARK_MASTER_KEY": TEST_MASTER_KEY, **own_database}
    s = Server(extra_env=env, data_dir=str(tmp_path))
    create_org(s)
    create_org(s)  # each organization gets a data key and a blind-index key
    s.stop()
    before = admin(s, "keys", "status").stdout
    assert "organizations with keys: 2" in before and "1:data 2:blind_index" in before
    new_key_file = tmp_path / "new.key"
    new_key_file.write_text(OTHER_KEY + "\n")
    r = admin(s, "keys", "rotate-master", check=False)
    assert r.returncode == 2 and "BULWARK_NEW_MASTER_KEY" in r.stderr
    s.env["BULWARK_NEW_MASTER_KEY_FILE"] = str(new_key_file)
    r = admin(s, "keys", "rotate-master")
    assert "re-wrapped 4 keys" in r.stdout and OTHER_KEY not in r.stdout + r.stderr
    # The old key is refused now; the new one starts.
    p = serve_once(dict(env), tmp_path)
    assert p.returncode == 2 and "is not the one" in p.stderr
    s2 = Server(extra_env={**env, "BULWARK_MASTER_KEY": OTHER_KEY}, data_dir=str(tmp_path))
    assert s2.stop() == 0
    status = admin(s2, "keys", "status").stdout
    assert "matches" in status and OTHER_KEY not in status
    assert "organizations with keys: 2" in status
    # The rotation is in each organization's audit log.
    assert admin(s2, "audit", "verify").returncode == 0
    q = "SELECT count(*) FROM audit_log WHERE action = 'keys.master_rotated'"
    if PG_URL:
        count = int(psql(own_database["BULWARK_DATABASE_URL"], q).strip())
    else:
        count = sqlite3.connect(tmp_path / "bulwark.sqlite3").execute(q).fetchone()[0]
    assert count == 2


def test_at_rest_aes256_escrow_only_to_a_terminal_and_verify_escrow(own_database, tmp_path):
    env = {"BULWARK_MASTER_KEY": TEST_MASTER_KEY, **own_database}
    s = Server(extra_env=env, data_dir=str(tmp_path))
    s.stop()
    r = admin(s, "keys", "escrow", check=False)
    assert r.returncode == 2 and "terminal" in r.stderr and TEST_MASTER_KEY[:8] not in r.stdout
    copy = admin(s, "keys", "escrow", "--force")
    assert "WARNING" in copy.stderr
    ok = admin(s, "keys", "verify-escrow", stdin=copy.stdout)
    assert "matches" in ok.stdout
    lines = copy.stdout.splitlines()
    mistyped = lines[1].replace(lines[1][0], "0" if lines[1][0] != "0" else "1", 1)
    bad = admin(s, "keys", "verify-escrow", stdin="\n".join([mistyped, lines[2]]), check=False)
    assert bad.returncode != 0 and "line 1" in bad.stderr
