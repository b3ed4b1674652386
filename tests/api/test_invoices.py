"""Invoices made from completed work orders, and the owners' business metrics."""
from fixtures.people import new_user_client
from fixtures.server import error_of
from fixtures.work import complete, new_wo


# --- invoices and metrics ---

def completed_wo_with_work(dispatcher, tech):
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    base = f"/api/v1/work-orders/{wo['id']}"
    tech.post(base + "/time", json={"minutes": 90})
    dispatcher.post(base + "/parts", json={"name": "Riser lid", "quantity": 2, "unit_cost_cents": 4599})
    return complete(dispatcher, wo)


def test_invoice_from_a_completed_work_order(dispatcher, tech):
    open_wo = new_wo(dispatcher)
    r = dispatcher.post(f"/api/v1/work-orders/{open_wo['id']}/invoice")
    assert r.status_code == 409 and error_of(r)["reason"] == "work_order_not_completed"
    wo = completed_wo_with_work(dispatcher, tech)
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice")
    assert r.status_code == 201, r.text
    inv = r.json()
    assert inv["status"] == "draft" and inv["number"].startswith("INV-")
    # 1.5 h at the default $95.00/h = 14250 cents, plus 2 x 4599.
    assert [l["amount_cents"] for l in inv["lines"]] == [14250, 9198]
    assert inv["total_cents"] == 23448
    assert dispatcher.post(f"/api/v1/work-orders/{wo['id']}/invoice").status_code == 409
    step = lambda to, v: dispatcher.post(f"/api/v1/invoices/{inv['id']}/status", json={"to": to, "version": v})
    assert step("paid", 1).status_code == 409  # draft cannot be paid
    assert step("open", 1).status_code == 200
    paid = step("paid", 2)
    assert paid.status_code == 200 and paid.json()["paid_at"]
    assert step("refunded", 3).json()["status"] == "refunded"
    assert tech.get(f"/api/v1/invoices/{inv['id']}").status_code == 403  # no billing for technicians
    assert tech.get("/api/v1/invoices").status_code == 403


def test_business_metrics_for_owners_only(server, org, dispatcher, tech):
    owner, _ = new_user_client(server, org, "owner")
    completed_wo_with_work(dispatcher, tech)
    new_wo(dispatcher, priority="urgent", due_at="2020-01-01T00:00:00Z")
    m = owner.get("/api/v1/metrics/business").json()
    assert m["overdue"] >= 1
    assert m["open_by_priority"].get("urgent", 0) >= 1
    assert len(m["completed_per_week"]) == 12 and m["completed_per_week"][-1]["completed"] >= 1
    assert m["mean_hours_to_complete"] is not None
    assert dispatcher.get("/api/v1/metrics/business").status_code == 403
    assert tech.get("/api/v1/metrics/business").status_code == 403
