"""The free text of a visit at rest (issue 13 item 1): a work order's
description, its comments, time notes, checklist text and the completion
record are sealed per row. The office and the technician read them plain;
the database file (or pg_dump), the idempotent-replay store and the log do
not hold them."""
import secrets

from fixtures.database import db_query
from fixtures.raw_bytes import database_bytes, leaked, log_bytes
from fixtures.work import move, new_wo


def visit(dispatcher, tech, tag, idempotency_key=None):
    """A visit written the way a day writes it, each text carrying `tag`."""
    texts = {
        "description": f"Alarm at the back door; spare key under the gnome {tag}-d",
        "comment": f"Customer says the tank overflowed on Sunday {tag}-c",
        "note": f"Dug out the lid by the birdbath {tag}-n",
        "value": f"Outlet baffle cracked, tell Mrs Hollis {tag}-v",
    }
    wo = new_wo(dispatcher, description=texts["description"], assignee_id=tech.user_id)
    base = f"/api/v1/work-orders/{wo['id']}"
    headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
    r = dispatcher.post(base + "/comments", json={"body": texts["comment"]}, headers=headers)
    assert r.status_code == 201, r.text
    r = tech.post(base + "/time", json={"minutes": 45, "note": texts["note"]})
    assert r.status_code == 201, r.text
    item = dispatcher.post(base + "/checklist", json={"label": "Condition", "kind": "text"})
    assert item.status_code == 201, item.text
    r = tech.patch(f"{base}/checklist/{item.json()['id']}", json={"text": texts["value"]})
    assert r.status_code == 200, r.text
    for to in ["scheduled", "in_progress", "completed"]:
        r = move(tech, wo, to)
        assert r.status_code == 200, r.text
        wo = r.json()
    return wo, texts


def test_at_rest_aes256_visit_text_is_sealed_and_read_back_plain(server, dispatcher, tech):
    tag = secrets.token_hex(4)
    wo, texts = visit(dispatcher, tech, tag)
    d = dispatcher.get(f"/api/v1/work-orders/{wo['id']}/details").json()
    assert dispatcher.get(f"/api/v1/work-orders/{wo['id']}").json()["description"] == (
        texts["description"])
    assert [c["body"] for c in d["comments"]] == [texts["comment"]]
    assert [t["note"] for t in d["time_entries"]] == [texts["note"]]
    assert [i["value"] for i in d["checklist"]] == [texts["value"]]
    record = tech.get(f"/api/v1/work-orders/{wo['id']}/completion-record").json()
    assert texts["value"] in record["record"] and record["matches"] is True

    seeded = list(texts.values())
    assert leaked(database_bytes(server), seeded) == []
    assert leaked(log_bytes(server), seeded) == []
    # Each row has its own key: nothing is left plain with a NULL one.
    for table in ["work_orders", "work_order_comments", "work_order_time",
                  "work_order_checklist", "completion_records"]:
        column = "id" if table == "work_orders" else "work_order_id"
        keys = db_query(server, f"SELECT row_key FROM {table} WHERE {column} = {int(wo['id'])}")
        assert keys and all(k[0] for k in keys), table


def test_at_rest_aes256_an_edited_description_stays_sealed(server, dispatcher):
    tag = secrets.token_hex(4)
    wo = new_wo(dispatcher, description=f"first {tag}-1")
    r = dispatcher.patch(f"/api/v1/work-orders/{wo['id']}",
                         json={"description": f"second {tag}-2", "version": wo["version"]})
    assert r.status_code == 200, r.text
    assert r.json()["description"] == f"second {tag}-2"
    # Another change keeps the sealed description readable.
    r = dispatcher.patch(f"/api/v1/work-orders/{wo['id']}",
                         json={"priority": "low", "version": r.json()["version"]})
    assert r.status_code == 200 and r.json()["description"] == f"second {tag}-2"
    assert leaked(database_bytes(server), [f"second {tag}-2"]) == []


def test_at_rest_aes256_a_replayed_answer_does_not_keep_the_text(server, dispatcher, tech):
    """A stored answer for Idempotency-Key replays holds the response body:
    it must not become a plain copy of the comment."""
    tag = secrets.token_hex(4)
    _wo, texts = visit(dispatcher, tech, tag, idempotency_key=secrets.token_hex(16))
    assert leaked(database_bytes(server), [texts["comment"]]) == []
