"""Webhook authentication (MUST-005, the webhook security protocol): every
request here is signed by the providers' official SDKs, never by our HMAC."""
import json
import secrets
import time

import pytest
import requests
import stripe

from fixtures.peers import RecordingPeer
from fixtures.providers import (PUBLIC_URL, Shop, inbound_sms, provider_env, random_phone,
                                stripe_event, stripe_header, stripe_post, twilio_post)
from fixtures.server import error_of



def sms_params(to, body="hello"):
    return {"MessageSid": "SM" + "a" * 32, "From": "+15550001111", "To": to, "Body": body}


# --- Twilio: X-Twilio-Signature ---

def test_must_005_twilio_signed_by_the_sdk_is_accepted(hooked, shop):
    r = inbound_sms(hooked, shop.number, random_phone(), "hello")
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("text/xml")
    assert "<Response" in r.text


def test_must_005_twilio_without_session_or_csrf_token_is_fine_but_signature_is_not_optional(hooked, shop):
    r = twilio_post(hooked, "/webhooks/twilio/sms", sms_params(shop.number), signature="")
    assert r.status_code == 403
    assert error_of(r)["reason"] == "signature_missing"


def test_must_005_twilio_tampered_parameter_is_refused(hooked, shop):
    params = sms_params(shop.number, "YES")
    from twilio.request_validator import RequestValidator
    sig = RequestValidator(hooked.env["BULWARK_TWILIO_AUTH_TOKEN"]).compute_signature(
        PUBLIC_URL + "/webhooks/twilio/sms", params)
    params["Body"] = "STOP"
    r = twilio_post(hooked, "/webhooks/twilio/sms", params, signature=sig)
    assert r.status_code == 403 and error_of(r)["reason"] == "signature_mismatch"


def test_must_005_twilio_wrong_token_is_refused(hooked, shop):
    r = twilio_post(hooked, "/webhooks/twilio/sms", sms_params(shop.number), token="not-the-token")
    assert r.status_code == 403


@pytest.mark.parametrize("signature", ["garbage", "=" * 28, "x" * 500])
def test_must_005_twilio_malformed_signature_is_refused(hooked, shop, signature):
    r = twilio_post(hooked, "/webhooks/twilio/sms", sms_params(shop.number), signature=signature)
    assert r.status_code == 403


def test_must_005_twilio_signature_over_another_url_is_refused(hooked, shop):
    r = twilio_post(hooked, "/webhooks/twilio/sms", sms_params(shop.number),
                    url="https://attacker.example/webhooks/twilio/sms")
    assert r.status_code == 403
    # ...and a signature for the status URL does not open the SMS URL.
    r = twilio_post(hooked, "/webhooks/twilio/sms", sms_params(shop.number),
                    url=PUBLIC_URL + "/webhooks/twilio/status")
    assert r.status_code == 403


def test_must_005_twilio_url_with_the_default_port_is_accepted_as_the_sdk_does(hooked, shop):
    r = twilio_post(hooked, "/webhooks/twilio/sms", sms_params(shop.number),
                    url="https://bulwark.example.test:443/webhooks/twilio/sms")
    assert r.status_code == 200, r.text


def test_must_005_twilio_query_string_is_part_of_the_signed_url(hooked, shop):
    path = "/webhooks/twilio/sms?source=sms"
    assert twilio_post(hooked, path, sms_params(shop.number)).status_code == 200
    r = twilio_post(hooked, path, sms_params(shop.number), url=PUBLIC_URL + "/webhooks/twilio/sms")
    assert r.status_code == 403


def test_must_005_twilio_previous_token_works_during_rotation(hooked, shop):
    r = twilio_post(hooked, "/webhooks/twilio/sms", sms_params(shop.number),
                    token=hooked.env["BULWARK_TWILIO_AUTH_TOKEN_PREVIOUS"])
    assert r.status_code == 200, r.text


