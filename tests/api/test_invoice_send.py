"""Sending an invoice (issue 14 items 2 and 3): POST /api/v1/invoices/{id}/send
opens a draft, issues a customer link and, in the same transaction, queues an
email with the invoice PDF attached and the link in the body, and/or texts
the link. A real SMTP server on loopback (aiosmtpd) receives the mail; the
attachment is read back with pdftotext; the link in the body is opened
through the customer link API. Sending again revokes the old link."""
import os
import re
import subprocess
import tempfile
import time

import pytest
import requests

from fixtures.database import db_query
from fixtures.mail import SmtpSink, mail_env
from fixtures.people import create_org, new_user_client, outsider, unique
from fixtures.server import Server, error_of
from fixtures.work import complete, created, invoice_of, new_customer, new_wo

BUYER = "Zoë <b>Tank</b> & Sons"


@pytest.fixture(scope="module")
def sink():
    s = SmtpSink()
    yield s
    s.stop()


@pytest.fixture(scope="module")
def send_server(sink):
    s = Server(extra_env=mail_env(sink, BULWARK_RATE_STANDARD_PER_MINUTE="100000"))
    yield s
    s.stop()


@pytest.fixture(scope="module")
def office(send_server):
    org = create_org(send_server, time_zone="America/Chicago")
    return {role: new_user_client(send_server, org, role)[0]
            for role in ("dispatcher", "technician", "owner")}


def draft_invoice(office, **customer_fields):
    """A draft invoice of a completed work order with labour and a part."""
    d, tech = office["dispatcher"], office["technician"]
    customer = new_customer(d, **customer_fields)
    wo = new_wo(d, assignee_id=tech.user_id, customer_id=customer["id"])
    base = f"/api/v1/work-orders/{wo['id']}"
    assert tech.post(base + "/time", json={"minutes": 60}).status_code == 201
    r = d.post(base + "/parts", json={"name": "Riser lid", "quantity": 2, "unit_cost_cents": 4550})
    assert r.status_code == 201, r.text
    complete(d, wo)
    return invoice_of(d, wo)


def send(client, inv, **body):
    return client.post(f"/api/v1/invoices/{inv['id']}/send", json=body)


def pdf_text(data):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "invoice.pdf")
        with open(path, "wb") as f:
            f.write(data)
        return subprocess.run(["pdftotext", path, "-"], capture_output=True, text=True,
                              check=True, timeout=60).stdout


def dollars(cents):
    return f"${cents // 100:,}.{cents % 100:02d}"


def link_in(text):
    found = re.findall(r"(?:https?://\S*)?/l/([A-Za-z0-9_-]{43})", text)
    assert found, text
    return found[0]


def open_link(server, token):
    return requests.get(f"{server.url}/api/v1/links/{token}", timeout=30)


