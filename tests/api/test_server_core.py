"""Server core: headers, errors, routing, limits, static files (issue 2)."""
import json
import os
import socket
import subprocess
import time

import requests

from fixtures.server import BIN, PG_URL, error_of, TEST_MASTER_KEY

CSP = ("default-src 'self'; script-src 'self'; style-src 'self'; object-src 'none'; "
       "base-uri 'none'; frame-ancestors 'none'; form-action 'self'")


def test_health_is_public_and_carries_every_security_header(server, http):
    r = http.get(server.url + "/health")
    assert r.status_code == 200
    assert r.json() == {"status": "ok"}
    h = r.headers
    assert h["Content-Security-Policy"] == CSP
    assert h["X-Content-Type-Options"] == "nosniff"
    assert h["Referrer-Policy"] == "no-referrer"
    assert "camera=()" in h["Permissions-Policy"]
    assert h["Cross-Origin-Opener-Policy"] == "same-origin"
    assert h["Cache-Control"] == "no-store"
    assert len(h["X-Request-Id"]) >= 16
    assert "Strict-Transport-Security" not in h  # plain HTTP, no trusted proxy


def test_request_ids_are_unique(server, http):
    ids = {http.get(server.url + "/health").headers["X-Request-Id"] for _ in range(20)}
    assert len(ids) == 20


def test_ready_reports_database_reachable(server, http):
    r = http.get(server.url + "/ready")
    assert r.status_code == 200
    assert r.json() == {"status": "ready"}


def test_unknown_api_path_is_json_404(server, http):
    r = http.get(server.url + "/api/v1/no-such-thing")
    assert r.status_code == 404
    e = error_of(r)
    assert e["code"] == "not_found"
    assert e["request_id"] == r.headers["X-Request-Id"]
    assert r.headers["Content-Security-Policy"] == CSP


def test_wrong_method_is_405_with_allow(server, http):
    r = http.post(server.url + "/health")
    assert r.status_code == 405
    assert r.headers["Allow"] == "GET, HEAD"
    assert error_of(r)["code"] == "method_not_allowed"