def test_must_005_twilio_json_body_checked_by_body_sha256(hooked):
    import hashlib
    from twilio.request_validator import RequestValidator
    body = json.dumps({"MessageSid": "SMjson", "MessageStatus": "delivered"})
    digest = hashlib.sha256(body.encode()).hexdigest()
    path = f"/webhooks/twilio/status?bodySHA256={digest}"
    validator = RequestValidator(hooked.env["BULWARK_TWILIO_AUTH_TOKEN"])
    sig = validator.compute_signature(PUBLIC_URL + path, {})
    assert validator.validate(PUBLIC_URL + path, body, sig)  # the SDK agrees it is valid
    headers = {"X-Twilio-Signature": sig, "Content-Type": "application/json"}
    r = requests.post(hooked.url + path, data=body, headers=headers)
    assert r.status_code != 403, r.text
    tampered = body.replace("delivered", "failed")
    r = requests.post(hooked.url + path, data=tampered, headers=headers)
    assert r.status_code == 403


def test_twilio_webhook_refuses_oversize_bodies(hooked, shop):
    r = twilio_post(hooked, "/webhooks/twilio/sms", sms_params(shop.number, "x" * 70_000))
    assert r.status_code == 413


def test_webhook_failures_are_logged_with_ip_and_reason_never_the_signature(hooked, shop):
    params = sms_params(shop.number, "secret body text 7731")
    r = twilio_post(hooked, "/webhooks/twilio/sms", params, signature="c2lnbmF0dXJlLXZhbHVl")
    assert r.status_code == 403
    entries = [e for e in hooked.log_entries() if e.get("msg") == "webhook signature rejected"]
    assert entries and entries[-1]["client_ip"] == "127.0.0.1"
    assert entries[-1]["reason"] == "signature_mismatch"
    text = hooked.log_text()
    assert "c2lnbmF0dXJlLXZhbHVl" not in text and "secret body text 7731" not in text


def test_webhook_routes_are_rate_limited_per_ip(make_server, peer):
    s = make_server(extra_env=provider_env(peer.url, BULWARK_RATE_WEBHOOK_PER_MINUTE="3"))
    codes = [twilio_post(s, "/webhooks/twilio/sms", sms_params("+15550009999")).status_code
             for _ in range(5)]
    assert codes[:3] == [200, 200, 200] and codes[-1] == 429


def test_webhooks_without_configured_secrets_refuse_everything(make_server, peer):
    s = make_server(extra_env={"BULWARK_PUBLIC_URL": PUBLIC_URL})
    r = twilio_post(s, "/webhooks/twilio/sms", sms_params("+15550009999"), token="anything")
    assert r.status_code == 403 and error_of(r)["reason"] == "webhook_not_configured"
    r = stripe_post(s, stripe_event("ping", {}), secret="whsec_anything")
    assert r.status_code == 403 and error_of(r)["reason"] == "webhook_not_configured"


# --- Stripe: Stripe-Signature ---

def paid_event(invoice, org_id, event_type="checkout.session.completed", **extra):
    """The event Stripe sends when the invoice's Checkout Session was paid in full."""
    intent = "pi_" + str(invoice["id"]) + "x"
    metadata = {"org_id": str(org_id), "invoice_id": str(invoice["id"])}
    if event_type.startswith("checkout.session"):
        obj = {"object": "checkout.session", "id": invoice.get("checkout_session_id", "cs_none"),
               "payment_status": "paid", "amount_total": invoice["total_cents"], "currency": "usd",
               "metadata": metadata, "payment_intent": intent}
    else:
        obj = {"object": "payment_intent", "id": intent, "amount_received": invoice["total_cents"],
               "currency": "usd", "metadata": metadata}
    obj.update(extra)
    return stripe_event(event_type, obj)


def test_must_005_stripe_signed_by_the_sdk_marks_the_invoice_paid(hooked, shop):
    inv = shop.linked_invoice()
    event = paid_event(inv, shop.owner.org_id)
    payload = json.dumps(event)
    header = stripe_header(payload, hooked.env["BULWARK_STRIPE_WEBHOOK_SECRET"])
    stripe.WebhookSignature.verify_header(payload, header, hooked.env["BULWARK_STRIPE_WEBHOOK_SECRET"], 300)
    r = stripe_post(hooked, event, header=header, raw=payload)
    assert r.status_code == 200, r.text
    got = shop.owner.get(f"/api/v1/invoices/{inv['id']}").json()
    assert got["status"] == "paid" and got["paid_at"]
    audit = shop.owner.get("/api/v1/audit", params={"action": "invoice.status_changed"}).json()["items"]
    assert any(a["actor_type"] == "webhook" and a["target_id"] == str(inv["id"]) for a in audit)


