"""Stripe payments matched against the Checkout Session Bulwark created for
the invoice (amount, currency, status, invoice open), the payment ledger
(charges, partial and full refunds), mismatches shown to the office, and a
voided invoice's session expired at Stripe through the jobs outbox. Every
event is signed with the official SDK's WebhookSignature (stripe_post).

On PostgreSQL every test server shares one database, so any live server's
jobs worker may run a job: the servers here all use the module's one peer,
and assertions count only the calls for their own session."""
import secrets
import signal
import time

import pytest

from fixtures.peers import RecordingPeer, wait_for
from fixtures.providers import Shop, provider_env, stripe_event, stripe_post
from fixtures.server import Server, error_of

JOBS_ENV = {"BULWARK_JOBS_INTERVAL": "100ms", "BULWARK_JOBS_RETRY_BASE": "100ms"}


@pytest.fixture(scope="module")
def peer():
    p = RecordingPeer()
    yield p
    p.stop()


@pytest.fixture(scope="module")
def pay(peer):
    s = Server(extra_env=provider_env(peer.url, **JOBS_ENV))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def shop(pay):
    return Shop(pay)


def linked_invoice(shop):
    """A linked invoice and the PaymentIntent id its (simulated) payment will carry."""
    inv = shop.linked_invoice()
    inv["intent"] = "pi_" + secrets.token_hex(8)
    return inv


def session_event(shop, inv, amount=None, currency="usd", payment_status="paid", intent=None,
                  event_type="checkout.session.completed", session_id=None):
    return stripe_event(event_type, {
        "object": "checkout.session", "id": session_id or inv.get("checkout_session_id", "cs_x"),
        "amount_total": inv["total_cents"] if amount is None else amount, "currency": currency,
        "payment_status": payment_status, "payment_intent": intent or inv.get("intent", "pi_x"),
        "metadata": {"org_id": str(shop.owner.org_id), "invoice_id": str(inv["id"])}})


def intent_event(shop, inv, amount=None, currency="usd", intent=None):
    return stripe_event("payment_intent.succeeded", {
        "object": "payment_intent", "id": intent or inv["intent"],
        "amount_received": inv["total_cents"] if amount is None else amount, "currency": currency,
        "metadata": {"org_id": str(shop.owner.org_id), "invoice_id": str(inv["id"])}})


def refund_event(inv, amount_refunded, refunds=None):
    obj = {"object": "charge", "id": "ch_" + inv["intent"][3:], "payment_intent": inv["intent"],
           "amount": inv["total_cents"], "amount_refunded": amount_refunded, "currency": "usd",
           "metadata": {}}
    if refunds is not None:
        obj["refunds"] = {"object": "list", "data": [
            {"id": rid, "object": "refund", "amount": amt, "currency": "usd", "status": "succeeded"}
            for rid, amt in refunds], "has_more": False}
    return stripe_event("charge.refunded", obj)


def post_ok(pay, event):
    r = stripe_post(pay, event)
    assert r.status_code == 200, r.text
    return r.json()


def invoice(shop, inv):
    r = shop.dispatcher.get(f"/api/v1/invoices/{inv['id']}")
    assert r.status_code == 200, r.text
    return r.json()


def mismatch_audit(shop, inv):
    items = shop.owner.get("/api/v1/audit", params={"action": "payment.mismatch"}).json()["items"]
    return [a for a in items if a["target_id"] == str(inv["id"])]


def assert_unchanged_with_mismatch(shop, before, kind, needs_refund=False):
    """The invoice is as it was before the event, plus one mismatch, audited once."""
    got = invoice(shop, before)
    for key in ("status", "version", "paid_cents", "refunded_cents", "payments", "paid_at"):
        assert got[key] == before[key], key
    assert [m["kind"] for m in got["mismatches"]] == [kind], got["mismatches"]
    assert got["mismatches"][0]["needs_refund"] is needs_refund
    assert len(mismatch_audit(shop, before)) == 1
    return got


def linked_view(shop):
    """A linked invoice as GET shows it (the state a mismatch must leave alone)."""
    inv = linked_invoice(shop)
    view = invoice(shop, inv)
    view.update(checkout_session_id=inv["checkout_session_id"], intent=inv["intent"])
    return view


def expire_path(inv):
    return f"/v1/checkout/sessions/{inv['checkout_session_id']}/expire"


def void(shop, inv):
    r = shop.dispatcher.post(f"/api/v1/invoices/{inv['id']}/status",
                             json={"to": "void", "version": invoice(shop, inv)["version"]})
    assert r.status_code == 200, r.text
    return r.json()


# --- the jobs outbox across a crash ---

