"""'On the way' (issue 12): only for a scheduled visit, and the answer says
truthfully whether a text reaches the customer."""
from fixtures.providers import Shop
from fixtures.server import error_of


def test_on_the_way_is_refused_on_an_open_work_order(shop):
    c = shop.customer()
    wo = shop.work_order(c)  # assigned, no scheduled start: open
    assert wo["status"] == "open"
    r = shop.tech.post(f"/api/v1/work-orders/{wo['id']}/on-the-way")
    assert r.status_code == 409 and error_of(r)["reason"] == "not_scheduled"
    assert "schedule" in error_of(r)["message"]
    assert shop.thread(c) == []


def test_on_the_way_says_a_text_goes_out(shop):
    wo = shop.schedule(shop.customer())
    body = shop.tech.post(f"/api/v1/work-orders/{wo['id']}/on-the-way").json()
    assert body["status"] == "queued" and body["text_will_send"] is True
    assert "on the way" in body["explanation"]
    again = shop.tech.post(f"/api/v1/work-orders/{wo['id']}/on-the-way").json()
    assert again["status"] == "already_sent" and again["text_will_send"] is False


def test_on_the_way_says_no_text_without_a_phone_or_after_stop(shop):
    no_phone = shop.schedule(shop.customer(phone=None))
    body = shop.tech.post(f"/api/v1/work-orders/{no_phone['id']}/on-the-way").json()
    assert body == {"status": "no_phone", "text_will_send": False,
                    "explanation": "No text will be sent: the customer has no phone number on file."}
    c = shop.customer()
    wo = shop.schedule(c)
    r = shop.dispatcher.patch(f"/api/v1/customers/{c['id']}",
                              json={"sms_opt_out": True, "version": c["version"]})
    assert r.status_code == 200, r.text
    body = shop.tech.post(f"/api/v1/work-orders/{wo['id']}/on-the-way").json()
    assert body["status"] == "customer_opted_out" and body["text_will_send"] is False
    assert "opted out" in body["explanation"]


def test_on_the_way_says_no_text_when_the_org_has_no_sms_number(hooked):
    shop = Shop(hooked, sms_number=False)
    wo = shop.schedule(shop.customer())
    body = shop.tech.post(f"/api/v1/work-orders/{wo['id']}/on-the-way").json()
    assert body["status"] == "queued" and body["text_will_send"] is False
    assert "cannot send texts" in body["explanation"]
