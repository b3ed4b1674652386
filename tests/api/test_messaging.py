"""Customer messaging (issue 5): inbound SMS keywords, the outbox and its
sender against a local stand-in for Twilio's REST API, crash recovery, and
two instances sharing one outbox."""
import os
import signal
import time

import pytest

from conftest import Server, error_of
from peers import RecordingPeer, basic_auth_of, wait_for
from webhook_support import PUBLIC_URL, Shop, inbound_sms, provider_env, random_phone, twilio_post


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


def customer_of(shop, c):
    return shop.dispatcher.get(f"/api/v1/customers/{c['id']}").json()


# --- inbound ---

@pytest.mark.parametrize("word", ["STOP", "stop", " Unsubscribe ", "STOPALL", "CANCEL", "END", "QUIT"])
def test_stop_words_opt_the_customer_out(hooked, shop, word):
    c = shop.customer()
    r = inbound_sms(hooked, shop.number, c["phone"], word)
    assert r.status_code == 200 and "<Message>" not in r.text
    assert customer_of(shop, c)["sms_opt_out"] is True
    audit = shop.owner.get("/api/v1/audit", params={"action": "customer.sms_opted_out"}).json()["items"]
    assert any(a["target_id"] == str(c["id"]) and a["actor_type"] == "webhook" for a in audit)


def test_start_and_unstop_opt_back_in(hooked, shop):
    c = shop.customer()
    inbound_sms(hooked, shop.number, c["phone"], "STOP")
    inbound_sms(hooked, shop.number, c["phone"], "start")
    assert customer_of(shop, c)["sms_opt_out"] is False
    inbound_sms(hooked, shop.number, c["phone"], "STOP")
    inbound_sms(hooked, shop.number, c["phone"], "UNSTOP")
    assert customer_of(shop, c)["sms_opt_out"] is False


def test_stop_then_a_scheduled_work_order_sends_nothing(hooked, shop, peer):
    c = shop.customer()
    inbound_sms(hooked, shop.number, c["phone"], "STOP")
    shop.schedule(c)
    other = shop.customer()
    shop.schedule(other)  # the control: this one is sent
    wait_for(lambda: peer.forms_to(other["phone"]), what="the control message")
    time.sleep(0.5)
    assert peer.forms_to(c["phone"]) == []
    thread = shop.thread(c)
    assert [m["status"] for m in thread if m["direction"] == "outbound"] == ["suppressed"]
    r = shop.dispatcher.post(f"/api/v1/customers/{c['id']}/messages", json={"body": "hello?"})
    assert r.status_code == 409 and error_of(r)["reason"] == "sms_opted_out"


def test_opt_out_after_queuing_is_honoured_by_the_sender(make_server):
    peer = RecordingPeer()
    try:
        env = provider_env(peer.url, BULWARK_SMS_INTERVAL="0")  # nothing sends yet
        s = make_server(extra_env=env)
        shop = Shop(s)
        c = shop.customer()
        shop.schedule(c)
        assert [m["status"] for m in shop.thread(c)] == ["queued"]
        inbound_sms(s, shop.number, c["phone"], "STOP")
        s.stop()
        s2 = make_server(extra_env=dict(env, BULWARK_SMS_INTERVAL="100ms"), data_dir=s.data_dir)
        shop.dispatcher.server = s2
        wait_for(lambda: [m for m in shop.thread(c) if m["direction"] == "outbound"
                          and m["status"] == "suppressed"], what="suppression")
        assert peer.forms_to(c["phone"]) == []
    finally:
        peer.stop()


def test_help_gets_the_help_text(hooked, shop):
    c = shop.customer()
    r = inbound_sms(hooked, shop.number, c["phone"], "HELP")
    assert r.status_code == 200
    assert "<Message>" in r.text and "STOP" in r.text


