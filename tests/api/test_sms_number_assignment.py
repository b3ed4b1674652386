"""Issue 10 item 16: SMS numbers are the operator's to assign. Before, any
admin could claim any unclaimed Twilio number through the API, and from then
on that number's inbound texts (STOPs included) went to their organization.
Now `bulwark admin set-sms-number` assigns numbers, checked against the
configured Twilio account's IncomingPhoneNumbers (a local stand-in here), or
with --unverified when there are no credentials; an admin can only ask."""
import base64
import http.server
import json
import threading
import urllib.parse

import pytest

from fixtures.people import admin, create_org, new_user_client, outsider
from fixtures.providers import provider_env, random_phone
from fixtures.server import error_of


class TwilioNumbersPeer:
    """Answers GET .../IncomingPhoneNumbers.json?PhoneNumber=... like Twilio:
    the list filtered to that number, for the right Basic credentials only."""

    def __init__(self, sid, token, owned):
        self.requests = []
        peer = self

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_GET(self):
                url = urllib.parse.urlsplit(self.path)
                query = urllib.parse.parse_qs(url.query)
                peer.requests.append({"path": url.path, "query": query})
                expected = "Basic " + base64.b64encode(f"{sid}:{token}".encode()).decode()
                if self.headers.get("Authorization") != expected:
                    status, body = 401, {"code": 20003, "message": "Authenticate"}
                elif url.path != f"/2010-04-01/Accounts/{sid}/IncomingPhoneNumbers.json":
                    status, body = 404, {"message": "not found"}
                else:
                    wanted = query.get("PhoneNumber", [""])[0]
                    status = 200
                    body = {"incoming_phone_numbers": [{"sid": "PN" + "0" * 32, "phone_number": n}
                                                       for n in owned if n == wanted]}
                data = json.dumps(body).encode()
                self.send_response(status)
                self.send_header("Content-Type", "application/json")
                self.send_header("Content-Length", str(len(data)))
                self.end_headers()
                self.wfile.write(data)

            def log_message(self, *args):
                pass

        self.httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        threading.Thread(target=self.httpd.serve_forever, daemon=True).start()

    def stop(self):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def owned():
    return random_phone()


@pytest.fixture
def twilio_server(make_server, owned):
    env = provider_env("http://127.0.0.1:9")  # replaced below once the peer knows the credentials
    peer = TwilioNumbersPeer(env["BULWARK_TWILIO_ACCOUNT_SID"], env["BULWARK_TWILIO_AUTH_TOKEN"], [owned])
    env["BULWARK_TWILIO_API_BASE"] = peer.url
    server = make_server(extra_env=env)
    server.peer = peer
    yield server
    peer.stop()


def sms_settings(client):
    r = client.get("/api/v1/org/sms")
    assert r.status_code == 200, r.text
    return r.json()


def test_an_admin_cannot_claim_an_sms_number_through_the_api(server):
    org = create_org(server)
    owner, _ = new_user_client(server, org, "owner")
    r = owner.put("/api/v1/org/sms", json={"sms_number": random_phone()})
    assert r.status_code == 405
    r = owner.post("/api/v1/org/sms", json={"sms_number": random_phone()})
    assert r.status_code == 405
    assert sms_settings(owner)["sms_number"] is None


def test_an_admin_can_request_a_number_and_the_operator_sees_it(server):
    org = create_org(server)
    owner, email = new_user_client(server, org, "owner")
    r = owner.post("/api/v1/org/sms/request", json={"area_code": "802", "note": "Burlington office"})
    assert r.status_code == 202, r.text
    body = r.json()
    assert body["sms_number"] is None
    assert body["number_request"]["area_code"] == "802"
    assert body["number_request"]["requested_by"] == email
    listing = admin(server, "sms-numbers").stdout
    assert org in listing and "802" in listing and "Burlington office" in listing
    # Asking again updates the one pending request.
    owner.post("/api/v1/org/sms/request", json={"area_code": "", "note": "any number"})
    assert admin(server, "sms-numbers").stdout.count(org) == 1
    # The operator's assignment fulfils it.
    admin(server, "set-sms-number", "--org", org, "--number", random_phone(), "--unverified")
    after = sms_settings(owner)
    assert after["number_request"] is None and after["sms_number"] and after["sms_number_verified"] is False
    assert org not in admin(server, "sms-numbers").stdout.split("pending request(s)")[1]


@pytest.mark.parametrize("body,field", [({"area_code": "80"}, "area_code"),
                                        ({"area_code": "abc"}, "area_code"),
                                        ({"note": "x" * 501}, "note"),
                                        ({"sms_number": "+15550000000"}, "sms_number")])
def test_must_003_number_requests_are_validated(server, body, field):
    owner = outsider(server)
    r = owner.post("/api/v1/org/sms/request", json=body)
    assert r.status_code == 400 and field in error_of(r)["fields"]


def test_only_admins_may_request_a_number(server):
    org = create_org(server)
    dispatcher, _ = new_user_client(server, org, "dispatcher")
    assert dispatcher.post("/api/v1/org/sms/request", json={}).status_code == 403


def test_without_twilio_credentials_assignment_needs_unverified(server):
    org = create_org(server)
    number = random_phone()
    refused = admin(server, "set-sms-number", "--org", org, "--number", number, check=False)
    assert refused.returncode != 0 and "--unverified" in refused.stderr
    owner, _ = new_user_client(server, org, "owner")
    assert sms_settings(owner)["sms_number"] is None
    admin(server, "set-sms-number", "--org", org, "--number", number, "--unverified")
    s = sms_settings(owner)
    assert s["sms_number"] == number and s["sms_number_verified"] is False
    assert "UNVERIFIED" in admin(server, "sms-numbers").stdout


def test_a_number_the_twilio_account_owns_is_assigned_verified(twilio_server, owned):
    org = create_org(twilio_server)
    done = admin(twilio_server, "set-sms-number", "--org", org, "--number", owned)
    assert "verified" in done.stdout
    [asked] = twilio_server.peer.requests
    assert asked["query"]["PhoneNumber"] == [owned]
    owner, _ = new_user_client(twilio_server, org, "owner")
    s = sms_settings(owner)
    assert s["sms_number"] == owned and s["sms_number_verified"] is True


def test_a_number_the_twilio_account_does_not_own_is_refused(twilio_server):
    org = create_org(twilio_server)
    stranger = random_phone()
    r = admin(twilio_server, "set-sms-number", "--org", org, "--number", stranger, check=False)
    assert r.returncode != 0 and "has no number" in r.stderr
    assert twilio_server.env["BULWARK_TWILIO_AUTH_TOKEN"] not in r.stderr + r.stdout
    owner, _ = new_user_client(twilio_server, org, "owner")
    assert sms_settings(owner)["sms_number"] is None


def test_assignment_is_refused_when_twilio_cannot_be_asked(twilio_server, owned):
    org = create_org(twilio_server)
    env = dict(twilio_server.env, BULWARK_TWILIO_AUTH_TOKEN="wrong-token-for-this-test")
    import subprocess
    from fixtures.server import BIN
    r = subprocess.run([BIN, "admin", "set-sms-number", "--org", org, "--number", owned],
                       env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode != 0 and "HTTP 401" in r.stderr and "nothing was changed" in r.stderr


def test_two_organizations_cannot_share_a_number(server):
    a, b = create_org(server), create_org(server)
    number = random_phone()
    admin(server, "set-sms-number", "--org", a, "--number", number, "--unverified")
    r = admin(server, "set-sms-number", "--org", b, "--number", number, "--unverified", check=False)
    assert r.returncode != 0 and "another organization" in r.stderr
