"""A sign-in from a new device (issue 15 item 7): the browser keeps a random
device cookie, the account keeps its hash; a sign-in without a cookie the
account knows is remembered and, unless it is the account's very first, the
person is emailed the device, address and local time with the way to sign
that session out. The session list names each session's device in plain
words, never the raw User-Agent."""
import time

import pytest
import requests

from fixtures.mail import SmtpSink, mail_env
from fixtures.people import PASSWORD, Client, cookie_value, create_org, create_user
from fixtures.server import Server

ANDROID = ("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, like Gecko) "
           "Chrome/131.0.0.0 Mobile Safari/537.36")
IPHONE = ("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 "
          "(KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1")


@pytest.fixture(scope="module")
def sink():
    s = SmtpSink()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def server(sink):
    s = Server(extra_env=mail_env(sink))
    yield s
    s.stop()


def sign_in(server, email, user_agent, device_cookie=None):
    headers = {"User-Agent": user_agent}
    if device_cookie:
        headers["Cookie"] = f"__Host-device={device_cookie}"
    r = requests.post(server.url + "/api/v1/auth/login",
                      json={"email": email, "password": PASSWORD}, headers=headers, timeout=30)
    assert r.status_code == 200, r.text
    return r


def wait_for_count(sink, to, n, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        if len(sink.messages(to)) >= n:
            return sink.messages(to)
        time.sleep(0.1)
    raise AssertionError(f"{len(sink.messages(to))} of {n} messages for {to}")


def test_a_new_device_is_told_by_email_and_a_known_one_is_not(server, sink):
    org = create_org(server, time_zone="America/Chicago")
    email = create_user(server, org, "technician")
    first = sign_in(server, email, ANDROID)
    phone_cookie = cookie_value(first, "__Host-device")
    assert phone_cookie and len(phone_cookie) >= 43
    set_cookie = next(c for c in first.raw.headers.getlist("Set-Cookie")
                      if c.startswith("__Host-device="))
    assert "HttpOnly" in set_cookie and "Secure" in set_cookie and "SameSite=Strict" in set_cookie
    # The same phone again: known, no mail.
    again = sign_in(server, email, ANDROID, phone_cookie)
    assert cookie_value(again, "__Host-device") == phone_cookie
    # A new iPhone: remembered, and the person is told.
    sign_in(server, email, IPHONE)
    (message,) = wait_for_count(sink, email, 1)
    mail = message["email"]
    assert mail["Subject"] == f"New sign-in to Org {org} on Bulwark"
    text = mail.get_body(("plain",)).get_content()
    assert "Device: Safari on iPhone" in text and "Address: 127.0.0.1" in text
    assert "(America/Chicago)" in text and "/account" in text
    # The very first sign-in mailed nothing, the known phone nothing: one message only.
    time.sleep(1)
    assert len(sink.messages(email)) == 1


def test_sessions_are_listed_by_device_and_a_hostile_user_agent_is_not_kept(server):
    org = create_org(server)
    email = create_user(server, org, "dispatcher")
    r = sign_in(server, email, ANDROID)
    c = Client(server, cookie_value(r, "__Host-session"), cookie_value(r, "csrf_token"), r)
    sign_in(server, email, "<script>alert(1)</script>/1 (iPhone)")
    items = c.get("/api/v1/auth/sessions").json()["items"]
    devices = sorted(i["device"] for i in items)
    assert devices == ["A browser on iPhone", "Chrome on Android"], devices
    assert all("<" not in i["device"] for i in items)