def test_yes_confirms_the_next_scheduled_visit(hooked, shop):
    c = shop.customer()
    later = shop.schedule(c, "2031-07-01T09:00:00Z")
    sooner = shop.schedule(c, "2031-06-01T09:00:00Z")
    r = inbound_sms(hooked, shop.number, c["phone"], "yes")
    assert r.status_code == 200
    assert sooner["number"] in r.text and "confirmed" in r.text and later["number"] not in r.text
    audit = shop.owner.get("/api/v1/audit", params={"action": "work_order.customer_confirmed"}).json()["items"]
    assert any(a["target_id"] == str(sooner["id"]) for a in audit)
    nobody = shop.customer()
    r = inbound_sms(hooked, shop.number, nobody["phone"], "Y")
    assert "no upcoming visit" in r.text


def test_other_text_joins_the_thread_and_the_open_work_order(hooked, shop):
    c = shop.customer()
    wo = shop.schedule(c)
    payload = "Gate code is <b>4411</b> & the dog's friendly'); DROP TABLE sms_messages;--"
    r = inbound_sms(hooked, shop.number, c["phone"], payload)
    assert r.status_code == 200 and "<Message>" not in r.text
    inbound = [m for m in shop.thread(c) if m["direction"] == "inbound"]
    assert len(inbound) == 1
    assert inbound[0]["body"] == payload and inbound[0]["work_order_id"] == wo["id"]


def test_each_message_sid_is_handled_once(hooked, shop):
    c = shop.customer()
    for _ in range(3):
        assert inbound_sms(hooked, shop.number, c["phone"], "running late?", sid="SM" + "d" * 32 + str(c["id"])).status_code == 200
    assert len([m for m in shop.thread(c) if m["direction"] == "inbound"]) == 1


def test_a_number_no_organization_owns_gets_empty_twiml_and_nothing_is_stored(hooked, shop):
    c = shop.customer()
    r = inbound_sms(hooked, random_phone(), c["phone"], "hello")
    assert r.status_code == 200 and r.text.endswith("<Response/>")
    assert shop.thread(c) == []


def test_inbound_requires_its_parameters(hooked, shop):
    r = twilio_post(hooked, "/webhooks/twilio/sms", {"From": "+15550001111", "Body": "x"})
    assert r.status_code == 400


def test_technicians_cannot_read_sms_threads(shop):
    c = shop.customer()
    assert shop.tech.get(f"/api/v1/customers/{c['id']}/messages").status_code == 403


def test_threads_of_another_org_are_404(hooked, shop):
    other = Shop(hooked)
    c = other.customer()
    assert shop.dispatcher.get(f"/api/v1/customers/{c['id']}/messages").status_code == 404


def test_sms_number_is_validated_and_unique(hooked, shop):
    r = shop.owner.put("/api/v1/org/sms", json={"sms_number": "call me"})
    assert r.status_code == 400 and "sms_number" in error_of(r)["fields"]
    other = Shop(hooked)
    r = other.owner.put("/api/v1/org/sms", json={"sms_number": shop.number})
    assert r.status_code == 409
    assert shop.dispatcher.put("/api/v1/org/sms", json={"sms_number": random_phone()}).status_code == 403


def test_templates_can_be_replaced_and_are_validated(make_server):
    peer = RecordingPeer()
    try:
        s = make_server(extra_env=provider_env(peer.url))
        shop = Shop(s)
        r = shop.owner.put("/api/v1/sms-templates/confirmation",
                           json={"body": "{org}: see you {date} {time} for {number} <3"})
        assert r.status_code == 200, r.text
        bad = shop.owner.put("/api/v1/sms-templates/confirmation", json={"body": "hi {password}"})
        assert bad.status_code == 400 and "body" in error_of(bad)["fields"]
        assert shop.owner.put("/api/v1/sms-templates/nope", json={"body": "x"}).status_code == 404
        kinds = {t["kind"]: t for t in shop.owner.get("/api/v1/sms-templates").json()["items"]}
        assert kinds["confirmation"]["is_default"] is False and kinds["reminder"]["is_default"] is True
        c = shop.customer()
        wo = shop.schedule(c, "2031-06-02T09:30:00Z")
        forms = wait_for(lambda: peer.forms_to(c["phone"]), what="the confirmation")
        assert forms[0]["Body"].endswith(f"see you 2031-06-02 09:30 for {wo['number']} <3")
    finally:
        peer.stop()


# --- outbound ---

