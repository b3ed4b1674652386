"""Lists that show what needs attention (issue 12 item 7): the work-order
list's filters (overdue, due dates in the organization's zone, site, asset,
customer-name search), its sorts with a keyset cursor that stays right across
page boundaries inside runs of equal keys, tenant scoping and the 400s."""
import datetime

import pytest

from fixtures.people import create_org, create_user, login, outsider, unique
from fixtures.server import error_of
from fixtures.work import complete, iso, move, new_asset, new_customer, new_site, new_wo, utc_now

PRIORITY_RANK = {"low": 0, "medium": 1, "high": 2, "urgent": 3}


def ids(r):
    assert r.status_code == 200, r.text
    return [w["id"] for w in r.json()["items"]]


def listed(client, **params):
    return ids(client.get("/api/v1/work-orders", params=params))


def walk(client, page_size, **params):
    """Every page of a list, following next_cursor."""
    seen, cursor = [], None
    while True:
        query = dict(params, limit=page_size)
        if cursor:
            query["cursor"] = cursor
        r = client.get("/api/v1/work-orders", params=query)
        assert r.status_code == 200, r.text
        seen += [w["id"] for w in r.json()["items"]]
        cursor = r.json()["next_cursor"]
        if not cursor:
            return seen


def test_overdue_is_due_in_the_past_and_not_done(dispatcher):
    c = new_customer(dispatcher)
    past, future = iso(utc_now() - datetime.timedelta(hours=2)), iso(
        utc_now() + datetime.timedelta(days=2))
    late = new_wo(dispatcher, customer_id=c["id"], due_at=past)
    new_wo(dispatcher, customer_id=c["id"], due_at=future)
    new_wo(dispatcher, customer_id=c["id"])  # no due date: never overdue
    done = complete(dispatcher, new_wo(dispatcher, customer_id=c["id"], due_at=past))
    cancelled = new_wo(dispatcher, customer_id=c["id"], due_at=past)
    assert move(dispatcher, cancelled, "cancelled").status_code == 200
    assert listed(dispatcher, customer_id=c["id"], overdue="true") == [late["id"]]
    assert done["id"] in listed(dispatcher, customer_id=c["id"], overdue="false")
    assert len(listed(dispatcher, customer_id=c["id"])) == 5


def test_active_is_every_status_still_to_be_done(dispatcher, tech):
    """The dashboard's "Open work orders" card opens status=active: open,
    scheduled, in progress and on hold, never completed, closed or cancelled;
    it pages and combines with the other filters."""
    c = new_customer(dispatcher)
    still = [new_wo(dispatcher, customer_id=c["id"]) for _ in range(3)]
    scheduled = new_wo(dispatcher, customer_id=c["id"], assignee_id=tech.user_id,
                       scheduled_start=iso(utc_now() + datetime.timedelta(days=1)))
    done = complete(dispatcher, new_wo(dispatcher, customer_id=c["id"]))
    cancelled = new_wo(dispatcher, customer_id=c["id"])
    assert move(dispatcher, cancelled, "cancelled").status_code == 200
    active = walk(dispatcher, 2, customer_id=c["id"], status="active")
    assert sorted(active) == sorted([w["id"] for w in still] + [scheduled["id"]])
    assert done["id"] not in active and cancelled["id"] not in active
    assert listed(dispatcher, customer_id=c["id"], status="active",
                  assignee_id=tech.user_id) == [scheduled["id"]]


def test_due_dates_are_local_days_of_the_organization(server):
    org = create_org(server, time_zone="America/New_York")
    email = create_user(server, org, "dispatcher")
    d = login(server, email)
    c = new_customer(d)
    # 22:00 in New York on Dec 2 is 03:00 UTC on Dec 3.
    evening = new_wo(d, customer_id=c["id"], due_at="2026-12-03T03:00:00Z")
    next_morning = new_wo(d, customer_id=c["id"], due_at="2026-12-03T14:00:00Z")
    assert listed(d, due_before="2026-12-02") == [evening["id"]]
    assert listed(d, due_after="2026-12-03") == [next_morning["id"]]
    assert listed(d, due_after="2026-12-02", due_before="2026-12-02") == [evening["id"]]
    assert set(listed(d, due_after="2026-12-02", due_before="2026-12-03")) == {
        evening["id"], next_morning["id"]}


