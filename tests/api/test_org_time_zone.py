"""The organization's time zone (issue 12 item 1): set and read through
/api/v1/org and create-org, local days for My day and the dispatch week
(DST-correct), customer texts in local time ("Tue Dec 2, 3:00 PM"), and
automated texts held outside 08:00-21:00 local until the window opens."""
import datetime
from zoneinfo import ZoneInfo

from fixtures.peers import RecordingPeer, wait_for
from fixtures.people import admin, create_org, new_user_client, unique
from fixtures.providers import Shop, provider_env
from fixtures.server import error_of
from fixtures.work import iso, new_wo, utc_now

NEW_YORK = "America/New_York"


def local(zone, *args):
    """A wall time in `zone` as an aware datetime (fold=0: the earlier of two)."""
    return datetime.datetime(*args, tzinfo=ZoneInfo(zone))


def utc_text(dt):
    return iso(dt.astimezone(datetime.timezone.utc))


# --- setting and reading it ---

def test_admins_set_the_time_zone_and_everyone_reads_it(server):
    slug = create_org(server)
    owner, _ = new_user_client(server, slug, "owner")
    dispatcher, _ = new_user_client(server, slug, "dispatcher")
    tech, _ = new_user_client(server, slug, "technician")
    assert owner.get("/api/v1/org").json()["time_zone"] == "UTC"

    r = owner.patch("/api/v1/org", json={"time_zone": NEW_YORK})
    assert r.status_code == 200, r.text
    assert r.json()["time_zone"] == NEW_YORK and r.json()["slug"] == slug
    # Every role's screens read it: GET /org and the session's answer.
    assert tech.get("/api/v1/org").json()["time_zone"] == NEW_YORK
    assert tech.get("/api/v1/auth/me").json()["org"]["time_zone"] == NEW_YORK

    # Settings are an admin's: a dispatcher is refused, and nothing changes.
    refused = dispatcher.patch("/api/v1/org", json={"time_zone": "Europe/Paris"})
    assert refused.status_code == 403
    assert owner.get("/api/v1/org").json()["time_zone"] == NEW_YORK

    audit = owner.get("/api/v1/audit").json()["items"]
    changed = [a for a in audit if a["action"] == "org.settings_changed"]
    assert len(changed) == 1 and changed[0]["fields"] == ["time_zone"]
    assert NEW_YORK not in str(changed[0])  # field names, never values


def test_an_unknown_time_zone_is_refused_with_its_reason(server):
    owner, _ = new_user_client(server, create_org(server), "owner")
    for bad in ["Mars/Olympus_Mons", "america/new_york", "../../etc/passwd", "EST+5", ""]:
        r = owner.patch("/api/v1/org", json={"time_zone": bad})
        assert r.status_code == 400, (bad, r.text)
        assert "time_zone" in error_of(r)["fields"], bad
    r = owner.patch("/api/v1/org", json={"time_zone": "Mars/Olympus_Mons"})
    assert error_of(r)["reason"] == "unknown_time_zone"
    assert owner.patch("/api/v1/org", json={"time_zone": 5}).status_code == 400
    assert owner.get("/api/v1/org").json()["time_zone"] == "UTC"


def test_create_org_requires_a_known_time_zone(server):
    missing = admin(server, "create-org", "--slug", unique("tz"), "--name", "No Zone", check=False)
    assert missing.returncode != 0 and "--time-zone" in missing.stderr
    unknown = admin(server, "create-org", "--slug", unique("tz"), "--name", "Bad Zone",
                    "--time-zone", "Mars/Olympus_Mons", check=False)
    assert unknown.returncode != 0 and "not an IANA time zone" in unknown.stderr
    slug = create_org(server, time_zone="Asia/Kolkata")
    owner, _ = new_user_client(server, slug, "owner")
    assert owner.get("/api/v1/auth/me").json()["org"]["time_zone"] == "Asia/Kolkata"