# First in the module, before the module's server exists: on PostgreSQL that
# server's worker would otherwise run the job before the crash.
def test_a_queued_job_survives_kill_9_and_runs_once_after_restart(make_server, peer):
    env = provider_env(peer.url, BULWARK_JOBS_INTERVAL="0", BULWARK_JOBS_RETRY_BASE="100ms")
    s = make_server(extra_env=env)
    shop = Shop(s)
    inv = linked_invoice(shop)
    void(shop, inv)
    s.stop(signal.SIGKILL)
    assert peer.requests_to_path(expire_path(inv)) == []
    s2 = make_server(extra_env=dict(env, **JOBS_ENV), data_dir=s.data_dir)
    wait_for(lambda: peer.requests_to_path(expire_path(inv)), what="the expiry after the restart")
    s2.stop()
    s3 = make_server(extra_env=dict(env, **JOBS_ENV), data_dir=s.data_dir)
    time.sleep(1.0)  # another restart does not send it again
    assert len(peer.requests_to_path(expire_path(inv))) == 1
    s3.stop()


# --- matching ---

def test_exact_amount_pays_the_invoice_into_the_ledger(pay, shop):
    inv = linked_invoice(shop)
    assert post_ok(pay, session_event(shop, inv)) == {"received": True, "duplicate": False}
    got = invoice(shop, inv)
    assert got["status"] == "paid" and got["paid_at"]
    assert got["payment_state"] == "paid" and got["paid_cents"] == inv["total_cents"]
    assert got["refunded_cents"] == 0 and got["balance_cents"] == 0
    assert [(p["kind"], p["amount_cents"], p["source"], p["payment_intent_id"]) for p in got["payments"]] \
        == [("charge", inv["total_cents"], "stripe", inv["intent"])]
    assert got["mismatches"] == [] and got["payment_link"] is None


def test_short_amount_is_a_mismatch_that_changes_nothing_and_is_audited(pay, shop):
    inv = linked_view(shop)
    post_ok(pay, session_event(shop, inv, amount=inv["total_cents"] - 1))
    got = assert_unchanged_with_mismatch(shop, inv, "amount_mismatch")
    m = got["mismatches"][0]
    assert (m["expected_cents"], m["received_cents"], m["currency"]) == \
        (inv["total_cents"], inv["total_cents"] - 1, "usd")
    assert m["event_type"] == "checkout.session.completed" and m["at"]
    assert got["payments"] == [] and got["payment_link"]  # still payable
    fields = mismatch_audit(shop, inv)[0]["fields"]
    assert f"expected_cents={inv['total_cents']}" in fields
    assert f"received_cents={inv['total_cents'] - 1}" in fields


def test_other_currency_is_a_mismatch(pay, shop):
    inv = linked_view(shop)
    post_ok(pay, session_event(shop, inv, currency="eur"))
    assert_unchanged_with_mismatch(shop, inv, "currency_mismatch")


def test_lowercase_and_uppercase_currency_both_match(pay, shop):
    for currency in ("usd", "USD"):
        inv = linked_invoice(shop)
        post_ok(pay, session_event(shop, inv, currency=currency))
        assert invoice(shop, inv)["status"] == "paid", currency


def test_unpaid_session_waits_for_async_payment_succeeded(pay, shop):
    inv = linked_view(shop)
    post_ok(pay, session_event(shop, inv, payment_status="unpaid"))
    got = assert_unchanged_with_mismatch(shop, inv, "payment_not_completed")
    assert got["payments"] == []
    post_ok(pay, session_event(shop, inv, event_type="checkout.session.async_payment_succeeded"))
    got = invoice(shop, inv)
    assert got["status"] == "paid" and got["paid_cents"] == inv["total_cents"]