def test_site_and_asset_filters(dispatcher):
    c = new_customer(dispatcher)
    home, barn = new_site(dispatcher, c), new_site(dispatcher, c, name="Barn")
    tank = new_asset(dispatcher, home, name="Tank")
    at_home = new_wo(dispatcher, customer_id=c["id"], site_id=home["id"])
    on_tank = new_wo(dispatcher, customer_id=c["id"], site_id=home["id"], asset_id=tank["id"])
    at_barn = new_wo(dispatcher, customer_id=c["id"], site_id=barn["id"])
    assert listed(dispatcher, site_id=home["id"]) == [on_tank["id"], at_home["id"]]
    assert listed(dispatcher, site_id=barn["id"]) == [at_barn["id"]]
    assert listed(dispatcher, asset_id=tank["id"]) == [on_tank["id"]]


def test_search_matches_customer_name_title_and_number_with_literal_wildcards(dispatcher):
    tag = unique("q")
    c = new_customer(dispatcher, name=f"Smith_{tag} 100% Septic")
    other = new_customer(dispatcher, name=f"Smithe{tag}")
    by_name = new_wo(dispatcher, customer_id=c["id"], title="Pump out")
    new_wo(dispatcher, customer_id=other["id"], title="Pump out")
    assert listed(dispatcher, q=f"smith_{tag}") == [by_name["id"]]  # _ is not a wildcard
    assert listed(dispatcher, q=f"{tag} 100%") == [by_name["id"]]
    assert listed(dispatcher, q=f"{tag} 1000%") == []
    titled = new_wo(dispatcher, title=f"Grease trap {tag}")
    assert listed(dispatcher, q=f"GREASE TRAP {tag}") == [titled["id"]]
    assert titled["id"] in listed(dispatcher, q=titled["number"])


def test_filters_never_reach_another_organization(server, dispatcher):
    them = outsider(server, role="dispatcher")
    tag = unique("tenant")
    c = new_customer(them, name=f"Acme {tag}")
    site = new_site(them, c)
    tank = new_asset(them, site)
    theirs = new_wo(them, customer_id=c["id"], site_id=site["id"], asset_id=tank["id"],
                    due_at=iso(utc_now() - datetime.timedelta(hours=1)))
    assert listed(dispatcher, q=f"Acme {tag}") == []
    assert listed(dispatcher, site_id=site["id"]) == []
    assert listed(dispatcher, asset_id=tank["id"]) == []
    assert theirs["id"] not in listed(dispatcher, overdue="true", sort="due")
    assert listed(them, q=f"Acme {tag}") == [theirs["id"]]


def test_technicians_filter_only_their_own_work(server, dispatcher, tech):
    me = tech.get("/api/v1/auth/me").json()["user"]["id"]
    c = new_customer(dispatcher)
    past = iso(utc_now() - datetime.timedelta(hours=1))
    mine = new_wo(dispatcher, customer_id=c["id"], assignee_id=me, due_at=past)
    new_wo(dispatcher, customer_id=c["id"], due_at=past)
    assert listed(tech, customer_id=c["id"], overdue="true", sort="due") == [mine["id"]]


@pytest.fixture(scope="module")
def tied(dispatcher):
    """Nine work orders of one customer with many equal keys."""
    c = new_customer(dispatcher)
    base = utc_now() + datetime.timedelta(days=3)
    dues = [base, base, None, base, base + datetime.timedelta(hours=1), None, base, base, base]
    prios = ["high", "low", "urgent", "high", "medium", "high", "low", "high", "urgent"]
    rows = []
    for i, (due, prio) in enumerate(zip(dues, prios)):
        fields = {"customer_id": c["id"], "priority": prio, "title": f"Tie {i}"}
        if due:
            fields["due_at"] = iso(due)
            fields["scheduled_start"] = iso(due - datetime.timedelta(hours=2 * (i % 2)))
        rows.append(new_wo(dispatcher, **fields))
    return c, rows


