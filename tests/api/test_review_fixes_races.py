"""Issue 10, item 15: races the review suspected, driven by concurrent clients.

Each test starts its requests from threads released by one barrier, each
thread with its own session and HTTP connection, and repeats the storm so a
lost race would show; every wait is bounded. Run on SQLite and (with
BULWARK_TEST_DATABASE_URL) on PostgreSQL, where transactions really overlap.
"""
import datetime
import random
import threading

import requests

from fixtures.people import create_org, create_user, login, new_user_client, step_up, unique
from fixtures.work import complete, new_asset, new_customer, new_site, new_wo

TIMEOUT = 30  # seconds for any one request or thread


def storm(calls):
    """Runs the callables at the same moment; returns their results in order."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(i, call):
        barrier.wait(TIMEOUT)
        try:
            results[i] = call()
        except Exception as e:  # noqa: BLE001 - reported as the result
            results[i] = e

    threads = [threading.Thread(target=run, args=(i, c), daemon=True) for i, c in enumerate(calls)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(TIMEOUT)
        assert not t.is_alive(), "a concurrent request did not finish in time"
    return results


def timed(client, method, path, **kw):
    return lambda: client.request(method, path, timeout=TIMEOUT, **kw)


def test_owners_demoting_each_other_at_once_never_leave_no_owner(server):
    rounds, both_demoted = 10, 0
    for _ in range(rounds):
        org = create_org(server)
        a_email, b_email = create_user(server, org, "owner"), create_user(server, org, "owner")
        a, b = step_up(login(server, a_email)), step_up(login(server, b_email))
        a_id = a.get("/api/v1/auth/me").json()["user"]["id"]
        b_id = b.get("/api/v1/auth/me").json()["user"]["id"]
        ra, rb = storm([timed(a, "PATCH", f"/api/v1/users/{b_id}", json={"role": "admin"}),
                        timed(b, "PATCH", f"/api/v1/users/{a_id}", json={"role": "admin"})])
        for r in (ra, rb):
            assert isinstance(r, requests.Response), r
            # 200: this demotion won; 409 last_owner: it lost the race; 401: the
            # winner ended this owner's session before the request was authenticated.
            assert r.status_code in (200, 401, 409), r.text
        assert [ra.status_code, rb.status_code].count(200) <= 1
        observer, _ = new_user_client(server, org, "admin")
        users = observer.get("/api/v1/users", params={"limit": 200}).json()["items"]
        owners = [u for u in users if u["role"] == "owner" and u["active"]]
        both_demoted += not owners
        assert len(owners) == 1, users
    assert both_demoted == 0


def completed_wo(dispatcher):
    wo = new_wo(dispatcher)
    dispatcher.post(f"/api/v1/work-orders/{wo['id']}/parts",
                    json={"name": "Lid", "quantity": 1, "unit_cost_cents": 700})
    return complete(dispatcher, wo)


def test_concurrent_invoice_creation_gives_one_201_and_409s(server):
    org = create_org(server)
    clients = [new_user_client(server, org, "dispatcher")[0] for _ in range(6)]
    for _ in range(6):
        wo = completed_wo(clients[0])
        results = storm([timed(c, "POST", f"/api/v1/work-orders/{wo['id']}/invoice") for c in clients])
        statuses = sorted(r.status_code if isinstance(r, requests.Response) else repr(r) for r in results)
        assert statuses == [201] + [409] * (len(clients) - 1), statuses
        assert all(r.json()["error"]["reason"] == "already_invoiced" for r in results if r.status_code == 409)
        [created] = [r.json() for r in results if r.status_code == 201]
        assert created["total_cents"] == 700
    invoices = clients[0].get("/api/v1/invoices", params={"limit": 200}).json()["items"]
    assert len(invoices) == 6


def test_concurrent_meter_readings_stay_in_order(server):
    org = create_org(server)
    d, _ = new_user_client(server, org, "dispatcher")
    techs = [new_user_client(server, org, "technician")[0] for _ in range(6)]
    site = new_site(d, new_customer(d, name=unique("Race")), name="S")
    base = datetime.datetime(2026, 1, 1, tzinfo=datetime.timezone.utc)
    rng = random.Random(10)
    for _ in range(8):
        asset = new_asset(d, site)
        path = f"/api/v1/assets/{asset['id']}/readings"
        # Each reading alone is acceptable on an empty meter, but later dates
        # carry lower values: together they can only be accepted one chain
        # at a time, so an unserialised check lets the meter go down.
        n = len(techs)
        calls = []
        for i, t in enumerate(techs):
            at = (base + datetime.timedelta(days=i)).strftime("%Y-%m-%dT%H:%M:%SZ")
            value = (n - i) * 100 + rng.randint(0, 50)
            calls.append(timed(t, "POST", path, json={"kind": "hours", "value": value, "read_at": at}))
        results = storm(calls)
        for r in results:
            assert isinstance(r, requests.Response) and r.status_code in (201, 400), r
        items = d.get(path, params={"kind": "hours"}).json()["items"]
        ordered = [x["value"] for x in sorted(items, key=lambda x: (x["read_at"], x["id"]))]
        assert ordered == sorted(ordered), ordered
        assert len(ordered) == sum(r.status_code == 201 for r in results) >= 1


def test_part_added_while_the_draft_is_opened_is_billed_or_refused(server):
    """Item 4 under concurrency: a part either makes it into the invoice (and
    the opener, holding a stale version, must reload) or is refused with 409
    work_order_invoiced; never recorded but left off an open invoice."""
    org = create_org(server)
    d, _ = new_user_client(server, org, "dispatcher")
    d2, _ = new_user_client(server, org, "dispatcher")
    for _ in range(8):
        wo = completed_wo(d)
        inv = d.post(f"/api/v1/work-orders/{wo['id']}/invoice").json()
        add, opened = storm([
            timed(d, "POST", f"/api/v1/work-orders/{wo['id']}/parts",
                  json={"name": "Late part", "quantity": 1, "unit_cost_cents": 300}),
            timed(d2, "POST", f"/api/v1/invoices/{inv['id']}/status",
                  json={"to": "open", "version": inv["version"]})])
        assert add.status_code in (201, 409) and opened.status_code in (200, 409), (add.text, opened.text)
        assert (add.status_code, opened.status_code) in ((201, 409), (409, 200)), (add.text, opened.text)
        now = d.get(f"/api/v1/invoices/{inv['id']}").json()
        parts = d.get(f"/api/v1/work-orders/{wo['id']}/details").json()["parts"]
        assert sorted(l["description"] for l in now["lines"]) == sorted(p["name"] for p in parts)
        assert now["total_cents"] == sum(l["amount_cents"] for l in now["lines"])