def test_must_005_stripe_tampered_body_is_refused(hooked, shop):
    inv = shop.open_invoice(shop.customer())
    event = paid_event(inv, shop.owner.org_id)
    payload = json.dumps(event)
    header = stripe_header(payload, hooked.env["BULWARK_STRIPE_WEBHOOK_SECRET"])
    r = stripe_post(hooked, None, header=header, raw=payload.replace('"paid"', '"unpaid"'))
    assert r.status_code == 403 and error_of(r)["reason"] == "signature_mismatch"
    assert shop.owner.get(f"/api/v1/invoices/{inv['id']}").json()["status"] == "open"


def test_must_005_stripe_wrong_secret_is_refused(hooked, shop):
    inv = shop.open_invoice(shop.customer())
    r = stripe_post(hooked, paid_event(inv, shop.owner.org_id), secret="whsec_wrong")
    assert r.status_code == 403
    assert shop.owner.get(f"/api/v1/invoices/{inv['id']}").json()["status"] == "open"


@pytest.mark.parametrize("header,reason", [
    ("", "signature_missing"),
    ("garbage", "signature_malformed"),
    ("t=abc,v1=00", "signature_malformed"),
    ("t=1700000000", "signature_malformed"),
    ("v1=deadbeef", "signature_malformed"),
    ("t=1700000000,v1=deadbeef", "signature_mismatch"),
])
def test_must_005_stripe_missing_or_malformed_header_is_refused(hooked, header, reason):
    r = stripe_post(hooked, stripe_event("ping", {}), header=header)
    assert r.status_code == 403 and error_of(r)["reason"] == reason


@pytest.mark.parametrize("skew", [-301, 301, -86400])
def test_must_005_stripe_old_or_future_timestamp_is_refused(hooked, shop, skew):
    inv = shop.open_invoice(shop.customer())
    r = stripe_post(hooked, paid_event(inv, shop.owner.org_id), timestamp=int(time.time()) + skew)
    assert r.status_code == 403 and error_of(r)["reason"] == "timestamp_out_of_tolerance"
    assert shop.owner.get(f"/api/v1/invoices/{inv['id']}").json()["status"] == "open"


def test_must_005_stripe_any_v1_may_match_and_previous_secret_works(hooked, shop):
    inv = shop.linked_invoice()
    payload = json.dumps(paid_event(inv, shop.owner.org_id))
    good = stripe_header(payload, hooked.env["BULWARK_STRIPE_WEBHOOK_SECRET_PREVIOUS"])
    t, v1 = good.split(",")
    header = f"{t},v1={'0' * 64},{v1},v0=ignored"
    r = stripe_post(hooked, None, header=header, raw=payload)
    assert r.status_code == 200, r.text
    assert shop.owner.get(f"/api/v1/invoices/{inv['id']}").json()["status"] == "paid"


def test_stripe_same_event_twice_is_processed_once(hooked, shop):
    inv = shop.linked_invoice()
    event = paid_event(inv, shop.owner.org_id)
    first = stripe_post(hooked, event)
    second = stripe_post(hooked, event)
    assert first.json() == {"received": True, "duplicate": False}
    assert second.status_code == 200 and second.json()["duplicate"] is True
    audit = shop.owner.get("/api/v1/audit", params={"action": "invoice.status_changed"}).json()["items"]
    assert len([a for a in audit if a["target_id"] == str(inv["id"]) and a["actor_type"] == "webhook"]) == 1


