"""MUST-NOT-010: no way to move time in a release binary. Only
bulwark-test-hooks (CMake -DBULWARK_TEST_HOOKS=ON) has a clock that tests
can move (fixtures/clock.py); the release binary ignores the variable, says
so, and has no route for it."""
import os
import subprocess

import pytest

from fixtures.clock import ServerClock, clock_file, hooks_binary
from fixtures.people import create_org, create_user, login
from fixtures.routes import all_routes
from fixtures.server import BIN

TWO_DAYS = 2 * 24 * 3600


def test_must_not_010_release_binary_ignores_the_test_clock_file(make_server):
    path = clock_file()
    try:
        clock = ServerClock(path)
        s = make_server(extra_env={"BULWARK_TEST_CLOCK_FILE": path})
        c = login(s, create_user(s, create_org(s), "viewer"))
        clock.advance(TWO_DAYS)  # past the 24 h idle timeout, if the clock moved
        assert c.get("/api/v1/auth/me").status_code == 200
        log = s.log_text()
        assert "BULWARK_TEST_CLOCK_FILE is ignored" in log
        assert "test-hooks build" not in log
    finally:
        os.unlink(path)


def test_must_not_010_release_route_table_has_no_clock_or_test_route():
    for r in all_routes():
        assert not any(word in r["pattern"].lower() for word in ("clock", "/test", "debug")), r


def image_of(path):
    with open(path, "rb") as f:
        return f.read()


def test_must_not_010_release_binary_holds_no_movable_clock():
    """The movable clock is a class compiled only under BULWARK_TEST_HOOKS
    (src/core/process_clock.cpp); its type name is in a binary that has it."""
    assert b"FileOffsetClock" not in image_of(BIN)
    if hooks_binary():
        assert b"FileOffsetClock" in image_of(hooks_binary())  # the control


@pytest.mark.skipif(not hooks_binary(), reason="bulwark-test-hooks was not built")
def test_test_hooks_binary_moves_time_and_refuses_production(make_clock_server, tmp_path):
    s = make_clock_server(extra_env={"BULWARK_SESSION_IDLE_TIMEOUT": "2s"})
    assert s.clock.moves_time
    c = login(s, create_user(s, create_org(s), "viewer"))
    assert c.get("/api/v1/auth/me").status_code == 200
    s.clock.advance(3)  # at once: no sleep
    assert c.get("/api/v1/auth/me").status_code == 401
    assert "test-hooks build" in s.log_text()
    env = {"PATH": os.environ["PATH"], "BULWARK_DATA_DIR": str(tmp_path),
           "BULWARK_ENV": "production"}
    p = subprocess.run([hooks_binary(), "serve"], env=env, capture_output=True, text=True,
                       timeout=20)
    assert p.returncode == 2 and "test-hooks build" in p.stderr