# --- local days ---

def test_my_day_is_the_technicians_local_day(server):
    slug = create_org(server, time_zone=NEW_YORK)
    dispatcher, _ = new_user_client(server, slug, "dispatcher")
    tech, _ = new_user_client(server, slug, "technician")
    today = utc_now().astimezone(ZoneInfo(NEW_YORK)).date()
    tomorrow, yesterday = today + datetime.timedelta(days=1), today - datetime.timedelta(days=1)
    at = {
        "first_minute": local(NEW_YORK, today.year, today.month, today.day, 0, 1),
        "late_evening": local(NEW_YORK, today.year, today.month, today.day, 23, 30),
        "yesterday": local(NEW_YORK, yesterday.year, yesterday.month, yesterday.day, 23, 59),
        "tomorrow": local(NEW_YORK, tomorrow.year, tomorrow.month, tomorrow.day, 0, 0),
    }
    ids = {}
    for name, when in at.items():
        # notify_customer false: nobody is texted, so earlier today may be recorded.
        wo = new_wo(dispatcher, title=name, assignee_id=tech.user_id,
                    scheduled_start=utc_text(when), notify_customer=False)
        ids[wo["id"]] = name
    day = tech.get("/api/v1/dispatch/my-day").json()
    assert day["date"] == today.isoformat()
    assert sorted(ids[i["id"]] for i in day["items"] if i["id"] in ids) == [
        "first_minute", "late_evening"]


def test_the_dispatch_week_of_a_dst_change_is_local(server):
    # The week from Sunday 2026-03-08 (clocks spring forward at 02:00 in
    # New York) is 167 hours long, from 05:00Z to 04:00Z.
    slug = create_org(server, time_zone=NEW_YORK)
    dispatcher, _ = new_user_client(server, slug, "dispatcher")
    tech, _ = new_user_client(server, slug, "technician")
    visits = {
        "before": "2026-03-08T04:59:00Z",      # Sat 23:59 EST
        "first": "2026-03-08T05:00:00Z",       # Sun 00:00 EST
        "in_the_gap": "2026-03-08T07:30:00Z",  # 03:30 EDT (02:30 does not exist)
        "last": "2026-03-15T03:59:00Z",        # Sat 23:59 EDT
        "after": "2026-03-15T04:00:00Z",       # Sun 00:00 EDT
    }
    ids = {new_wo(dispatcher, title=k, assignee_id=tech.user_id, scheduled_start=v,
                  notify_customer=False)["id"]: k for k, v in visits.items()}
    r = dispatcher.get("/api/v1/dispatch/week?start=2026-03-08&assignee_id=%d" % tech.user_id)
    assert r.status_code == 200, r.text
    week = r.json()
    assert week["start"] == "2026-03-08" and week["days"][0] == "2026-03-08"
    assert week["days"][-1] == "2026-03-14"
    assert sorted(ids[i["id"]] for i in week["items"] if i["id"] in ids) == [
        "first", "in_the_gap", "last"]


def test_the_dashboard_counts_local_weeks(server):
    slug = create_org(server, time_zone="Pacific/Auckland")
    owner, _ = new_user_client(server, slug, "owner")
    weeks = owner.get("/api/v1/metrics/business").json()["completed_per_week"]
    monday = utc_now().astimezone(ZoneInfo("Pacific/Auckland")).date()
    monday -= datetime.timedelta(days=monday.weekday())
    assert weeks[-1]["week_start"] == monday.isoformat()
    assert len(weeks) == 12


# --- customer texts ---

def test_a_new_york_customer_is_texted_local_time(make_server):
    peer = RecordingPeer()
    try:
        s = make_server(extra_env=provider_env(peer.url))
        shop = Shop(s, time_zone=NEW_YORK)
        c = shop.customer()
        # Dropped at 3 PM New York time (EST): 20:00Z.
        shop.schedule(c, "2031-12-02T20:00:00Z")
        form = wait_for(lambda: peer.forms_to(c["phone"]), what="the confirmation")[0]
        assert "Tue Dec 2, 3:00 PM" in form["Body"], form["Body"]
        assert "UTC" not in form["Body"] and "20:00" not in form["Body"]
    finally:
        peer.stop()