def test_issue14_2_send_emails_the_pdf_and_a_link_that_opens_the_invoice(send_server, sink,
                                                                         office):
    d = office["dispatcher"]
    to = f"{unique('zoe')}@customer.example".lower()
    inv = draft_invoice(office, name=BUYER, email=to)
    assert inv["status"] == "draft"
    r = send(d, inv, email=True)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["email"] == "queued" and body["sms"] is None
    assert body["invoice"]["status"] == "open"  # sending opens the draft
    assert body["invoice"]["billing_snapshot"]["name"] == BUYER
    m = sink.wait_for_message(to)
    e = m["email"]
    assert inv["number"] in str(e["Subject"])
    # Invoices are transactional: no List-Unsubscribe (mail/unsubscribe.hpp).
    assert e["List-Unsubscribe"] is None and e["List-Unsubscribe-Post"] is None
    assert e.get_content_type() == "multipart/mixed"
    parts = [p.get_content_type() for p in e.iter_parts()]
    assert parts == ["multipart/alternative", "application/pdf"], parts
    attachment = next(e.iter_attachments())
    assert attachment.get_filename() == f"{inv['number']}.pdf"
    pdf = attachment.get_content()
    assert pdf.startswith(b"%PDF-")
    text = pdf_text(pdf)
    assert inv["number"] in text and dollars(inv["total_cents"]) in text, text
    assert "Open" in text  # what it was when sent
    plain = e.get_body(("plain",)).get_content()
    html = e.get_body(("html",)).get_content()
    assert BUYER in plain and dollars(inv["total_cents"]) in plain
    assert "&lt;b&gt;Tank&lt;/b&gt; &amp; Sons" in html and "<b>Tank</b>" not in html
    token = link_in(plain)
    assert token in html
    shown = open_link(send_server, token)
    assert shown.status_code == 200, shown.text
    assert shown.json()["purpose"] == "invoice"
    assert shown.json()["invoice"]["number"] == inv["number"]
    assert shown.json()["invoice"]["total_cents"] == inv["total_cents"]
    # Audited, by field name.
    rows = db_query(send_server, "SELECT COUNT(*) FROM audit_log WHERE action = 'invoice.sent' "
                                 f"AND target_id = '{inv['id']}'")
    assert int(rows[0][0]) == 1
    # The outbox row holds the PDF sealed: neither the address nor the PDF in clear.
    stored = db_query(send_server, "SELECT to_address, attachment, attachment_name FROM "
                                   "email_outbox ORDER BY id DESC LIMIT 1")[0]
    assert to not in stored[0] and "JVBERi" not in stored[1]  # base64 of "%PDF"
    assert stored[2] == f"{inv['number']}.pdf"
    # Sent again: a new link, the old one revoked.
    again = send(d, get(d, inv), email=True)
    assert again.status_code == 200, again.text
    received = []
    end = time.time() + 20
    while time.time() < end and len(received) < 2:
        received = sink.messages(to)
        time.sleep(0.1)
    assert len(received) == 2
    tokens = {link_in(msg["email"].get_body(("plain",)).get_content()) for msg in received}
    assert len(tokens) == 2
    new_token = (tokens - {token}).pop()
    assert open_link(send_server, new_token).status_code == 200
    old = open_link(send_server, token)
    assert old.status_code == 404 and error_of(old)["reason"] == "link_not_found"


def get(client, inv):
    r = client.get(f"/api/v1/invoices/{inv['id']}")
    assert r.status_code == 200, r.text
    return r.json()


def test_issue14_2_override_address_and_texting_the_link(send_server, sink, office):
    d = office["owner"]
    inv = draft_invoice(office, email="cora@customer.example", phone="(555) 201-0177")
    to = f"{unique('billing')}@accounts.example".lower()
    r = send(d, inv, email=True, sms=True, to=to)
    assert r.status_code == 200, r.text
    assert r.json()["email"] == "queued" and r.json()["sms"] == "queued"
    m = sink.wait_for_message(to)
    assert m["rcpt_tos"] == [to]
    # The text went into the SMS outbox with the same link.
    token = link_in(m["email"].get_body(("plain",)).get_content())
    assert open_link(send_server, token).status_code == 200
    sms = db_query(send_server, "SELECT COUNT(*) FROM sms_messages s JOIN work_orders w "
                                "ON w.id = s.work_order_id WHERE w.id = "
                                f"{inv['work_order_id']}")
    assert int(sms[0][0]) >= 1
    for bad in ("not-an-address", "a@b@c.example", "x@example.com\r\nBcc: eve@example.com"):
        r = send(d, get(d, inv), email=True, to=bad)
        assert r.status_code in (400, 422), r.text
        assert error_of(r)["reason"] != "internal"


def test_issue14_2_refusals(send_server, office):
    d = office["dispatcher"]
    # No email on file: 409, and nothing changed (the draft stays a draft).
    inv = draft_invoice(office)
    r = send(d, inv, email=True)
    assert r.status_code == 409 and error_of(r)["reason"] == "no_customer_email"
    assert get(d, inv)["status"] == "draft"
    # Texting a customer without a phone number: 409 no_customer_phone.
    no_phone = draft_invoice(office, phone=None, email="p@customer.example")
    r = send(d, no_phone, email=False, sms=True)
    assert r.status_code == 409 and error_of(r)["reason"] == "no_customer_phone"
    # Neither channel; unknown fields; wrong types: 4xx, never 500.
    for body in ({"email": False, "sms": False}, {"email": True, "cc": "x@example.com"},
                 {"email": "yes"}, {"to": 5}):
        r = send(d, inv, **body)
        assert 400 <= r.status_code < 500, (body, r.text)
    # Technicians cannot send.
    r = send(office["technician"], inv, email=True)
    assert r.status_code == 403, r.text
    # Another organization's invoice: 404.
    r = send(outsider(send_server), inv, email=True)
    assert r.status_code == 404, r.text
    # A void invoice is not sent.
    void = draft_invoice(office, email="v@customer.example")
    r = d.post(f"/api/v1/invoices/{void['id']}/status",
               json={"to": "void", "version": void["version"]})
    assert r.status_code == 200, r.text
    r = send(d, void, email=True)
    assert r.status_code == 409 and error_of(r)["reason"] == "invoice_not_sendable"


