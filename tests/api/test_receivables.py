"""Accounts receivable (issue 14 item 2): open invoices with a balance due,
the customer's name on every row (not an id), days past due and the aging
bucket counted in the organization's time zone, totals per bucket, cursor
paging; another organization's invoices never appear."""
import csv
import datetime
import io
from zoneinfo import ZoneInfo

import pytest

from fixtures.people import create_org, new_user_client, outsider
from fixtures.work import complete, invoice_of, new_customer, new_wo, step_invoice

# UTC+14: the org's date is a day ahead of UTC for most of the UTC day, so
# ages counted in UTC would be off by one.
ZONE = "Pacific/Kiritimati"


@pytest.fixture(scope="module")
def kiritimati(server):
    org = create_org(server, time_zone=ZONE)
    return new_user_client(server, org, "dispatcher")[0]


def local_today():
    return datetime.datetime.now(ZoneInfo(ZONE)).date()


def open_invoice(client, name, due_on, cents=10000):
    customer = new_customer(client, name=name)
    wo = new_wo(client, customer_id=customer["id"])
    inv = invoice_of(client, complete(client, wo))
    r = client.post(f"/api/v1/invoices/{inv['id']}/lines",
                    json={"description": "Pump-out", "quantity": 1, "unit_cents": cents,
                          "version": inv["version"]})
    assert r.status_code == 201, r.text
    inv = r.json()
    r = client.patch(f"/api/v1/invoices/{inv['id']}",
                     json={"due_on": due_on.isoformat(), "version": inv["version"]})
    assert r.status_code == 200, r.text
    return step_invoice(client, r.json(), "open")


def rows_by_id(client):
    out, cursor = {}, None
    while True:
        r = client.get("/api/v1/receivables", params={"limit": 2, **({"cursor": cursor} if cursor else {})})
        assert r.status_code == 200, r.text
        body = r.json()
        out.update({row["invoice_id"]: row for row in body["items"]})
        cursor = body["next_cursor"]
        if not cursor:
            return out, body


def test_receivables_aging_in_the_org_time_zone_with_names_and_bucket_totals(kiritimati):
    today = local_today()
    cases = [("Ada Current", today, "current", 0),
             ("Ben One", today - datetime.timedelta(days=1), "1-30", 1),
             ("Cy Forty", today - datetime.timedelta(days=45), "31-60", 45),
             ("Di Seventy", today - datetime.timedelta(days=70), "61-90", 70),
             ("Ed Old", today - datetime.timedelta(days=120), "90+", 120)]
    made = {open_invoice(kiritimati, n, due)["id"]: (n, bucket, days) for n, due, bucket, days in cases}
    rows, last = rows_by_id(kiritimati)
    assert set(made) <= set(rows)
    for inv_id, (name, bucket, days) in made.items():
        row = rows[inv_id]
        assert row["customer_name"] == name
        assert row["bucket"] == bucket and row["days_overdue"] == days, row
        assert row["balance_cents"] == 10000
    assert last["today"] == today.isoformat()
    buckets = {b["bucket"]: b for b in last["buckets"]}
    assert list(buckets) == ["current", "1-30", "31-60", "61-90", "90+"]
    for b in buckets.values():
        assert b["count"] >= 1 and b["balance_cents"] >= 10000
    assert last["total_balance_cents"] == sum(b["balance_cents"] for b in buckets.values())


def test_partial_payment_lowers_the_balance_and_paid_invoices_leave(kiritimati):
    inv = open_invoice(kiritimati, "Flo Partial", local_today())
    r = kiritimati.post(f"/api/v1/invoices/{inv['id']}/payments",
                        json={"method": "cash", "amount_cents": 2500})
    assert r.status_code == 201, r.text
    rows, _ = rows_by_id(kiritimati)
    assert rows[inv["id"]]["balance_cents"] == 7500 and rows[inv["id"]]["paid_cents"] == 2500
    r = kiritimati.post(f"/api/v1/invoices/{inv['id']}/payments",
                        json={"method": "check", "amount_cents": 7500, "reference": "88"})
    assert r.status_code == 201 and r.json()["status"] == "paid"
    rows, _ = rows_by_id(kiritimati)
    assert inv["id"] not in rows