def test_stripe_refund_and_failure_and_unknown_types(hooked, shop):
    org = shop.owner.org_id
    inv = shop.linked_invoice()
    assert stripe_post(hooked, paid_event(inv, org)).status_code == 200
    refund = stripe_event("charge.refunded", {"object": "charge", "id": f"ch_{inv['id']}x",
                                              "payment_intent": f"pi_{inv['id']}x", "currency": "usd",
                                              "amount": inv["total_cents"],
                                              "amount_refunded": inv["total_cents"], "metadata": {}})
    assert stripe_post(hooked, refund).status_code == 200
    assert shop.owner.get(f"/api/v1/invoices/{inv['id']}").json()["status"] == "refunded"
    # A late "succeeded" does not undo the refund.
    late = paid_event(inv, org, event_type="payment_intent.succeeded")
    assert stripe_post(hooked, late).status_code == 200
    assert shop.owner.get(f"/api/v1/invoices/{inv['id']}").json()["status"] == "refunded"
    inv2 = shop.open_invoice(shop.customer())
    failed = paid_event(inv2, org, event_type="payment_intent.payment_failed")
    assert stripe_post(hooked, failed).status_code == 200
    assert shop.owner.get(f"/api/v1/invoices/{inv2['id']}").json()["status"] == "open"
    audit = shop.owner.get("/api/v1/audit", params={"action": "invoice.payment_failed"}).json()["items"]
    assert any(a["target_id"] == str(inv2["id"]) for a in audit)
    r = stripe_post(hooked, stripe_event("customer.created", {"object": "customer"}))
    assert r.status_code == 200 and r.json()["received"] is True


def test_stripe_event_naming_another_orgs_invoice_changes_nothing(hooked, shop):
    other = Shop(hooked)
    inv = other.open_invoice(other.customer())
    r = stripe_post(hooked, paid_event(inv, shop.owner.org_id))  # wrong org in metadata
    assert r.status_code == 200
    assert other.owner.get(f"/api/v1/invoices/{inv['id']}").json()["status"] == "open"


@pytest.mark.parametrize("raw", ["{not json", "[]", '{"id": 5}', '"text"'])
def test_stripe_signed_but_malformed_payload_is_400(hooked, raw):
    r = stripe_post(hooked, None, raw=raw)
    assert r.status_code == 400, r.text


# --- payment links ---

def test_payment_link_creates_one_checkout_session_and_texts_the_customer(make_server):
    peer = RecordingPeer(reply=lambda form: {"id": "cs_test_" + form.get("metadata[invoice_id]", "x"),
                                              "url": "https://checkout.stripe.test/c/pay/cs_test",
                                              "sid": "SM" + secrets.token_hex(16)})
    try:
        s = make_server(extra_env=provider_env(peer.url))
        shop = Shop(s)
        customer = shop.customer()
        inv = shop.open_invoice(customer)
        r = shop.dispatcher.post(f"/api/v1/invoices/{inv['id']}/payment-link")
        assert r.status_code == 201, r.text
        assert r.json()["url"] == "https://checkout.stripe.test/c/pay/cs_test"
        calls = [q for q in peer.requests if q["path"] == "/v1/checkout/sessions"]
        assert len(calls) == 1
        call = calls[0]
        assert call["headers"]["Authorization"] == "Bearer " + s.env["BULWARK_STRIPE_API_KEY"]
        assert call["headers"]["Idempotency-Key"].startswith("bulwark-invoice-")
        assert call["form"]["line_items[0][price_data][unit_amount]"] == str(inv["total_cents"])
        assert call["form"]["metadata[invoice_id]"] == str(inv["id"])
        again = shop.dispatcher.post(f"/api/v1/invoices/{inv['id']}/payment-link")
        assert again.status_code == 200 and again.json()["url"] == r.json()["url"]
        assert len([q for q in peer.requests if q["path"] == "/v1/checkout/sessions"]) == 1
        assert shop.dispatcher.get(f"/api/v1/invoices/{inv['id']}").json()["payment_link"] == r.json()["url"]
        texts = [m for m in shop.thread(customer) if m["kind"] == "invoice"]
        assert len(texts) == 1 and "https://checkout.stripe.test/c/pay/cs_test" in texts[0]["body"]
        assert texts[0]["status"] in ("queued", "sending", "sent")
        assert shop.tech.post(f"/api/v1/invoices/{inv['id']}/payment-link").status_code == 403
    finally:
        peer.stop()


def test_payment_link_needs_stripe_configured_and_an_open_invoice(server):
    shop = Shop(server)
    inv = shop.open_invoice(shop.customer())
    r = shop.dispatcher.post(f"/api/v1/invoices/{inv['id']}/payment-link")
    assert r.status_code == 409 and error_of(r)["reason"] == "payments_not_configured"
    assert shop.dispatcher.post("/api/v1/invoices/999999/payment-link").status_code == 404
