"""The SMS sender against a local stand-in for Twilio's REST API: retries
and back-off, templates, opt-out at send time, kill -9 with 200 messages
queued, and two instances sharing one outbox. Each test counts only its own
customers' messages: on PostgreSQL all test servers share one database."""
import signal
import time
import uuid

from fixtures.peers import RecordingPeer, wait_for
from fixtures.providers import Shop, inbound_sms, provider_env
from fixtures.server import error_of


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
        assert shop.dispatcher.get("/api/v1/sms-templates").status_code == 403
        kinds = {t["kind"]: t for t in shop.owner.get("/api/v1/sms-templates").json()["items"]}
        assert kinds["confirmation"]["is_default"] is False and kinds["reminder"]["is_default"] is True
        c = shop.customer()
        wo = shop.schedule(c, "2031-06-02T09:30:00Z")
        forms = wait_for(lambda: peer.forms_to(c["phone"]), what="the confirmation")
        assert forms[0]["Body"].endswith(f"see you Mon Jun 2 9:30 AM for {wo['number']} <3")
    finally:
        peer.stop()


def test_retries_on_500_with_backoff_then_sends_once(make_server):
    phones = set()
    peer = RecordingPeer(fail_first=2, fail_when=lambda form: form.get("To") in phones)
    try:
        s = make_server(extra_env=provider_env(peer.url))
        shop = Shop(s)
        c = shop.customer()
        phones.add(c["phone"])
        shop.schedule(c)
        wait_for(lambda: peer.forms_to(c["phone"]), what="the message after retries")
        assert len(peer.requests_to(phones)) == 3 and len(peer.delivered_to(phones)) == 1
        msg = wait_for(lambda: [m for m in shop.thread(c) if m["status"] == "sent"], what="sent")[0]
        assert msg["attempts"] == 3
    finally:
        peer.stop()


def test_client_errors_are_not_retried(make_server):
    phones = set()
    peer = RecordingPeer(fail_first=1, fail_status=400, fail_when=lambda form: form.get("To") in phones)
    try:
        s = make_server(extra_env=provider_env(peer.url))
        shop = Shop(s)
        c = shop.customer()
        phones.add(c["phone"])
        shop.schedule(c)
        msg = wait_for(lambda: [m for m in shop.thread(c) if m["status"] == "failed"], what="failed")[0]
        assert msg["last_error"] == "twilio_http_400" and len(peer.requests_to(phones)) == 1
    finally:
        peer.stop()


def queue_messages(shop, n, tag):
    customers = [shop.customer() for _ in range(10)]
    for i in range(n):
        c = customers[i % len(customers)]
        r = shop.dispatcher.post(f"/api/v1/customers/{c['id']}/messages", json={"body": f"{tag} {i}"})
        assert r.status_code == 202, r.text
    return {c["phone"] for c in customers}


def test_kill_9_with_200_queued_then_each_is_delivered_exactly_once(make_server):
    peer = RecordingPeer(delay=0.01)
    tag = uuid.uuid4().hex[:8]
    try:
        env = provider_env(peer.url, BULWARK_SMS_INTERVAL="0", BULWARK_SMS_CLAIM_LEASE="2s")
        s = make_server(extra_env=env)
        shop = Shop(s)
        phones = queue_messages(shop, 200, tag)
        s.stop()
        sending_env = dict(env, BULWARK_SMS_INTERVAL="50ms")
        s2 = make_server(extra_env=sending_env, data_dir=s.data_dir)
        wait_for(lambda: len(peer.requests_to(phones)) >= 40, what="some sends")
        s2.proc.send_signal(signal.SIGKILL)
        s2.proc.wait()
        assert len(peer.delivered_to(phones)) < 200, "the crash must come mid-way"
        # The restarted server sends the rest at once, and what the killed one
        # had claimed once its lease (2 s here, a minute by default) runs out.
        s3 = make_server(extra_env=sending_env, data_dir=s.data_dir)
        shop.dispatcher.server = s3
        wait_for(lambda: len(peer.delivered_to(phones)) == 200, timeout=60, what="all 200 delivered")
        bodies = sorted(f["Body"] for f in peer.delivered_to(phones).values())
        assert bodies == sorted(f"{tag} {i}" for i in range(200))
        # Resent at most what was in flight at the kill (one batch), and the
        # peer dropped those by idempotency key.
        assert len(peer.requests_to(phones)) - 200 <= 20
        wait_for(lambda: not shop.dispatcher.get("/api/v1/messages", params={"status": "sending"}).json()["items"],
                 timeout=30, what="no message left in flight")
    finally:
        peer.stop()


def test_two_instances_share_the_outbox_without_double_sends(make_server):
    peer = RecordingPeer(delay=0.005)
    tag = uuid.uuid4().hex[:8]
    try:
        env = provider_env(peer.url, BULWARK_SMS_INTERVAL="0")
        s = make_server(extra_env=env)
        shop = Shop(s)
        phones = queue_messages(shop, 120, tag)
        s.stop()
        # On PostgreSQL the claim uses FOR UPDATE SKIP LOCKED; on SQLite the
        # two instances share the file and its single writer.
        sending_env = dict(env, BULWARK_SMS_INTERVAL="20ms")
        a = make_server(extra_env=sending_env, data_dir=s.data_dir)
        b = make_server(extra_env=sending_env, data_dir=s.data_dir)
        wait_for(lambda: len(peer.delivered_to(phones)) == 120, timeout=60, what="all delivered")
        time.sleep(0.5)
        assert len(peer.requests_to(phones)) == 120
        a.stop(), b.stop()
    finally:
        peer.stop()


def test_a_reminder_goes_out_the_day_before_once(make_server):
    import datetime
    peer = RecordingPeer()
    try:
        env = provider_env(peer.url, BULWARK_SMS_INTERVAL="0")
        s = make_server(extra_env=env)
        shop = Shop(s)
        soon, later = shop.customer(), shop.customer()
        in_3h = (datetime.datetime.now(datetime.timezone.utc) + datetime.timedelta(hours=3))
        in_3d = in_3h + datetime.timedelta(days=3)
        fmt = "%Y-%m-%dT%H:%M:%SZ"
        wo = shop.schedule(soon, in_3h.strftime(fmt))
        shop.schedule(later, in_3d.strftime(fmt))
        s.stop()
        # The sender queues reminders when it starts and then once a minute.
        s2 = make_server(extra_env=dict(env, BULWARK_SMS_INTERVAL="100ms"), data_dir=s.data_dir)
        shop.dispatcher.server = s2
        wait_for(lambda: any("reminder" in f["Body"] for f in peer.forms_to(soon["phone"])),
                 what="the reminder")
        reminder = [f for f in peer.forms_to(soon["phone"]) if "reminder" in f["Body"]]
        assert len(reminder) == 1 and wo["number"] in reminder[0]["Body"]
        wait_for(lambda: peer.forms_to(later["phone"]), what="the other confirmation")
        assert not any("reminder" in f["Body"] for f in peer.forms_to(later["phone"]))
        s2.stop()
        s3 = make_server(extra_env=dict(env, BULWARK_SMS_INTERVAL="100ms"), data_dir=s.data_dir)
        time.sleep(1.0)  # a restart does not remind twice
        assert len([f for f in peer.forms_to(soon["phone"]) if "reminder" in f["Body"]]) == 1
        s3.stop()
    finally:
        peer.stop()