def test_drafts_and_other_orgs_are_not_receivables(server, kiritimati, tech):
    customer = new_customer(kiritimati, name="Gus Draft")
    draft = invoice_of(kiritimati, complete(kiritimati, new_wo(kiritimati, customer_id=customer["id"])))
    rows, _ = rows_by_id(kiritimati)
    assert draft["id"] not in rows
    other = outsider(server)
    assert not set(rows) & set(rows_by_id(other)[0])
    assert tech.get("/api/v1/receivables").status_code == 403
    assert kiritimati.get("/api/v1/receivables", params={"colour": "red"}).status_code == 400
    assert kiritimati.get("/api/v1/receivables", params={"limit": "x"}).status_code == 400


def csv_rows(client):
    r = client.get("/api/v1/receivables.csv")
    assert r.status_code == 200, r.text
    assert r.headers["content-type"].startswith("text/csv")
    assert r.headers["content-disposition"].startswith('attachment; filename="receivables-')
    assert "no-store" in r.headers["cache-control"]
    assert r.content.startswith(b"\xef\xbb\xbf"), "Excel reads UTF-8 only after a BOM"
    return list(csv.reader(io.StringIO(r.content.decode("utf-8-sig"), newline="")))


def test_receivables_csv_has_every_open_invoice_with_names_and_decimal_amounts(kiritimati):
    inv = open_invoice(kiritimati, "Zoë, the \"Tank\" Müller", local_today() - datetime.timedelta(days=40),
                       cents=11875)
    rows = csv_rows(kiritimati)
    assert rows[0] == ["Invoice", "Customer", "Due on", "Days past due", "Aging", "Currency",
                       "Total", "Paid", "Balance"]
    mine = [row for row in rows[1:] if row[0] == inv["number"]]
    assert mine == [[inv["number"], "Zoë, the \"Tank\" Müller",
                     (local_today() - datetime.timedelta(days=40)).isoformat(), "40", "31-60",
                     inv["currency"], "118.75", "0.00", "118.75"]]
    # The same invoices as the JSON list, paged or not.
    assert {row[0] for row in rows[1:]} == {r["number"] for r in rows_by_id(kiritimati)[0].values()}


def test_receivables_csv_cells_that_look_like_formulas_are_text_item_9(kiritimati):
    hostile = ['=HYPERLINK("http://evil.example","Click")', "+SUM(1+1)", "-1+2", "@cmd"]
    made = {open_invoice(kiritimati, name, local_today())["number"]: name for name in hostile}
    rows = {row[0]: row for row in csv_rows(kiritimati)[1:]}
    for number, name in made.items():
        # A spreadsheet shows a cell beginning with an apostrophe as text.
        assert rows[number][1] == "'" + name
    # Amounts stay numbers even when negative-looking text would be guarded.
    assert all(not row[6].startswith("'") for row in rows.values())


def test_receivables_csv_is_the_office_s_and_audited(server, kiritimati, tech):
    assert tech.get("/api/v1/receivables.csv").status_code == 403
    assert kiritimati.get("/api/v1/receivables.csv", params={"limit": "5"}).status_code == 400
    other = outsider(server)
    numbers = {row[0] for row in csv_rows(other)[1:]}
    assert not numbers & {row[0] for row in csv_rows(kiritimati)[1:]}
    # Customers' names leave in the file: the download is in the audit log.
    org = create_org(server)
    owner = new_user_client(server, org, "owner")[0]
    csv_rows(owner)
    r = owner.get("/api/v1/audit", params={"action": "receivables.exported"})
    assert r.status_code == 200, r.text
    assert len(r.json()["items"]) == 1