def test_scheduling_texts_the_customer_with_the_right_credentials_and_fields(hooked, shop, peer):
    c = shop.customer()
    wo = shop.schedule(c, "2031-06-03T13:15:00Z")
    wait_for(lambda: peer.forms_to(c["phone"]), what="the confirmation")
    request = [q for q in peer.requests if q["form"].get("To") == c["phone"]][0]
    sid = hooked.env["BULWARK_TWILIO_ACCOUNT_SID"]
    assert request["path"] == f"/2010-04-01/Accounts/{sid}/Messages.json"
    assert basic_auth_of(request) == f"{sid}:{hooked.env['BULWARK_TWILIO_AUTH_TOKEN']}"
    form = request["form"]
    assert form["From"] == shop.number
    assert wo["number"] in form["Body"] and "2031-06-03" in form["Body"] and "13:15" in form["Body"]
    assert form["StatusCallback"] == PUBLIC_URL + "/webhooks/twilio/status"
    assert request["headers"]["Idempotency-Key"]
    wait_for(lambda: shop.thread(c)[0]["status"] == "sent", what="status sent")


def test_delivery_callbacks_move_the_status_forward_only(hooked, shop, peer):
    c = shop.customer()
    shop.schedule(c)
    wait_for(lambda: peer.forms_to(c["phone"]), what="the confirmation")
    wait_for(lambda: shop.thread(c)[0]["status"] == "sent", what="sent")
    sid = [q for q in peer.requests if q["form"].get("To") == c["phone"]][0]["reply"]["sid"]
    status = lambda s, **extra: twilio_post(hooked, "/webhooks/twilio/status",
                                            {"MessageSid": sid, "MessageStatus": s, **extra})
    assert status("delivered").status_code == 200
    assert shop.thread(c)[0]["status"] == "delivered"
    assert status("sent").status_code == 200  # late and out of order
    assert shop.thread(c)[0]["status"] == "delivered"
    # Another message that could not be delivered keeps Twilio's error code.
    d = shop.customer()
    shop.schedule(d)
    wait_for(lambda: peer.forms_to(d["phone"]), what="the second confirmation")
    wait_for(lambda: shop.thread(d)[0]["status"] == "sent", what="sent")
    sid = [q for q in peer.requests if q["form"].get("To") == d["phone"]][0]["reply"]["sid"]
    assert status("undelivered", ErrorCode="30003").status_code == 200
    msg = shop.thread(d)[0]
    assert msg["status"] == "undelivered" and msg["last_error"] == "twilio_error_30003"
    # A forged callback changes nothing.
    r = twilio_post(hooked, "/webhooks/twilio/status", {"MessageSid": sid, "MessageStatus": "delivered"},
                    token="forged")
    assert r.status_code == 403 and shop.thread(d)[0]["status"] == "undelivered"


def test_on_the_way_and_completion_texts(hooked, shop, peer):
    c = shop.customer()
    wo = shop.schedule(c)
    r = shop.tech.post(f"/api/v1/work-orders/{wo['id']}/on-the-way")
    assert r.status_code == 202 and r.json()["status"] == "queued"
    again = shop.tech.post(f"/api/v1/work-orders/{wo['id']}/on-the-way")
    assert again.json()["status"] == "already_sent"
    wo = shop.move(wo, "in_progress")
    shop.move(wo, "completed")
    wait_for(lambda: len(peer.forms_to(c["phone"])) == 3, what="three texts")
    bodies = [f["Body"] for f in peer.forms_to(c["phone"])]
    assert any("on the way" in b for b in bodies) and any("complete" in b for b in bodies)
    other = Shop(hooked)
    assert other.tech.post(f"/api/v1/work-orders/{wo['id']}/on-the-way").status_code == 404


def test_retries_on_500_with_backoff_then_sends_once(make_server):
    peer = RecordingPeer(fail_first=2)
    try:
        s = make_server(extra_env=provider_env(peer.url))
        shop = Shop(s)
        c = shop.customer()
        shop.schedule(c)
        wait_for(lambda: peer.forms_to(c["phone"]), what="the message after retries")
        assert len(peer.requests) == 3 and len(peer.delivered) == 1
        msg = wait_for(lambda: [m for m in shop.thread(c) if m["status"] == "sent"], what="sent")[0]
        assert msg["attempts"] == 3
    finally:
        peer.stop()