def test_head_has_headers_and_length_but_no_body(server):
    raw = server.raw(b"HEAD /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
    head, _, body = raw.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 200")
    assert b"Content-Length: 15" in head
    assert b"Content-Security-Policy" in head
    assert body == b""


def test_keep_alive_serves_several_requests_on_one_connection(server):
    req = b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n"
    with socket.create_connection((server.host, server.port), timeout=5) as s:
        for _ in range(3):
            s.sendall(req)
            data = b""
            while b'{"status":"ok"}' not in data:
                chunk = s.recv(4096)
                assert chunk, "connection closed early"
                data += chunk
            assert data.startswith(b"HTTP/1.1 200")


# --- bad input: each gets its documented 4xx and the server keeps serving ---

def still_serving(server):
    assert requests.get(server.url + "/health", timeout=5).status_code == 200


def test_malformed_request_line_is_400(server):
    raw = server.raw(b"GET\x01 /health HTTP/1.1\r\nHost: x\r\n\r\n")
    assert raw.startswith(b"HTTP/1.1 400"), raw[:80]
    body = raw.partition(b"\r\n\r\n")[2]
    assert json.loads(body)["error"]["code"] == "bad_request"
    assert b"Content-Security-Policy" in raw
    still_serving(server)


def test_garbage_instead_of_http_is_400(server):
    raw = server.raw(b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03 not http at all\r\n\r\n")
    assert raw.startswith(b"HTTP/1.1 400"), raw[:80]
    still_serving(server)


def test_huge_header_is_431(server):
    raw = server.raw(b"GET /health HTTP/1.1\r\nHost: x\r\nX-Big: " + b"a" * 40000 + b"\r\n\r\n")
    assert raw.startswith(b"HTTP/1.1 431"), raw[:80]
    assert json.loads(raw.partition(b"\r\n\r\n")[2])["error"]["code"] == "header_too_large"
    still_serving(server)


def test_oversize_body_is_413_without_reading_it(server):
    size = 2 * 1024 * 1024
    raw = server.raw(b"POST /api/v1/anything HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     b"Content-Length: " + str(size).encode() + b"\r\n\r\n" + b"{" * 1024)
    assert raw.startswith(b"HTTP/1.1 413"), raw[:80]
    assert json.loads(raw.partition(b"\r\n\r\n")[2])["error"]["code"] == "payload_too_large"
    still_serving(server)


def test_chunked_body_over_the_limit_is_413(server, http):
    def chunks():
        for _ in range(40):
            yield b"x" * 65536
    try:
        r = http.post(server.url + "/api/v1/anything", data=chunks(),
                      headers={"Content-Type": "application/json"})
        assert r.status_code == 413
    except requests.exceptions.ConnectionError:
        pass  # the server may close before the client finishes sending; also acceptable
    still_serving(server)


def test_slow_client_is_cut_off_with_408(make_server):
    s = make_server(extra_env={"BULWARK_HEADER_TIMEOUT": "2s"})
    start = time.monotonic()
    with socket.create_connection((s.host, s.port), timeout=10) as sock:
        data = b""
        for byte in b"GET /health HTTP/1.1\r\nHost: x\r\n":
            try:
                sock.sendall(bytes([byte]))
            except OSError:
                break
            time.sleep(1.0)
            sock.setblocking(False)
            try:
                chunk = sock.recv(4096)
                if chunk:
                    data += chunk
                    break
            except BlockingIOError:
                pass
            finally:
                sock.setblocking(True)
        if not data:
            sock.settimeout(5)
            data = sock.recv(4096)
    elapsed = time.monotonic() - start
    assert data.startswith(b"HTTP/1.1 408"), data[:80]
    assert elapsed < 6
    assert requests.get(s.url + "/health").status_code == 200


def test_idle_keep_alive_connection_is_closed(make_server):
    s = make_server(extra_env={"BULWARK_IDLE_TIMEOUT": "1s"})
    with socket.create_connection((s.host, s.port), timeout=5) as sock:
        start = time.monotonic()
        assert sock.recv(10) == b""  # closed by the server, silently
        assert time.monotonic() - start < 4


def test_connection_limit_answers_503(make_server):
    s = make_server(extra_env={"BULWARK_MAX_CONNECTIONS": "2"})
    held = [socket.create_connection((s.host, s.port)) for _ in range(2)]
    try:
        time.sleep(0.2)
        raw = s.raw(b"GET /health HTTP/1.1\r\nHost: x\r\n\r\n")
        assert raw.startswith(b"HTTP/1.1 503"), raw[:80]
    finally:
        for h in held:
            h.close()
    time.sleep(0.3)
    assert requests.get(s.url + "/health").status_code == 200


def test_must_not_001_logs_hold_no_query_strings_cookies_or_authorization(make_server):
    s = make_server()
    requests.get(s.url + "/api/v1/customers?search=Jane+Doe+555-0100",
                 headers={"Authorization": "Bearer SECRET-TOKEN-123",
                          "Cookie": "__Host-session=COOKIE-VALUE-456",
                          "X-Twilio-Signature": "SIGNATURE-789"})
    requests.post(s.url + "/api/v1/auth/login",
                  json={"email": "jane@example.com", "password": "PASSWORD-abc"})
    text = s.log_text()
    for secret in ["Jane", "555-0100", "SECRET-TOKEN-123", "COOKIE-VALUE-456", "SIGNATURE-789",
                   "jane@example.com", "PASSWORD-abc", "search="]:
        assert secret not in text, secret
    entries = [e for e in s.log_entries() if e.get("msg") == "request"]
    assert entries
    allowed = {"time", "level", "msg", "request_id", "method", "route", "status", "duration_ms",
               "org_id", "user_id", "client_ip"}
    for e in entries:
        assert set(e) <= allowed, e


def test_graceful_shutdown_exits_zero(make_server):
    s = make_server()
    assert requests.get(s.url + "/health").status_code == 200
    assert s.stop() == 0
    assert any(json.loads(l).get("msg") == "stopped" for l in s.lines if l.startswith("{"))


def test_shutdown_lets_in_flight_request_finish(make_server):
    s = make_server(extra_env={"BULWARK_BODY_TIMEOUT": "10s"})
    body = b'{"a":1}'
    with socket.create_connection((s.host, s.port), timeout=10) as sock:
        # The header arrives; the body is still on its way when SIGTERM lands.
        sock.sendall(b"POST /health HTTP/1.1\r\nHost: x\r\nContent-Length: 7\r\n\r\n")
        time.sleep(0.3)
        s.proc.send_signal(15)
        time.sleep(0.5)
        assert s.proc.poll() is None  # still draining
        sock.sendall(body)
        data = sock.recv(4096)
        assert data.startswith(b"HTTP/1.1 405")  # answered, not dropped
        assert b"Connection: close" in data
    assert s.proc.wait(10) == 0


def test_must_not_007_production_refuses_plain_http(tmp_path):
    env = {"PATH": os.environ["PATH"], "BULWARK_ENV": "production",
           "BULWARK_LISTEN": "127.0.0.1:0", "BULWARK_DATA_DIR": str(tmp_path),
           "BULWARK_SECRET_KEY": "x" * 40, "BULWARK_PUBLIC_URL": "https://b.example"}
    p = subprocess.run([BIN, "serve"], env=env, capture_output=True, text=True, timeout=20)
    assert p.returncode == 2
    assert "MUST-NOT-007" in p.stderr
    assert "BULWARK_TLS_CERT" in p.stderr


def test_must_008_production_names_missing_secret_without_echoing_values(tmp_path):
    env = {"PATH": os.environ["PATH"], "BULWARK_ENV": "production",
           "BULWARK_LISTEN": "127.0.0.1:0", "BULWARK_DATA_DIR": str(tmp_path),
           "BULWARK_TRUSTED_PROXY": "127.0.0.1", "BULWARK_SECRET_KEY": "tooshort-value",
           "BULWARK_PUBLIC_URL": "https://b.example"}
    p = subprocess.run([BIN, "serve"], env=env, capture_output=True, text=True, timeout=20)
    assert p.returncode == 2
    assert "BULWARK_SECRET_KEY: too short" in p.stderr
    assert "tooshort-value" not in p.stderr + p.stdout


def test_behind_trusted_proxy_hsts_is_sent_for_https(make_server):
    s = make_server(extra_env={"BULWARK_TRUSTED_PROXY": "127.0.0.1"})
    r = requests.get(s.url + "/health", headers={"X-Forwarded-Proto": "https"})
    assert r.headers["Strict-Transport-Security"].startswith("max-age=")
    r = requests.get(s.url + "/health")
    assert "Strict-Transport-Security" not in r.headers


def test_tls_1_3_with_hsts(make_server, tmp_path):
    cert, key = tmp_path / "cert.pem", tmp_path / "key.pem"
    subprocess.run(["openssl", "req", "-x509", "-newkey", "ec", "-pkeyopt",
                    "ec_paramgen_curve:prime256v1", "-nodes", "-days", "1", "-subj", "/CN=127.0.0.1",
                    "-keyout", str(key), "-out", str(cert)], check=True, capture_output=True)
    s = make_server(extra_env={"BULWARK_TLS_CERT": str(cert), "BULWARK_TLS_KEY": str(key)})
    r = requests.get(s.url + "/health", verify=str(cert))
    assert r.status_code == 200
    assert r.headers["Strict-Transport-Security"].startswith("max-age=")
    # TLS 1.2 is refused unless explicitly allowed.
    p = subprocess.run(["openssl", "s_client", "-connect", s.address, "-tls1_2"],
                       input="", capture_output=True, text=True, timeout=20)
    assert "Cipher is (NONE)" in p.stdout or p.returncode != 0


def test_cli_help_is_useful():
    out = subprocess.run([BIN, "--help"], capture_output=True, text=True).stdout
    for word in ["serve", "migrate", "admin", "BULWARK_"]:
        assert word in out
    out = subprocess.run([BIN, "serve", "--help"], capture_output=True, text=True).stdout
    assert "SIGTERM" in out


def test_migrate_command_is_idempotent(tmp_path):
    env = {"PATH": os.environ["PATH"], "BULWARK_DATA_DIR": str(tmp_path)}
    if PG_URL:
        # The shared database's keys are wrapped by the test servers' master key.
        env["BULWARK_DATABASE_URL"] = PG_URL
        env["BULWARK_MASTER_KEY"] = TEST_MASTER_KEY
    first = subprocess.run([BIN, "migrate"], env=env, capture_output=True, text=True)
    assert first.returncode == 0, first.stderr
    second = subprocess.run([BIN, "migrate"], env=env, capture_output=True, text=True)
    assert second.returncode == 0
    assert "(0 applied, 0 checksums adopted)" in second.stdout
    status = subprocess.run([BIN, "migrate", "--status"], env=env, capture_output=True, text=True)
    assert "applied" in status.stdout and "pending" not in status.stdout
    assert "checksum matches" in status.stdout and "DIFFERS" not in status.stdout
