"""The dispatch board (issue 12 item 6): POST /work-orders/{id}/schedule puts
a job on a technician and a time or back in the queue and answers with
warnings (overlap, outside_working_hours: the org's working hours per
weekday, local and DST-correct); a start in the past is 422; the working
hours are set by owners and admins; PATCH clears the assignee and the due
date with null; the day view (days=1)."""
from fixtures.people import create_org, new_user_client
from fixtures.server import error_of
from fixtures.work import new_wo

NEW_YORK = "America/New_York"


def board(server, time_zone=NEW_YORK):
    slug = create_org(server, time_zone=time_zone)
    dispatcher, _ = new_user_client(server, slug, "dispatcher")
    tech, _ = new_user_client(server, slug, "technician")
    return slug, dispatcher, tech


def schedule(client, wo, tech_id, start, end=None):
    body = {"assignee_id": tech_id, "scheduled_start": start, "version": wo["version"]}
    if end:
        body["scheduled_end"] = end
    return client.post(f"/api/v1/work-orders/{wo['id']}/schedule", json=body)


def codes(answer):
    return sorted(w["code"] for w in answer["warnings"])


def test_schedule_warns_of_an_overlap_and_of_hours_outside_working_hours(server):
    _, dispatcher, tech = board(server)
    first = new_wo(dispatcher, title="first")
    # Tue 2031-12-02 10:00-12:00 New York (EST, UTC-5).
    r = schedule(dispatcher, first, tech.user_id, "2031-12-02T15:00:00Z", "2031-12-02T17:00:00Z")
    assert r.status_code == 200, r.text
    assert r.json()["warnings"] == []
    wo = r.json()["work_order"]
    assert wo["status"] == "scheduled" and wo["assignee_id"] == tech.user_id
    assert wo["scheduled_start"] == "2031-12-02T15:00:00Z"

    second = new_wo(dispatcher, title="second")
    r = schedule(dispatcher, second, tech.user_id, "2031-12-02T16:00:00Z")  # 11:00, 1 h
    assert r.status_code == 200, r.text
    assert r.json()["warnings"] == [
        {"code": "overlap", "work_order_id": first["id"], "number": first["number"]}]
    assert r.json()["work_order"]["scheduled_end"] == "2031-12-02T17:00:00Z"

    # 17:30 local is after 17:00; Saturday is closed by default.
    late = new_wo(dispatcher, title="late")
    r = schedule(dispatcher, late, tech.user_id, "2031-12-02T22:30:00Z")
    assert codes(r.json()) == ["outside_working_hours"]
    weekend = new_wo(dispatcher, title="weekend")
    r = schedule(dispatcher, weekend, tech.user_id, "2031-12-06T15:00:00Z")
    assert codes(r.json()) == ["outside_working_hours"]

    # A cancelled job frees its time.
    r = dispatcher.post(f"/api/v1/work-orders/{first['id']}/transition",
                        json={"to": "cancelled", "version": 2})
    assert r.status_code == 200, r.text
    third = new_wo(dispatcher, title="third")
    r = schedule(dispatcher, third, tech.user_id, "2031-12-02T15:00:00Z", "2031-12-02T15:30:00Z")
    assert codes(r.json()) == []


def test_a_start_in_the_past_is_refused_and_nothing_changes(server):
    _, dispatcher, tech = board(server)
    wo = new_wo(dispatcher)
    r = schedule(dispatcher, wo, tech.user_id, "2020-01-07T15:00:00Z")
    assert r.status_code == 422, r.text
    assert error_of(r)["reason"] == "scheduled_in_the_past"
    assert "scheduled_start" in error_of(r)["fields"]
    after = dispatcher.get(f"/api/v1/work-orders/{wo['id']}").json()
    assert after["version"] == wo["version"] and after["assignee_id"] is None


def test_working_hours_are_local_on_a_dst_day(server):
    # Sunday 2031-03-09: New York springs forward at 02:00, so 08:00 is EDT
    # (12:00Z), not EST (13:00Z).
    slug, dispatcher, tech = board(server)
    owner, _ = new_user_client(server, slug, "owner")
    r = owner.patch("/api/v1/org/working-hours", json={"sunday": "08:00-17:00"})
    assert r.status_code == 200, r.text
    inside = schedule(dispatcher, new_wo(dispatcher), tech.user_id,
                      "2031-03-09T12:00:00Z", "2031-03-09T13:00:00Z")
    assert inside.status_code == 200, inside.text
    assert codes(inside.json()) == []
    early = schedule(dispatcher, new_wo(dispatcher), tech.user_id,
                     "2031-03-09T11:30:00Z", "2031-03-09T11:45:00Z")  # 07:30 EDT
    assert codes(early.json()) == ["outside_working_hours"]
    # Sunday 2031-11-02 falls back: 16:30 EST is 21:30Z, inside until 22:00Z
    # (17:00 EST); a visit running to 17:01 leaves them.
    fall = schedule(dispatcher, new_wo(dispatcher), tech.user_id,
                    "2031-11-02T21:30:00Z", "2031-11-02T22:00:00Z")
    assert codes(fall.json()) == []
    after = schedule(dispatcher, new_wo(dispatcher), tech.user_id,
                     "2031-11-02T22:00:00Z", "2031-11-02T22:01:00Z")
    assert codes(after.json()) == ["outside_working_hours"]