def test_client_errors_are_not_retried(make_server):
    peer = RecordingPeer(fail_first=1, fail_status=400)
    try:
        s = make_server(extra_env=provider_env(peer.url))
        shop = Shop(s)
        c = shop.customer()
        shop.schedule(c)
        msg = wait_for(lambda: [m for m in shop.thread(c) if m["status"] == "failed"], what="failed")[0]
        assert msg["last_error"] == "twilio_http_400" and len(peer.requests) == 1
    finally:
        peer.stop()


def test_without_twilio_credentials_messages_wait_and_say_why(server):
    shop = Shop(server)
    c = shop.customer()
    shop.schedule(c)
    [msg] = shop.thread(c)
    assert msg["status"] == "queued"
    assert "Twilio is not configured" in msg["waiting_reason"]
    listed = shop.dispatcher.get("/api/v1/messages", params={"status": "queued"}).json()["items"]
    assert any(m["id"] == msg["id"] for m in listed)
    settings = shop.owner.get("/api/v1/org/sms").json()
    assert settings["twilio_configured"] is False and settings["sms_number"] == shop.number


def queue_messages(shop, n):
    customers = [shop.customer() for _ in range(10)]
    for i in range(n):
        c = customers[i % len(customers)]
        r = shop.dispatcher.post(f"/api/v1/customers/{c['id']}/messages", json={"body": f"note {i}"})
        assert r.status_code == 202, r.text
    return customers


def test_kill_9_with_200_queued_then_each_is_delivered_exactly_once(make_server):
    peer = RecordingPeer(delay=0.01)
    try:
        env = provider_env(peer.url, BULWARK_SMS_INTERVAL="0", BULWARK_SMS_CLAIM_LEASE="2s")
        s = make_server(extra_env=env)
        shop = Shop(s)
        queue_messages(shop, 200)
        s.stop()
        sending_env = dict(env, BULWARK_SMS_INTERVAL="50ms")
        s2 = make_server(extra_env=sending_env, data_dir=s.data_dir)
        wait_for(lambda: len(peer.requests) >= 40, what="some sends")
        s2.proc.send_signal(signal.SIGKILL)
        s2.proc.wait()
        at_kill = len(peer.delivered)
        assert at_kill < 200, "the crash must come mid-way"
        # The restarted server sends the rest at once, and what the killed one
        # had claimed once its lease (2 s here, a minute by default) runs out.
        s3 = make_server(extra_env=sending_env, data_dir=s.data_dir)
        shop.dispatcher.server = s3
        wait_for(lambda: len(peer.delivered) == 200, timeout=60, what="all 200 delivered")
        bodies = sorted(f["Body"] for f in peer.delivered.values())
        assert bodies == sorted(f"note {i}" for i in range(200))
        assert peer.duplicates <= 20  # resent only what was in flight at the kill, then dropped by key
        wait_for(lambda: not shop.dispatcher.get("/api/v1/messages", params={"status": "sending"}).json()["items"],
                 timeout=30, what="no message left in flight")
    finally:
        peer.stop()


def test_two_instances_share_the_outbox_without_double_sends(make_server):
    peer = RecordingPeer(delay=0.005)
    try:
        env = provider_env(peer.url, BULWARK_SMS_INTERVAL="0")
        s = make_server(extra_env=env)
        shop = Shop(s)
        queue_messages(shop, 120)
        s.stop()
        sending_env = dict(env, BULWARK_SMS_INTERVAL="20ms")
        # On PostgreSQL the claim uses FOR UPDATE SKIP LOCKED; on SQLite the
        # two instances share the file and its single writer.
        a = make_server(extra_env=sending_env, data_dir=s.data_dir)
        b = make_server(extra_env=sending_env, data_dir=s.data_dir)
        wait_for(lambda: len(peer.delivered) == 120, timeout=60, what="all delivered")
        time.sleep(0.5)
        assert len(peer.requests) == 120 and peer.duplicates == 0
        a.stop(), b.stop()
    finally:
        peer.stop()
