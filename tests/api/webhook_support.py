"""Shared setup for the webhook and messaging tests: a server configured
with Twilio and Stripe credentials generated for this run (never committed
values), requests signed by the official SDKs (twilio.RequestValidator,
stripe.WebhookSignature), and an organization with an SMS number."""
import json
import random
import secrets
import time

import pytest
import requests
import stripe
from twilio.request_validator import RequestValidator

from conftest import Server
from identity import admin, create_org, new_user_client, unique
from peers import RecordingPeer

PUBLIC_URL = "https://bulwark.example.test"


def provider_env(peer_url, **overrides):
    env = {
        "BULWARK_PUBLIC_URL": PUBLIC_URL,
        "BULWARK_TWILIO_ACCOUNT_SID": "AC" + secrets.token_hex(16),
        "BULWARK_TWILIO_AUTH_TOKEN": secrets.token_hex(16),
        "BULWARK_TWILIO_AUTH_TOKEN_PREVIOUS": secrets.token_hex(16),
        "BULWARK_TWILIO_API_BASE": peer_url,
        "BULWARK_STRIPE_API_KEY": "sk_test_" + secrets.token_hex(12),
        "BULWARK_STRIPE_WEBHOOK_SECRET": "whsec_" + secrets.token_hex(16),
        "BULWARK_STRIPE_WEBHOOK_SECRET_PREVIOUS": "whsec_" + secrets.token_hex(16),
        "BULWARK_STRIPE_API_BASE": peer_url,
        "BULWARK_SMS_INTERVAL": "100ms",
        "BULWARK_SMS_RETRY_BASE": "100ms",
    }
    env.update(overrides)
    return {k: v for k, v in env.items() if v is not None}


def random_phone():
    return "+1555" + "".join(random.choice("0123456789") for _ in range(7))


def twilio_post(server, path, params, token=None, url=None, signature=None, headers=None):
    token = token or server.env["BULWARK_TWILIO_AUTH_TOKEN"]
    url = url or PUBLIC_URL + path
    sig = signature if signature is not None else RequestValidator(token).compute_signature(url, params)
    h = {"X-Twilio-Signature": sig} if sig != "" else {}
    h.update(headers or {})
    return requests.post(server.url + path, data=params, headers=h, timeout=10)


def inbound_sms(server, to, from_, body, sid=None, **kw):
    params = {"MessageSid": sid or "SM" + secrets.token_hex(16), "AccountSid":
              server.env.get("BULWARK_TWILIO_ACCOUNT_SID", "AC0"), "From": from_, "To": to,
              "Body": body, "NumMedia": "0"}
    return twilio_post(server, "/webhooks/twilio/sms", params, **kw)


def stripe_header(payload, secret, timestamp=None):
    t = int(time.time()) if timestamp is None else timestamp
    sig = stripe.WebhookSignature._compute_signature(f"{t}.{payload}", secret)
    return f"t={t},v1={sig}"


def stripe_post(server, event, secret=None, timestamp=None, header=None, raw=None):
    payload = raw if raw is not None else json.dumps(event)
    secret = secret or server.env["BULWARK_STRIPE_WEBHOOK_SECRET"]
    h = header if header is not None else stripe_header(payload, secret, timestamp)
    headers = {"Content-Type": "application/json"}
    if h:
        headers["Stripe-Signature"] = h
    return requests.post(server.url + "/webhooks/stripe", data=payload.encode(), headers=headers,
                         timeout=10)


def stripe_event(event_type, obj, event_id=None):
    return {"id": event_id or "evt_" + secrets.token_hex(12), "object": "event",
            "type": event_type, "data": {"object": obj}}


class Shop:
    """An organization with an SMS number, an owner, a dispatcher and a technician."""

    def __init__(self, server, sms_number=True):
        self.server = server
        self.slug = create_org(server)
        self.owner, _ = new_user_client(server, self.slug, "owner")
        self.dispatcher, _ = new_user_client(server, self.slug, "dispatcher")
        self.tech, _ = new_user_client(server, self.slug, "technician")
        self.tech.user_id = self.tech.get("/api/v1/auth/me").json()["user"]["id"]
        self.number = None
        if sms_number:
            self.number = random_phone()
            # Numbers are assigned by the operator (the CLI); test numbers are not in a
            # Twilio account, hence --unverified.
            admin(server, "set-sms-number", "--org", self.slug, "--number", self.number, "--unverified")

    def customer(self, **fields):
        body = {"name": unique("Cust"), "phone": random_phone()}
        body.update(fields)
        r = self.dispatcher.post("/api/v1/customers", json=body)
        assert r.status_code == 201, r.text
        return r.json()

    def work_order(self, customer, **fields):
        body = {"title": "Pump the tank", "type": "preventive", "priority": "medium",
                "customer_id": customer["id"], "assignee_id": self.tech.user_id}
        body.update(fields)
        r = self.dispatcher.post("/api/v1/work-orders", json=body)
        assert r.status_code == 201, r.text
        return r.json()

    def move(self, wo, to):
        r = self.dispatcher.post(f"/api/v1/work-orders/{wo['id']}/transition",
                                 json={"to": to, "version": wo["version"]})
        assert r.status_code == 200, r.text
        return r.json()

    def schedule(self, customer, start="2031-06-02T09:00:00Z"):
        """Created with a technician and a start: the work order is scheduled at once."""
        wo = self.work_order(customer, scheduled_start=start)
        assert wo["status"] == "scheduled", wo
        return wo

    def thread(self, customer):
        r = self.dispatcher.get(f"/api/v1/customers/{customer['id']}/messages")
        assert r.status_code == 200, r.text
        return r.json()["items"]

    def open_invoice(self, customer):
        wo = self.work_order(customer)
        self.tech.post(f"/api/v1/work-orders/{wo['id']}/time", json={"minutes": 60})
        for to in ["scheduled", "in_progress", "completed"]:
            wo = self.move(wo, to)
        inv = self.dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice").json()
        r = self.dispatcher.post(f"/api/v1/invoices/{inv['id']}/status",
                                 json={"to": "open", "version": inv["version"]})
        assert r.status_code == 200, r.text
        return r.json()


# Module-scoped fixtures shared by the webhook and messaging test modules
# (each module that imports them gets its own server and peer).
@pytest.fixture(scope="module")
def peer():
    p = RecordingPeer()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def hooked(peer):
    s = Server(extra_env=provider_env(peer.url))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def shop(hooked):
    return Shop(hooked)
