"""Local stand-ins for the providers' REST APIs (Twilio Messages, Stripe
Checkout): real HTTP servers on 127.0.0.1 that record every request and
answer from a script. They play the part of the provider's idempotency: a
repeated Idempotency-Key is recorded but not "delivered" twice."""
import base64
import http.server
import json
import threading
import time
import urllib.parse
import uuid


def default_reply(path, form):
    """What each stand-in endpoint answers: a Twilio message, a Stripe
    Checkout Session (id and hosted URL), an expired session."""
    if path == "/v1/checkout/sessions":
        sid = "cs_test_" + uuid.uuid4().hex
        return {"id": sid, "object": "checkout.session", "status": "open",
                "url": "https://checkout.stripe.test/c/pay/" + sid}
    if path.startswith("/v1/checkout/sessions/") and path.endswith("/expire"):
        return {"id": path.split("/")[4], "object": "checkout.session", "status": "expired"}
    return {"sid": "SM" + uuid.uuid4().hex}


class RecordingPeer:
    def __init__(self, fail_first=0, fail_status=500, delay=0.0, reply=None, fail_when=None,
                 fail_path=None):
        self.requests = []
        self.delivered = {}  # Idempotency-Key -> the form first delivered with it
        self.duplicates = 0
        self.fail_first = fail_first
        self.fail_status = fail_status
        # On PostgreSQL every test server shares one database, so a stray
        # message of another test may arrive here: failures target one test's.
        self.fail_when = fail_when or (lambda form: True)
        # ... or one endpoint's (a predicate on the request path).
        self.fail_path = fail_path or (lambda path: True)
        self.delay = delay
        self.reply = reply
        self.lock = threading.Lock()
        peer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                length = int(self.headers.get("Content-Length", "0"))
                raw = self.rfile.read(length).decode()
                form = {k: v[0] for k, v in urllib.parse.parse_qs(raw, keep_blank_values=True).items()}
                if peer.delay:
                    time.sleep(peer.delay)
                with peer.lock:
                    record = {"path": self.path, "headers": dict(self.headers), "form": form}
                    peer.requests.append(record)
                    if peer.fail_first > 0 and peer.fail_when(form) and peer.fail_path(self.path):
                        peer.fail_first -= 1
                        status, body = peer.fail_status, {"message": "try again"}
                    else:
                        key = self.headers.get("Idempotency-Key")
                        if key in peer.delivered:
                            peer.duplicates += 1
                        else:
                            peer.delivered[key] = form
                        status = 200 if self.path.endswith("/expire") else 201
                        body = peer.reply(form) if peer.reply else default_reply(self.path, form)
                    record["reply"] = body
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()

    def requests_to_path(self, path):
        with self.lock:
            return [q for q in self.requests if q["path"] == path]

    def forms_to(self, phone):
        with self.lock:
            return [f for f in self.delivered.values() if f.get("To") == phone]

    def requests_to(self, phones):
        with self.lock:
            return [q for q in self.requests if q["form"].get("To") in phones]

    def delivered_to(self, phones):
        with self.lock:
            return {k: f for k, f in self.delivered.items() if f.get("To") in phones}


def basic_auth_of(request):
    value = request["headers"].get("Authorization", "")
    assert value.startswith("Basic "), value
    return base64.b64decode(value[6:]).decode()


def wait_for(condition, timeout=20.0, interval=0.05, what="condition"):
    deadline = time.time() + timeout
    while time.time() < deadline:
        result = condition()
        if result:
            return result
        time.sleep(interval)
    raise AssertionError(f"timed out waiting for {what}")