def test_owners_set_working_hours_dispatchers_read_them(server):
    slug, dispatcher, tech = board(server)
    owner, _ = new_user_client(server, slug, "owner")
    days = dispatcher.get("/api/v1/org/working-hours").json()["days"]
    assert [d["name"] for d in days][:2] == ["monday", "tuesday"] and len(days) == 7
    assert days[0] == {"weekday": 1, "name": "monday", "open": True,
                       "start": "08:00", "end": "17:00"}
    assert days[6]["open"] is False and days[6]["start"] is None

    assert dispatcher.patch("/api/v1/org/working-hours",
                            json={"monday": "07:00-15:00"}).status_code == 403
    assert tech.patch("/api/v1/org/working-hours", json={"monday": None}).status_code == 403
    for bad in ["17:00-08:00", "8-5", "25:00-26:00", "08:00-08:00", "08:60-09:00"]:
        r = owner.patch("/api/v1/org/working-hours", json={"monday": bad})
        assert r.status_code == 400 and "monday" in error_of(r)["fields"], bad

    r = owner.patch("/api/v1/org/working-hours",
                    json={"monday": "07:00-15:30", "friday": None, "saturday": "09:00-24:00"})
    assert r.status_code == 200, r.text
    days = {d["name"]: d for d in r.json()["days"]}
    assert (days["monday"]["start"], days["monday"]["end"]) == ("07:00", "15:30")
    assert days["friday"]["open"] is False and days["tuesday"]["start"] == "08:00"
    assert days["saturday"]["end"] == "24:00"
    audit = [a for a in owner.get("/api/v1/audit").json()["items"]
             if a["action"] == "org.working_hours_changed"]
    assert len(audit) == 1 and sorted(audit[0]["fields"]) == ["friday", "monday", "saturday"]


def test_back_to_the_queue_unassigns_and_unschedules(server):
    _, dispatcher, tech = board(server)
    wo = new_wo(dispatcher, due_at="2031-12-05T17:00:00Z")
    wo = schedule(dispatcher, wo, tech.user_id, "2031-12-02T15:00:00Z").json()["work_order"]
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/schedule",
                        json={"assignee_id": None, "scheduled_start": None,
                              "version": wo["version"]})
    assert r.status_code == 200, r.text
    back = r.json()["work_order"]
    assert back["status"] == "open" and back["assignee_id"] is None
    assert back["scheduled_start"] is None and back["scheduled_end"] is None
    week = dispatcher.get("/api/v1/dispatch/week?start=2031-12-01").json()
    assert wo["id"] in [i["id"] for i in week["unplanned"]]
    assert wo["id"] not in [i["id"] for i in week["items"]]
    # A stale version is a conflict, not a silent overwrite.
    r = schedule(dispatcher, wo, tech.user_id, "2031-12-02T15:00:00Z")
    assert r.status_code == 409 and error_of(r)["reason"] == "version_conflict"
    # Half a schedule is refused.
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/schedule",
                        json={"assignee_id": tech.user_id, "version": back["version"]})
    assert r.status_code == 400 and "scheduled_start" in error_of(r)["fields"]


def test_patch_clears_the_assignee_and_the_due_date_with_null(server):
    _, dispatcher, tech = board(server)
    wo = new_wo(dispatcher, assignee_id=tech.user_id, due_at="2031-12-05T17:00:00Z")
    # Absent leaves them as they are.
    r = dispatcher.patch(f"/api/v1/work-orders/{wo['id']}",
                         json={"title": "Renamed", "version": wo["version"]})
    assert r.status_code == 200, r.text
    assert r.json()["assignee_id"] == tech.user_id
    assert r.json()["due_at"] == "2031-12-05T17:00:00Z"
    r = dispatcher.patch(f"/api/v1/work-orders/{wo['id']}",
                         json={"assignee_id": None, "due_at": None,
                               "version": r.json()["version"]})
    assert r.status_code == 200, r.text
    assert r.json()["assignee_id"] is None and r.json()["due_at"] is None
    assert r.json()["title"] == "Renamed"


def test_another_tenants_job_is_404_and_technicians_cannot_schedule(server):
    _, dispatcher, tech = board(server)
    _, other_dispatcher, other_tech = board(server)
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    r = schedule(other_dispatcher, wo, other_tech.user_id, "2031-12-02T15:00:00Z")
    assert r.status_code == 404, r.text
    # Nor may a job go to another organization's technician.
    r = schedule(dispatcher, wo, other_tech.user_id, "2031-12-02T15:00:00Z")
    assert r.status_code == 400 and "assignee_id" in error_of(r)["fields"]
    r = schedule(tech, wo, tech.user_id, "2031-12-02T15:00:00Z")
    assert r.status_code == 403, r.text
    assert dispatcher.get(f"/api/v1/work-orders/{wo['id']}").json()["version"] == wo["version"]


def test_the_day_view_is_one_local_day(server):
    _, dispatcher, tech = board(server)
    inside = new_wo(dispatcher, title="inside")
    schedule(dispatcher, inside, tech.user_id, "2031-12-03T04:30:00Z")  # Tue 23:30 EST
    nextday = new_wo(dispatcher, title="next")
    schedule(dispatcher, nextday, tech.user_id, "2031-12-03T05:00:00Z")  # Wed 00:00 EST
    r = dispatcher.get("/api/v1/dispatch/week?start=2031-12-02&days=1")
    assert r.status_code == 200, r.text
    day = r.json()
    assert day["days"] == ["2031-12-02"]
    ids = [i["id"] for i in day["items"]]
    assert inside["id"] in ids and nextday["id"] not in ids
    assert dispatcher.get("/api/v1/dispatch/week?days=3").status_code == 400
