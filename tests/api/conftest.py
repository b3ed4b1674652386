"""Black-box API tests: a real `bulwark serve` on 127.0.0.1, port 0.

Environment:
  BULWARK_BIN                 path to the binary (default build/bulwark)
  BULWARK_TEST_DATABASE_URL   run on this PostgreSQL database instead of SQLite
  BULWARK_TEST_PG_DIR         the test PostgreSQL's directory (fault tests restart it)
"""
import json
import os
import pathlib
import socket
import subprocess
import tempfile
import threading
import time

import pytest
import requests

ROOT = pathlib.Path(__file__).resolve().parents[2]
BIN = os.environ.get("BULWARK_BIN", str(ROOT / "build" / "bulwark"))
PG_URL = os.environ.get("BULWARK_TEST_DATABASE_URL", "")


class Server:
    """One bulwark process; its JSON log lines are collected for assertions."""

    def __init__(self, extra_env=None, data_dir=None):
        self.data_dir = data_dir or tempfile.mkdtemp(prefix="bulwark-api-")
        env = {
            "PATH": os.environ.get("PATH", "/usr/bin:/bin"),
            "BULWARK_LISTEN": "127.0.0.1:0",
            "BULWARK_DATA_DIR": self.data_dir,
            "BULWARK_LOG_LEVEL": "info",
            # Every test client is 127.0.0.1: per-IP limits are raised here and
            # tested on purpose in the tests that lower them again.
            "BULWARK_RATE_AUTH_PER_MINUTE": "100000",
            "BULWARK_IP_FAILURE_LIMIT": "100000",
        }
        if PG_URL:
            env["BULWARK_DATABASE_URL"] = PG_URL
        env.update(extra_env or {})
        self.env = env
        self.lines = []
        self.proc = subprocess.Popen(
            [BIN, "serve"], env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True
        )
        self.address = None
        ready = threading.Event()

        def pump():
            for line in self.proc.stdout:
                self.lines.append(line.rstrip("\n"))
                if self.address is None:
                    try:
                        entry = json.loads(line)
                    except ValueError:
                        continue
                    if entry.get("msg") == "listening":
                        self.address = entry["address"]
                        ready.set()
            ready.set()

        self.reader = threading.Thread(target=pump, daemon=True)
        self.reader.start()
        if not ready.wait(30) or self.address is None:
            self.stop()
            raise RuntimeError("server did not start:\n" + "\n".join(self.lines))
        scheme = "https" if env.get("BULWARK_TLS_CERT") else "http"
        self.url = f"{scheme}://{self.address}"
        self.host, port = self.address.rsplit(":", 1)
        self.port = int(port)

    def log_text(self):
        time.sleep(1.2)  # the async logger flushes every second
        return "\n".join(self.lines)

    def log_entries(self):
        out = []
        for line in self.log_text().splitlines():
            try:
                out.append(json.loads(line))
            except ValueError:
                pass
        return out

    def raw(self, data: bytes, timeout=5.0, read_all=True):
        """Send raw bytes on a fresh socket; return what came back."""
        with socket.create_connection((self.host, self.port), timeout=timeout) as s:
            s.sendall(data)
            chunks = []
            try:
                while True:
                    chunk = s.recv(65536)
                    if not chunk:
                        break
                    chunks.append(chunk)
                    if not read_all:
                        break
            except socket.timeout:
                pass
            return b"".join(chunks)

    def stop(self, sig=None):
        if self.proc.poll() is None:
            self.proc.send_signal(sig or 15)
            try:
                self.proc.wait(20)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        return self.proc.returncode


@pytest.fixture(scope="session")
def server():
    s = Server()
    yield s
    s.stop()


@pytest.fixture
def make_server():
    started = []

    def make(**kwargs):
        s = Server(**kwargs)
        started.append(s)
        return s

    yield make
    for s in started:
        s.stop()


@pytest.fixture
def http():
    with requests.Session() as session:
        yield session


def error_of(response):
    body = response.json()
    assert set(body) == {"error"}, body
    return body["error"]