def test_payment_intent_succeeded_is_matched_on_amount_received(pay, shop):
    short = linked_view(shop)
    post_ok(pay, intent_event(shop, short, amount=short["total_cents"] // 2))
    assert_unchanged_with_mismatch(shop, short, "amount_mismatch")
    inv = linked_invoice(shop)
    post_ok(pay, intent_event(shop, inv))
    post_ok(pay, session_event(shop, inv))  # the same payment, reported again: counted once
    got = invoice(shop, inv)
    assert got["status"] == "paid" and len(got["payments"]) == 1 and got["mismatches"] == []


def test_payment_for_a_draft_invoice_is_a_mismatch(pay, shop):
    wo = shop.work_order(shop.customer())
    shop.tech.post(f"/api/v1/work-orders/{wo['id']}/time", json={"minutes": 30})
    for to in ["scheduled", "in_progress", "completed"]:
        wo = shop.move(wo, to)
    inv = shop.dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice").json()
    assert inv["status"] == "draft"
    before = dict(invoice(shop, inv), intent="pi_" + secrets.token_hex(8))
    post_ok(pay, session_event(shop, before, session_id="cs_unknown"))
    assert_unchanged_with_mismatch(shop, before, "invoice_not_open")


def test_second_payment_for_a_paid_invoice_needs_a_refund(pay, shop):
    inv = linked_invoice(shop)
    post_ok(pay, session_event(shop, inv))
    before = dict(invoice(shop, inv), intent=inv["intent"])
    post_ok(pay, session_event(shop, inv, intent="pi_" + secrets.token_hex(8)))
    got = assert_unchanged_with_mismatch(shop, before, "invoice_not_open", needs_refund=True)
    assert got["status"] == "paid" and len(got["payments"]) == 1


def test_duplicate_event_id_is_processed_once(pay, shop):
    inv = linked_invoice(shop)
    event = session_event(shop, inv)
    assert post_ok(pay, event)["duplicate"] is False
    assert post_ok(pay, event)["duplicate"] is True
    assert len(invoice(shop, inv)["payments"]) == 1
    short = linked_invoice(shop)
    event = session_event(shop, short, amount=1)
    post_ok(pay, event)
    post_ok(pay, event)
    assert len(invoice(shop, short)["mismatches"]) == 1 and len(mismatch_audit(shop, short)) == 1


# --- refunds ---

def test_partial_refund_keeps_paid_then_full_refund_marks_refunded(pay, shop):
    inv = linked_invoice(shop)
    total = inv["total_cents"]
    post_ok(pay, session_event(shop, inv))
    post_ok(pay, refund_event(inv, 1000, [("re_a" + inv["intent"], 1000)]))
    got = invoice(shop, inv)
    assert got["status"] == "paid" and got["payment_state"] == "partially_refunded"
    assert (got["paid_cents"], got["refunded_cents"], got["balance_cents"]) == (total, 1000, 1000)
    # The same refund in another event (Stripe retries with new ids too): once.
    post_ok(pay, refund_event(inv, 1000, [("re_a" + inv["intent"], 1000)]))
    assert invoice(shop, inv)["refunded_cents"] == 1000
    post_ok(pay, refund_event(inv, total, [("re_b" + inv["intent"], total - 1000),
                                           ("re_a" + inv["intent"], 1000)]))
    got = invoice(shop, inv)
    assert got["status"] == "refunded" and got["payment_state"] == "refunded"
    assert got["refunded_cents"] == total
    refunds = [p for p in got["payments"] if p["kind"] == "refund"]
    assert sorted(p["refund_id"] for p in refunds) == sorted(["re_a" + inv["intent"], "re_b" + inv["intent"]])


def test_refund_without_the_refund_list_follows_amount_refunded(pay, shop):
    # Since API version 2022-11-15 a charge carries no `refunds` list by default.
    inv = linked_invoice(shop)
    post_ok(pay, session_event(shop, inv))
    post_ok(pay, refund_event(inv, 500))
    post_ok(pay, refund_event(inv, 500))
    got = invoice(shop, inv)
    assert got["status"] == "paid" and got["refunded_cents"] == 500
    post_ok(pay, refund_event(inv, inv["total_cents"]))
    assert invoice(shop, inv)["status"] == "refunded"


# --- void ---

def test_void_expires_the_checkout_session_with_retries_and_the_link_is_gone(pay, shop, peer):
    inv = linked_invoice(shop)
    path = expire_path(inv)
    peer.fail_path = lambda p: p == path
    peer.fail_first = 2
    try:
        got = void(shop, inv)
        assert got["status"] == "void" and got["payment_link"] is None
        r = shop.dispatcher.post(f"/api/v1/invoices/{inv['id']}/payment-link")
        assert r.status_code == 409 and error_of(r)["reason"] == "invoice_not_open"
        wait_for(lambda: len(peer.requests_to_path(path)) >= 3, what="the expiry after two 500s")
        calls = peer.requests_to_path(path)
        assert len(calls) == 3
        assert calls[0]["headers"]["Authorization"] == "Bearer " + pay.env["BULWARK_STRIPE_API_KEY"]
        assert all(c["headers"]["Idempotency-Key"] == calls[0]["headers"]["Idempotency-Key"] for c in calls)
        wait_for(lambda: [a for a in shop.owner.get("/api/v1/audit", params={
            "action": "invoice.payment_link_expired"}).json()["items"]
            if a["target_id"] == str(inv["id"])], what="the session marked expired")
        time.sleep(0.5)
        assert len(peer.requests_to_path(path)) == 3  # done: not sent again
    finally:
        peer.fail_first = 0
        peer.fail_path = lambda p: True


def test_payment_for_a_void_invoice_is_a_mismatch_needing_a_refund(pay, shop):
    inv = linked_invoice(shop)
    void(shop, inv)
    before = invoice(shop, inv)
    post_ok(pay, session_event(shop, inv))
    got = invoice(shop, inv)
    assert got["status"] == "void" and got["version"] == before["version"] and got["payments"] == []
    assert [(m["kind"], m["needs_refund"]) for m in got["mismatches"]] == [("invoice_not_open", True)]
    assert len(mismatch_audit(shop, inv)) == 1


def test_office_marking_paid_by_hand_is_in_the_ledger(pay, shop):
    inv = shop.open_invoice(shop.customer())
    r = shop.dispatcher.post(f"/api/v1/invoices/{inv['id']}/status",
                             json={"to": "paid", "version": inv["version"]})
    assert r.status_code == 200, r.text
    got = r.json()
    assert got["payment_state"] == "paid" and got["balance_cents"] == 0
    assert [(p["kind"], p["source"]) for p in got["payments"]] == [("charge", "manual")]
