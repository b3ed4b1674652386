"""Customer messaging (issue 5): inbound SMS keywords, the outbox and its
sender against a local stand-in for Twilio's REST API, crash recovery, and
two instances sharing one outbox."""
import time

import pytest

from fixtures.peers import basic_auth_of, wait_for
from fixtures.providers import PUBLIC_URL, Shop, inbound_sms, random_phone, twilio_post
from fixtures.server import error_of



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


def test_stop_covers_every_customer_record_with_that_phone(hooked, shop, peer):
    first = shop.customer()
    duplicate = shop.customer(phone=first["phone"])
    inbound_sms(hooked, shop.number, first["phone"], "STOP")
    assert customer_of(shop, first)["sms_opt_out"] is True
    assert customer_of(shop, duplicate)["sms_opt_out"] is True
    shop.schedule(duplicate)
    time.sleep(0.5)
    assert peer.forms_to(first["phone"]) == []


def test_the_office_cannot_undo_a_customers_stop(hooked, shop):
    c = shop.customer()
    inbound_sms(hooked, shop.number, c["phone"], "STOP")
    got = customer_of(shop, c)
    assert got["sms_opt_out"] is True and got["sms_opt_out_by_customer"] is True
    r = shop.dispatcher.patch(f"/api/v1/customers/{c['id']}",
                              json={"sms_opt_out": False, "version": got["version"]})
    assert r.status_code == 409 and error_of(r)["reason"] == "opted_out_by_customer"
    inbound_sms(hooked, shop.number, c["phone"], "START")
    got = customer_of(shop, c)
    assert got["sms_opt_out"] is False and got["sms_opt_out_by_customer"] is False
    # An opt-out the office recorded (say, on the phone) the office may clear.
    r = shop.dispatcher.patch(f"/api/v1/customers/{c['id']}", json={"sms_opt_out": True, "version": got["version"]})
    assert r.status_code == 200
    r = shop.dispatcher.patch(f"/api/v1/customers/{c['id']}", json={"sms_opt_out": False, "version": r.json()["version"]})
    assert r.status_code == 200 and r.json()["sms_opt_out"] is False


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
    # The organization is in UTC: 13:15Z reads "Tue Jun 3, 1:15 PM".
    assert wo["number"] in form["Body"] and "Tue Jun 3, 1:15 PM" in form["Body"]
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


def test_without_twilio_credentials_messages_wait_and_say_why(server):
    # No SMS number either: on PostgreSQL another test's server (with
    # credentials, same database) could otherwise send this message.
    shop = Shop(server, sms_number=False)
    c = shop.customer()
    shop.schedule(c)
    [msg] = shop.thread(c)
    assert msg["status"] == "queued"
    assert "Twilio is not configured" in msg["waiting_reason"]
    listed = shop.dispatcher.get("/api/v1/messages", params={"status": "queued"}).json()["items"]
    assert any(m["id"] == msg["id"] for m in listed)
    settings = shop.owner.get("/api/v1/org/sms").json()
    assert settings["twilio_configured"] is False and settings["sms_number"] is None
