"""Idempotency-Key on state-changing requests (issue 12 item 8).

A phone in a dead zone sends a time entry, the answer is lost, and the
offline queue sends it again under the same key: the server answers with the
first result (marked Idempotent-Replayed) instead of billing the time twice.
The key is remembered per organization, user and key for 24 h; the same key
with a different request is 422 idempotency_key_reused, a duplicate while
the first is still running 409 idempotency_in_progress."""
import concurrent.futures
import uuid

import pytest

from fixtures.clock import hooks_binary
from fixtures.people import create_org, create_user, login, outsider
from fixtures.server import error_of
from fixtures.work import new_wo


def key():
    return str(uuid.uuid4())


def with_key(k):
    return {"Idempotency-Key": k}


def details(client, wo):
    return client.get(f"/api/v1/work-orders/{wo['id']}/details").json()


def test_replay_after_a_lost_answer_never_bills_time_twice(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    k = key()
    path = f"/api/v1/work-orders/{wo['id']}/time"
    first = tech.post(path, json={"minutes": 95, "note": "pumped"}, headers=with_key(k))
    assert first.status_code == 201, first.text
    assert "Idempotent-Replayed" not in first.headers
    # The answer was lost on the way to the phone; the queue sends it again.
    again = tech.post(path, json={"minutes": 95, "note": "pumped"}, headers=with_key(k))
    assert again.status_code == 201
    assert again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()
    assert "Set-Cookie" not in again.headers
    entries = details(dispatcher, wo)["time_entries"]
    assert [e["minutes"] for e in entries] == [95]


@pytest.mark.parametrize("method,suffix,body", [
    ("POST", "/comments", {"body": "gate was locked"}),
    ("POST", "/parts", {"name": "Effluent filter", "quantity": 1}),
    ("POST", "/checklist", {"label": "Check baffles"}),
])
def test_every_field_change_is_replayed_not_repeated(dispatcher, method, suffix, body):
    wo = new_wo(dispatcher)
    k = key()
    path = f"/api/v1/work-orders/{wo['id']}{suffix}"
    answers = [dispatcher.request(method, path, json=body, headers=with_key(k)) for _ in range(3)]
    assert [a.status_code for a in answers] == [201] * 3
    assert [a.headers.get("Idempotent-Replayed") for a in answers] == [None, "true", "true"]
    d = details(dispatcher, wo)
    counts = {"/comments": len(d["comments"]), "/parts": len(d["parts"]),
              "/checklist": len(d["checklist"])}
    assert counts[suffix] == 1


def test_checklist_value_and_patch_are_replayed(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    item = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/checklist",
                           json={"label": "Lid secured"}).json()
    k = key()
    path = f"/api/v1/work-orders/{wo['id']}/checklist/{item['id']}"
    assert tech.patch(path, json={"done": True}, headers=with_key(k)).status_code == 200
    r = tech.patch(path, json={"done": True}, headers=with_key(k))
    assert r.status_code == 200 and r.headers["Idempotent-Replayed"] == "true"


def test_same_key_with_a_different_body_is_422(dispatcher):
    wo = new_wo(dispatcher)
    k = key()
    path = f"/api/v1/work-orders/{wo['id']}/time"
    assert dispatcher.post(path, json={"minutes": 30}, headers=with_key(k)).status_code == 201
    r = dispatcher.post(path, json={"minutes": 45}, headers=with_key(k))
    assert r.status_code == 422
    assert error_of(r)["code"] == "unprocessable"
    assert error_of(r)["reason"] == "idempotency_key_reused"
    # Another path under the same key is another request too.
    other = new_wo(dispatcher)
    r = dispatcher.post(f"/api/v1/work-orders/{other['id']}/time", json={"minutes": 30},
                        headers=with_key(k))
    assert r.status_code == 422
    assert [e["minutes"] for e in details(dispatcher, wo)["time_entries"]] == [30]
    assert details(dispatcher, other)["time_entries"] == []


def test_another_users_same_key_is_independent(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    k = key()
    path = f"/api/v1/work-orders/{wo['id']}/comments"
    for client in (dispatcher, tech):
        r = client.post(path, json={"body": "on site"}, headers=with_key(k))
        assert r.status_code == 201 and "Idempotent-Replayed" not in r.headers
    assert len(details(dispatcher, wo)["comments"]) == 2


def test_another_organizations_same_key_is_independent(server, dispatcher):
    k = key()
    other = outsider(server)
    for client in (dispatcher, other):
        wo = new_wo(client)
        r = client.post(f"/api/v1/work-orders/{wo['id']}/comments", json={"body": "x"},
                        headers=with_key(k))
        assert r.status_code == 201 and "Idempotent-Replayed" not in r.headers


def test_concurrent_duplicates_make_one_time_entry(dispatcher):
    wo = new_wo(dispatcher)
    k = key()
    path = f"/api/v1/work-orders/{wo['id']}/time"

    def go(_):
        return dispatcher.post(path, json={"minutes": 15}, headers=with_key(k))

    with concurrent.futures.ThreadPoolExecutor(8) as pool:
        answers = list(pool.map(go, range(8)))
    fresh = [a for a in answers if a.status_code == 201 and "Idempotent-Replayed" not in a.headers]
    assert len(fresh) == 1
    for a in answers:
        if a.status_code == 409:
            assert error_of(a)["reason"] == "idempotency_in_progress"
            assert a.headers["Retry-After"] == "1"
        else:
            assert a.status_code == 201, a.text
    assert [e["minutes"] for e in details(dispatcher, wo)["time_entries"]] == [15]


@pytest.mark.parametrize("bad", ["x" * 256, "caf\u00e9".encode("utf-8"), b"a\tb"])
def test_bad_key_is_400(dispatcher, bad):
    wo = new_wo(dispatcher)
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/comments", json={"body": "x"},
                        headers={"Idempotency-Key": bad})
    assert r.status_code == 400, r.text
    assert error_of(r)["reason"] == "idempotency_key_invalid"
    assert details(dispatcher, wo)["comments"] == []


def test_a_key_is_refused_where_the_answer_holds_a_secret(owner):
    r = owner.post("/api/v1/users", json={"email": f"{uuid.uuid4().hex}@example.com",
                                          "name": "New", "role": "viewer"},
                   headers=with_key(key()))
    assert r.status_code == 400
    assert error_of(r)["reason"] == "idempotency_not_supported"


def test_reads_ignore_the_header(dispatcher):
    r = dispatcher.get("/api/v1/work-orders", headers=with_key("x" * 300))
    assert r.status_code == 200 and "Idempotent-Replayed" not in r.headers


def test_a_refusal_is_the_first_result_too(dispatcher):
    wo = new_wo(dispatcher)
    k = key()
    path = f"/api/v1/work-orders/{wo['id']}/time"
    first = dispatcher.post(path, json={"minutes": 0}, headers=with_key(k))
    assert first.status_code == 400
    again = dispatcher.post(path, json={"minutes": 0}, headers=with_key(k))
    assert again.status_code == 400 and again.headers["Idempotent-Replayed"] == "true"
    assert again.json() == first.json()


@pytest.mark.skipif(not hooks_binary(), reason="bulwark-test-hooks was not built")
def test_a_key_expires_after_24_hours(make_clock_server):
    # The background workers stay off: a day's jump must not sweep or
    # generate anything for the other servers sharing a PostgreSQL.
    s = make_clock_server(extra_env={"BULWARK_RETENTION_INTERVAL": "0", "BULWARK_PM_INTERVAL": "0",
                                     "BULWARK_SMS_INTERVAL": "0", "BULWARK_JOBS_INTERVAL": "0"})
    org = create_org(s)
    email = create_user(s, org, "dispatcher")
    c = login(s, email)
    wo = new_wo(c)
    k = key()
    path = f"/api/v1/work-orders/{wo['id']}/time"
    assert c.post(path, json={"minutes": 20}, headers=with_key(k)).status_code == 201
    s.clock.advance(23 * 3600)
    c = login(s, email)
    r = c.post(path, json={"minutes": 20}, headers=with_key(k))
    assert r.headers.get("Idempotent-Replayed") == "true"
    s.clock.advance(3600 + 1)
    c = login(s, email)
    r = c.post(path, json={"minutes": 20}, headers=with_key(k))
    assert r.status_code == 201 and "Idempotent-Replayed" not in r.headers
    assert len(details(c, wo)["time_entries"]) == 2
