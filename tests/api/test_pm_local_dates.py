"""Preventive maintenance counts days on the organization's calendar (issue
12): a daily job due at 09:00 in New York comes back at 09:00 New York time
after a DST change, not an hour off as it would counted in UTC."""
import datetime
from zoneinfo import ZoneInfo

from fixtures.people import admin, create_org, new_user_client, unique
from fixtures.work import iso, new_customer, new_site

NEW_YORK = ZoneInfo("America/New_York")


def first_due_across_a_dst_change(now):
    """09:00 New York time on a day of the past year whose UTC offset differs from today's."""
    today_offset = now.astimezone(NEW_YORK).utcoffset()
    for days_ago in range(30, 330, 30):
        d = (now - datetime.timedelta(days=days_ago)).astimezone(NEW_YORK).date()
        day = datetime.datetime(d.year, d.month, d.day, 9, 0, tzinfo=NEW_YORK)
        if day.utcoffset() != today_offset:
            return day
    raise AssertionError("New York has no DST?")


def test_daily_pm_keeps_its_local_time_across_a_dst_change(server):
    slug = create_org(server, time_zone="America/New_York")
    dispatcher, _ = new_user_client(server, slug, "dispatcher")
    site = new_site(dispatcher, new_customer(dispatcher))
    now = datetime.datetime.now(datetime.timezone.utc)
    first = first_due_across_a_dst_change(now)
    r = dispatcher.post("/api/v1/pm-schedules", json={
        "site_id": site["id"], "title": unique("Lift station check"), "interval_unit": "days",
        "interval_value": 1, "first_due_at": iso(first.astimezone(datetime.timezone.utc)),
        "lead_days": 0})
    assert r.status_code == 201, r.text
    admin(server, "pm-run")
    schedule = next(s for s in dispatcher.get("/api/v1/pm-schedules").json()["items"]
                    if s["id"] == r.json()["id"])
    next_due = datetime.datetime.fromisoformat(schedule["next_due_at"].replace("Z", "+00:00"))
    local = next_due.astimezone(NEW_YORK)
    assert (local.hour, local.minute) == (9, 0), schedule["next_due_at"]
    assert next_due > now and next_due - now <= datetime.timedelta(days=1)