def expected_order(rows, key, ascending):
    """Key, then id, in the given direction; no due date last both ways."""
    def sort_key(w):
        if key in ("due", "scheduled"):
            field = "due_at" if key == "due" else "scheduled_start"
            missing = w[field] is None
            value = w[field] or ""
            return (missing, value, w["id"]) if ascending else (not missing, value, w["id"])
        if key == "priority":
            return (PRIORITY_RANK[w["priority"]], w["id"])
        if key == "number":
            return (int(w["number"][3:]), w["id"])
        return (w["id"],)  # created one after another: created_at follows the id
    if key in ("due", "scheduled") and not ascending:
        field = "due_at" if key == "due" else "scheduled_start"
        present = sorted([w for w in rows if w[field]], key=lambda w: (w[field], w["id"]),
                         reverse=True)
        absent = sorted([w for w in rows if not w[field]], key=lambda w: w["id"], reverse=True)
        return [w["id"] for w in present + absent]
    return [w["id"] for w in sorted(rows, key=sort_key, reverse=not ascending)]


@pytest.mark.parametrize("key", ["due", "scheduled", "priority", "number", "created"])
@pytest.mark.parametrize("order", ["asc", "desc"])
def test_every_sort_pages_through_ties_without_repeats_or_gaps(dispatcher, tied, key, order):
    c, rows = tied
    want = expected_order(rows, key, order == "asc")
    for page_size in (1, 2, 4):
        got = walk(dispatcher, page_size, customer_id=c["id"], sort=key, order=order)
        assert got == want, (page_size, got, want)


def test_status_sort_ranks_the_life_cycle_not_the_alphabet(dispatcher):
    c = new_customer(dispatcher)
    done = complete(dispatcher, new_wo(dispatcher, customer_id=c["id"]))
    fresh = new_wo(dispatcher, customer_id=c["id"])
    held = new_wo(dispatcher, customer_id=c["id"])
    for to in ["scheduled", "in_progress", "on_hold"]:
        held = move(dispatcher, held, to).json()
    assert walk(dispatcher, 1, customer_id=c["id"], sort="status") == [
        fresh["id"], held["id"], done["id"]]
    assert walk(dispatcher, 2, customer_id=c["id"], sort="status", order="desc") == [
        done["id"], held["id"], fresh["id"]]


def test_default_list_keeps_its_plain_cursor(dispatcher, tied):
    c, rows = tied
    r = dispatcher.get("/api/v1/work-orders", params={"customer_id": c["id"], "limit": 2})
    assert r.json()["next_cursor"] == str(r.json()["items"][-1]["id"])
    assert walk(dispatcher, 2, customer_id=c["id"]) == sorted([w["id"] for w in rows],
                                                              reverse=True)
    # The same order when a newer filter sends it down the other statement.
    assert walk(dispatcher, 2, customer_id=c["id"], overdue="false") == sorted(
        [w["id"] for w in rows], reverse=True)


@pytest.mark.parametrize("params, field", [
    ({"sort": "title"}, "sort"),
    ({"sort": "due", "order": "up"}, "order"),
    ({"overdue": "yes"}, "overdue"),
    ({"due_before": "2026-13-01"}, "due_before"),
    ({"due_after": "2026-02-30"}, "due_after"),
    ({"due_after": "12/02/2026"}, "due_after"),
    ({"due_after": "2026-12-05", "due_before": "2026-12-01"}, "due_before"),
    ({"site_id": "0"}, "site_id"),
    ({"asset_id": "x"}, "asset_id"),
    ({"sort": "due", "cursor": "123"}, "cursor"),
    ({"sort": "due", "order": "asc", "cursor": "priority.asc.1.2"}, "cursor"),
    ({"sort": "due", "cursor": "due.asc.x.2"}, "cursor"),
    ({"cursor": "due.asc.1.2"}, "cursor"),
])
def test_bad_parameters_are_400_naming_the_parameter(dispatcher, params, field):
    r = dispatcher.get("/api/v1/work-orders", params=params)
    assert r.status_code == 400, r.text
    assert field in error_of(r)["fields"], r.text


def test_a_cursor_from_one_sort_is_refused_by_another(dispatcher, tied):
    c, _ = tied
    r = dispatcher.get("/api/v1/work-orders",
                       params={"customer_id": c["id"], "sort": "due", "limit": 1})
    cursor = r.json()["next_cursor"]
    assert cursor.startswith("due.asc.")
    r = dispatcher.get("/api/v1/work-orders",
                       params={"customer_id": c["id"], "sort": "priority", "cursor": cursor})
    assert r.status_code == 400 and error_of(r)["reason"] == "invalid_parameter"
