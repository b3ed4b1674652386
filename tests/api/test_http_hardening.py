"""HTTP hardening from the outside review (issue 10, items 12-14): request
framing that could smuggle a second request, one address taking every
connection, and unknown API paths answering 405 instead of 404."""
import json
import socket
import time

import pytest
import requests

from fixtures.people import unique
from fixtures.server import error_of


# --- helpers ---------------------------------------------------------------

def connect(server, source="127.0.0.1", timeout=5.0):
    """A TCP connection to the server from `source` (all of 127/8 is loopback on Linux)."""
    s = socket.create_connection((server.host, server.port), timeout=timeout,
                                 source_address=(source, 0))
    return s


def exchange(server, data, source="127.0.0.1", timeout=5.0):
    """Send raw bytes; read until the server closes. Returns (bytes, closed_by_server)."""
    with connect(server, source, timeout) as s:
        s.sendall(data)
        chunks = []
        try:
            while True:
                chunk = s.recv(65536)
                if not chunk:
                    return b"".join(chunks), True
                chunks.append(chunk)
        except socket.timeout:
            return b"".join(chunks), False
        except ConnectionResetError:
            return b"".join(chunks), True


def responses(raw):
    """Split a byte stream of HTTP/1.1 responses (each with Content-Length) into
    (status, headers, body) triples."""
    out = []
    while raw:
        head, sep, rest = raw.partition(b"\r\n\r\n")
        assert sep, raw[:200]
        lines = head.decode("latin-1").split("\r\n")
        assert lines[0].startswith("HTTP/1.1 "), lines[0]
        status = int(lines[0].split(" ")[1])
        headers = {}
        for line in lines[1:]:
            name, _, value = line.partition(":")
            headers[name.strip().lower()] = value.strip()
        length = int(headers.get("content-length", "0"))
        out.append((status, headers, rest[:length]))
        raw = rest[length:]
    return out


def get_health(server, source="127.0.0.1"):
    raw, _ = exchange(server, b"GET /health HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n",
                      source=source)
    return responses(raw)[0]


# --- item 12: request smuggling ---------------------------------------------

def smuggled_customer_request(client, name):
    """A complete, authenticated request that creates a customer: the payload an
    attacker hides in the body of the outer request."""
    body = json.dumps({"name": name}).encode()
    return (b"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\n"
            b"Cookie: __Host-session=" + client.session_token.encode() +
            b"; csrf_token=" + client.csrf_token.encode() + b"\r\n"
            b"X-CSRF-Token: " + client.csrf_token.encode() + b"\r\n"
            b"Content-Type: application/json\r\nContent-Length: " + str(len(body)).encode() +
            b"\r\n\r\n" + body)


def customer_exists(client, name):
    r = client.get("/api/v1/customers", params={"q": name})
    assert r.status_code == 200, r.text
    return any(c["name"] == name for c in r.json()["items"])


