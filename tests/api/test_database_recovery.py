"""PostgreSQL restarts: requests get 503 while it is down, then recover by themselves."""
import os
import subprocess
import time

import pytest
import requests

from fixtures.server import PG_URL, ROOT

PG_DIR = os.environ.get("BULWARK_TEST_PG_DIR", "")


@pytest.mark.skipif(not (PG_URL and PG_DIR), reason="needs the test PostgreSQL (scripts/test.sh)")
def test_ready_is_503_while_postgres_is_down_then_recovers(make_server, server):
    s = make_server(extra_env={"BULWARK_DB_POOL_SIZE": "2"})
    assert requests.get(s.url + "/ready").status_code == 200
    pg = str(ROOT / "scripts" / "pg-test-server.sh")
    subprocess.run([pg, "restart-stop", PG_DIR], check=True)
    try:
        r = requests.get(s.url + "/ready", timeout=15)
        assert r.status_code == 503
        assert r.json()["error"]["code"] == "service_unavailable"
        assert requests.get(s.url + "/health").status_code == 200  # liveness unaffected
    finally:
        subprocess.run([pg, "restart-start", PG_DIR], check=True)
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if requests.get(s.url + "/ready", timeout=15).status_code == 200:
            break
        time.sleep(0.5)
    else:
        pytest.fail("the server did not recover after PostgreSQL came back")
    # The session's shared server also held connections to the PostgreSQL that
    # restarted: each answers one request with 503 before the pool replaces it
    # (the same recovery). Let them go now, so later tests start on a healthy pool.
    deadline = time.monotonic() + 20
    while requests.get(server.url + "/ready", timeout=15).status_code != 200:
        assert time.monotonic() < deadline, "the shared server did not recover"