def test_a_job_dropped_on_the_board_at_3_pm_texts_new_york_local_time(make_server):
    """The issue's "done when": an unscheduled job in the queue, dropped on the
    board (POST /schedule) at 3 PM New York time, texts "Tue Dec 2, 3:00 PM"."""
    peer = RecordingPeer()
    try:
        s = make_server(extra_env=provider_env(peer.url))
        shop = Shop(s, time_zone=NEW_YORK)
        c = shop.customer()
        queued = new_wo(shop.dispatcher, title="Pump the tank", priority="medium",
                        customer_id=c["id"])
        assert queued["status"] == "open" and queued["assignee_id"] is None
        r = shop.dispatcher.post(f"/api/v1/work-orders/{queued['id']}/schedule", json={
            "assignee_id": shop.tech.user_id, "scheduled_start": "2031-12-02T20:00:00Z",
            "version": queued["version"]})
        assert r.status_code == 200, r.text
        assert r.json()["work_order"]["status"] == "scheduled"
        form = wait_for(lambda: peer.forms_to(c["phone"]), what="the confirmation")[0]
        assert "Tue Dec 2, 3:00 PM" in form["Body"], form["Body"]
    finally:
        peer.stop()


def zone_where_it_is(hour):
    """An Etc/GMT zone (whole hours) where the local hour is `hour` now."""
    offset = (hour - utc_now().hour) % 24
    if offset > 12:
        offset -= 24
    # POSIX sign: Etc/GMT-3 is three hours ahead of UTC.
    return "Etc/GMT" if offset == 0 else f"Etc/GMT{-offset:+d}"


def test_automated_texts_wait_for_8am_local_and_office_texts_do_not(make_clock_server):
    peer = RecordingPeer()
    try:
        # 07:xx local: the window opens within the hour. Quiet hours are on
        # (the default); nothing else sweeps while the clock is moved.
        zone = zone_where_it_is(7)
        env = provider_env(peer.url, BULWARK_SMS_QUIET_HOURS=None, BULWARK_RETENTION_INTERVAL="0",
                           BULWARK_PM_INTERVAL="0")
        s = make_clock_server(extra_env=env)
        shop = Shop(s, time_zone=zone)
        held, texted = shop.customer(), shop.customer()
        shop.schedule(held, utc_text(local(zone, 2031, 6, 3, 15, 0)))

        def held_message():
            out = [m for m in shop.thread(held) if m["direction"] == "outbound"]
            return [m for m in out if m["last_error"] == "quiet_hours" and m["status"] == "queued"]

        msg = wait_for(held_message, what="the confirmation held for quiet hours")[0]
        assert "quiet hours" in msg["waiting_reason"] and msg["attempts"] == 0
        # Someone texting on purpose is not held.
        r = shop.dispatcher.post(f"/api/v1/customers/{texted['id']}/messages",
                                 json={"body": "We are running late, sorry"})
        assert r.status_code in (200, 201, 202), r.text
        wait_for(lambda: peer.forms_to(texted["phone"]), what="the office's message")
        assert peer.forms_to(held["phone"]) == []

        # 08:00 local: the held confirmation goes out, once.
        now = utc_now().astimezone(ZoneInfo(zone))
        opens = now.replace(hour=8, minute=0, second=0, microsecond=0)
        if s.clock.moves_time:
            s.clock.advance((opens - now).total_seconds() + 2)
            forms = wait_for(lambda: peer.forms_to(held["phone"]), what="the confirmation at 08:00")
            assert len(forms) == 1 and "Tue Jun 3, 3:00 PM" in forms[0]["Body"]
    finally:
        peer.stop()