def outer_request(framing_headers, body):
    return (b"POST /api/v1/auth/logout HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            + framing_headers + b"\r\n" + body)


def assert_refused_and_closed(raw, closed, status, reason):
    answered = responses(raw)
    assert len(answered) == 1, f"the smuggled request was answered: {raw!r}"
    got_status, headers, body = answered[0]
    assert got_status == status, raw[:300]
    assert headers.get("connection") == "close"
    assert headers.get("content-type", "").startswith("application/json")
    error = json.loads(body)["error"]
    assert error["reason"] == reason
    assert error["request_id"] == headers["x-request-id"]
    assert closed, "the server kept the connection open"


def test_pipelined_request_after_a_well_framed_one_runs(server, dispatcher):
    # The control for the tests below: the same payload, correctly framed as a
    # second request, is answered and executed, so "not executed" there means refused.
    name = unique("Control")
    raw, _ = exchange(server, outer_request(b"Content-Length: 0\r\n",
                                            smuggled_customer_request(dispatcher, name)),
                      timeout=2.0)
    assert [status for status, _, _ in responses(raw)][1] == 201
    assert customer_exists(dispatcher, name)


@pytest.mark.parametrize("coding", ["gzip", "identity", "xchunked", "chunked, identity",
                                    "chunked, chunked"])
def test_transfer_encoding_not_exactly_chunked_is_400_and_the_smuggled_request_never_runs(
        server, dispatcher, coding):
    name = unique("Smuggled")
    raw, closed = exchange(server, outer_request(b"Transfer-Encoding: " + coding.encode() + b"\r\n",
                                                 smuggled_customer_request(dispatcher, name)))
    reason = ("transfer_encoding_invalid" if coding == "chunked, chunked"
              else "transfer_encoding_not_chunked")
    assert_refused_and_closed(raw, closed, 400, reason)
    assert not customer_exists(dispatcher, name)


def test_transfer_encoding_split_over_two_fields_not_ending_in_chunked_is_400(server, dispatcher):
    name = unique("Smuggled")
    raw, closed = exchange(server, outer_request(
        b"Transfer-Encoding: chunked\r\nTransfer-Encoding: gzip\r\n",
        b"0\r\n\r\n" + smuggled_customer_request(dispatcher, name)))
    assert_refused_and_closed(raw, closed, 400, "transfer_encoding_invalid")
    assert not customer_exists(dispatcher, name)


def test_unknown_coding_before_chunked_is_501_and_closes(server, dispatcher):
    # We implement no content codings: "gzip, chunked" is refused (RFC 9112 §6.1 allows 501).
    name = unique("Smuggled")
    raw, closed = exchange(server, outer_request(
        b"Transfer-Encoding: gzip, chunked\r\n",
        b"0\r\n\r\n" + smuggled_customer_request(dispatcher, name)))
    assert_refused_and_closed(raw, closed, 501, "transfer_encoding_not_supported")
    assert error_of_raw(raw)["code"] == "not_implemented"
    assert not customer_exists(dispatcher, name)


def error_of_raw(raw):
    return json.loads(responses(raw)[0][2])["error"]


@pytest.mark.parametrize("framing", [
    b"Content-Length: 5\r\nTransfer-Encoding: chunked\r\n",
    b"Transfer-Encoding: chunked\r\nContent-Length: 5\r\n",
    b"Transfer-Encoding: gzip\r\nContent-Length: 5\r\n",
    b"Content-Length: 5\r\nTransfer-Encoding: gzip\r\n",
], ids=["cl-then-chunked", "chunked-then-cl", "gzip-then-cl", "cl-then-gzip"])
def test_content_length_with_transfer_encoding_is_400_and_closes(server, dispatcher, framing):
    name = unique("Smuggled")
    raw, closed = exchange(server, outer_request(
        framing, b"0\r\n\r\n" + smuggled_customer_request(dispatcher, name)))
    assert_refused_and_closed(raw, closed, 400, "transfer_encoding_with_content_length")
    assert not customer_exists(dispatcher, name)


@pytest.mark.parametrize("framing", [
    b"Content-Length: 0, 5\r\n",
    b"Content-Length: 0\r\nContent-Length: 5\r\n",
], ids=["list-in-one-field", "two-fields"])
def test_different_content_lengths_are_400_and_close(server, dispatcher, framing):
    name = unique("Smuggled")
    raw, closed = exchange(server, outer_request(
        framing, smuggled_customer_request(dispatcher, name)))
    assert_refused_and_closed(raw, closed, 400, "conflicting_content_length")
    assert not customer_exists(dispatcher, name)


def test_chunked_request_body_is_still_read(server, dispatcher):
    name = unique("Chunked")
    body = json.dumps({"name": name}).encode()
    request = (b"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nConnection: close\r\n"
               b"Cookie: __Host-session=" + dispatcher.session_token.encode() +
               b"; csrf_token=" + dispatcher.csrf_token.encode() + b"\r\n"
               b"X-CSRF-Token: " + dispatcher.csrf_token.encode() + b"\r\n"
               b"Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n" +
               hex(len(body))[2:].encode() + b"\r\n" + body + b"\r\n0\r\n\r\n")
    raw, _ = exchange(server, request)
    assert responses(raw)[0][0] == 201, raw[:300]
    assert customer_exists(dispatcher, name)


# --- item 13: connections per client address --------------------------------

def hold(server, n, source):
    held = [connect(server, source) for _ in range(n)]
    time.sleep(0.3)  # let the server accept them
    return held


def test_fourth_connection_from_one_address_gets_503_while_another_address_is_served(make_server):
    s = make_server(extra_env={"BULWARK_MAX_CONNECTIONS_PER_IP": "3"})
    held = hold(s, 3, "127.0.0.1")
    try:
        status, headers, body = get_health(s, "127.0.0.1")
        assert status == 503
        assert headers["connection"] == "close"
        error = json.loads(body)["error"]
        assert error["code"] == "service_unavailable"
        assert error["reason"] == "too_many_connections_from_address"
        # Another client is not locked out.
        assert get_health(s, "127.0.0.2")[0] == 200
        # Closing one socket frees a place for this address.
        held.pop().close()
        deadline = time.monotonic() + 5
        while get_health(s, "127.0.0.1")[0] != 200:
            assert time.monotonic() < deadline, "the closed connection's place was never freed"
            time.sleep(0.1)
    finally:
        for h in held:
            h.close()


def test_default_limit_is_64_connections_per_address(make_server):
    s = make_server()
    held = hold(s, 64, "127.0.0.1")
    try:
        assert get_health(s, "127.0.0.1")[0] == 503
        assert get_health(s, "127.0.0.3")[0] == 200
    finally:
        for h in held:
            h.close()


def test_limit_zero_means_unlimited(make_server):
    s = make_server(extra_env={"BULWARK_MAX_CONNECTIONS_PER_IP": "0"})
    held = hold(s, 65, "127.0.0.1")
    try:
        assert get_health(s, "127.0.0.1")[0] == 200
    finally:
        for h in held:
            h.close()


def test_trusted_proxy_is_exempt_but_other_addresses_are_limited(make_server):
    s = make_server(extra_env={"BULWARK_MAX_CONNECTIONS_PER_IP": "2",
                               "BULWARK_TRUSTED_PROXY": "127.0.0.1"})
    from_proxy = hold(s, 3, "127.0.0.1")
    other = hold(s, 2, "127.0.0.4")
    try:
        assert get_health(s, "127.0.0.1")[0] == 200
        assert get_health(s, "127.0.0.4")[0] == 503
    finally:
        for h in from_proxy + other:
            h.close()


def test_bad_per_address_limit_refuses_to_start(tmp_path):
    import subprocess
    from fixtures.server import BIN
    p = subprocess.run([BIN, "serve"], env={"BULWARK_LISTEN": "127.0.0.1:0",
                                            "BULWARK_DATA_DIR": str(tmp_path),
                                            "BULWARK_MAX_CONNECTIONS_PER_IP": "lots"},
                       capture_output=True, text=True, timeout=30)
    assert p.returncode != 0
    assert "BULWARK_MAX_CONNECTIONS_PER_IP" in p.stdout + p.stderr


# --- item 14: unknown paths under the reserved prefixes -----------------------

@pytest.mark.parametrize("method", ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
@pytest.mark.parametrize("path", ["/api/v1/no-such-thing", "/api/v1/customers/1/no-such",
                                  "/webhooks/no-such", "/oauth/no-such", "/metrics/no-such",
                                  "/health/no-such", "/%61pi/v1/no-such"])
def test_every_method_on_an_unknown_reserved_path_is_json_404(server, method, path):
    r = requests.request(method, server.url + path)
    assert r.status_code == 404, (method, path, r.status_code)
    assert "Allow" not in r.headers
    assert r.headers["Content-Type"].startswith("application/json")
    if method != "HEAD":
        assert error_of(r)["code"] == "not_found"


def test_known_api_path_with_wrong_method_keeps_405_with_allow(server):
    r = requests.delete(server.url + "/api/v1/customers")
    assert r.status_code == 405
    assert r.headers["Allow"] == "GET, HEAD, POST"
    assert error_of(r)["code"] == "method_not_allowed"