def test_issue14_3_the_send_job_delivers_a_large_attachment(send_server, sink, office):
    """A ~200 KB message: an invoice of 1,300 lines (a PDF of many pages), sealed
    in the outbox row as base64 and sent by the job in one SMTP transaction."""
    d, tech = office["dispatcher"], office["technician"]
    to = f"{unique('big')}@customer.example".lower()
    customer = new_customer(d, email=to)
    wo = new_wo(d, assignee_id=tech.user_id, customer_id=customer["id"])
    base = f"/api/v1/work-orders/{wo['id']}"
    for i in range(1300):
        r = d.post(base + "/parts", json={"name": f"Part {i} " + "é✓ " * 20, "quantity": 1,
                                          "unit_cost_cents": 100 + i})
        assert r.status_code == 201, r.text
    complete(d, wo)
    inv = invoice_of(d, wo)
    r = send(d, inv, email=True)
    assert r.status_code == 200, r.text
    m = sink.wait_for_message(to, timeout=60)
    pdf = next(m["email"].iter_attachments()).get_content()
    assert pdf_text(pdf).count("Part ") >= 1300
    long_lines = [line for line in m["raw"].split(b"\r\n") if len(line) > 78]
    assert long_lines == []
    assert len(m["raw"]) > 180_000, len(m["raw"])


def test_issue14_2_the_orgs_invoice_email_template(send_server, sink, office):
    owner, d = office["owner"], office["dispatcher"]
    t = owner.get("/api/v1/org/invoice-email")
    assert t.status_code == 200, t.text
    assert t.json()["is_default"] is True and "{link}" in t.json()["placeholders"]
    # Dispatchers and technicians neither read nor write it.
    assert d.get("/api/v1/org/invoice-email").status_code == 403
    assert office["technician"].put("/api/v1/org/invoice-email",
                                     json={"subject": "x", "body": "{link}"}).status_code == 403
    for bad, field in (({"subject": "Hi {nope}", "body": "{link}"}, "subject"),
                       ({"subject": "Hi", "body": "no link here"}, "body"),
                       ({"subject": "Hi\r\nBcc: eve@example.com", "body": "{link}"}, "subject")):
        r = owner.put("/api/v1/org/invoice-email", json=bad)
        assert r.status_code == 400, r.text  # validation_failed
        assert error_of(r)["reason"] == "invalid_template" and field in error_of(r)["fields"]
    r = owner.put("/api/v1/org/invoice-email", json={
        "subject": "Rechnung {invoice_number} von {org_name}",
        "body": "Guten Tag {customer_name},\n{total} bis {due_date}: {link}\n<i>Danke</i>"})
    assert r.status_code == 200, r.text
    assert r.json()["is_default"] is False
    to = f"{unique('tpl')}@customer.example".lower()
    inv = draft_invoice(office, name="Ann <script>x</script>", email=to)
    due = d.patch(f"/api/v1/invoices/{inv['id']}",
                  json={"due_on": "2027-01-15", "version": inv["version"]})
    assert due.status_code == 200, due.text
    assert send(d, inv, email=True).status_code == 200
    e = sink.wait_for_message(to)["email"]
    assert str(e["Subject"]).startswith(f"Rechnung {inv['number']} von ")
    plain = e.get_body(("plain",)).get_content()
    assert plain.startswith("Guten Tag Ann <script>x</script>,")
    assert " bis Jan 15, 2027: " in plain  # the due date as a person reads it
    html = e.get_body(("html",)).get_content()
    assert "<script>" not in html and "Ann &lt;script&gt;x&lt;/script&gt;" in html
    assert "&lt;i&gt;Danke&lt;/i&gt;" in html  # the template's own text is text too
    assert open_link(send_server, link_in(plain)).status_code == 200
