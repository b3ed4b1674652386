"""The PDFs an office sends (issue 14 item 2): the invoice and the pump-out
report, read back with pdftotext (poppler-utils) and pdfimages."""
import json
import os
import subprocess
import tempfile
from concurrent.futures import ThreadPoolExecutor

import pytest

from fixtures.files import png
from fixtures.people import PASSWORD, admin, create_org, login, new_user_client, outsider, unique
from fixtures.server import Server, error_of
from fixtures.work import complete, created, invoice_of, move, new_customer, new_site, new_wo, \
    step_invoice

BUYER = "Zoë Müller-Ångström"
ADDRESS = "12 Rue de l'Église, Québec QC"


@pytest.fixture(scope="module")
def pdf_server(clamd_socket):
    s = Server(extra_env={"BULWARK_CLAMD_SOCKET": clamd_socket})
    yield s
    s.stop()


@pytest.fixture(scope="module")
def people(pdf_server):
    org = create_org(pdf_server, time_zone="America/New_York")
    out = {role: new_user_client(pdf_server, org, role)[0] for role in ("dispatcher", "technician")}
    email = f"{unique('jose')}@example.com"
    admin(pdf_server, "create-user", "--org", org, "--email", email, "--role", "technician",
          "--name", "José Núñez", "--password-stdin", stdin=PASSWORD + "\n")
    out["jose"] = login(pdf_server, email)
    return out


def pdf_text(data, *options):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "doc.pdf")
        with open(path, "wb") as f:
            f.write(data)
        return subprocess.run(["pdftotext", *options, path, "-"], capture_output=True, text=True,
                              check=True, timeout=60).stdout


def pdf_images(data):
    with tempfile.TemporaryDirectory() as d:
        path = os.path.join(d, "doc.pdf")
        with open(path, "wb") as f:
            f.write(data)
        out = subprocess.run(["pdfimages", "-list", path], capture_output=True, text=True,
                             check=True, timeout=60).stdout
    return [line for line in out.splitlines()[2:] if line.strip()]


def get_pdf(client, path):
    r = client.get(path)
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"] == "application/pdf"
    assert "no-store" in r.headers["Cache-Control"]
    assert r.content.startswith(b"%PDF-")
    return r


def dollars(cents):
    return f"${cents // 100:,}.{cents % 100:02d}"


def test_the_invoice_pdf_names_the_buyer_and_adds_up(people, pdf_server):
    office, tech = people["dispatcher"], people["technician"]
    customer = new_customer(office, name=BUYER, billing_address=ADDRESS)
    wo = new_wo(office, assignee_id=tech.user_id, customer_id=customer["id"])
    base = f"/api/v1/work-orders/{wo['id']}"
    assert tech.post(base + "/time", json={"minutes": 90}).status_code == 201
    for i in range(50):  # 50 parts: the lines run over a second page
        r = office.post(base + "/parts", json={"name": f"Filtre n°{i} — été", "quantity": 1,
                                               "unit_cost_cents": 1000 + i})
        assert r.status_code == 201, r.text
    complete(office, wo)
    inv = invoice_of(office, wo)
    total = 14250 + sum(1000 + i for i in range(50))
    assert inv["total_cents"] == total

    r = get_pdf(office, f"/api/v1/invoices/{inv['id']}/pdf")
    digits = inv["number"].removeprefix("INV-")
    assert r.headers["Content-Disposition"] == f'attachment; filename="invoice-{digits}.pdf"'
    text = pdf_text(r.content)
    for expected in [BUYER, ADDRESS, inv["number"], "Filtre n°0 — été", "Filtre n°49 — été",
                     dollars(total), "Subtotal", "Balance due", "Page 1 of 2", "Page 2 of 2",
                     "Org "]:
        assert expected in text, expected
    # The header row repeats on the second page.
    assert pdf_text(r.content, "-f", "2", "-l", "2").count("Description") == 1
    # Rendered on several handler threads at once (Pango's font map is per
    # thread): the same text every time.
    with ThreadPoolExecutor(6) as pool:
        texts = set(pool.map(
            lambda _: pdf_text(get_pdf(office, f"/api/v1/invoices/{inv['id']}/pdf").content),
            range(12)))
    assert texts == {text}

    # Opened, paid: the frozen buyer (a later rename does not change the
    # invoice), the payment and a zero balance.
    inv = step_invoice(office, inv, "open")
    c = office.get(f"/api/v1/customers/{customer['id']}").json()
    r = office.patch(f"/api/v1/customers/{customer['id']}",
                     json={"name": "Renamed Later", "version": c["version"]})
    assert r.status_code == 200, r.text
    step_invoice(office, inv, "paid")
    text = pdf_text(get_pdf(office, f"/api/v1/invoices/{inv['id']}/pdf").content, "-layout")
    assert BUYER in text and "Renamed Later" not in text
    paid_line = next(line for line in text.splitlines() if "Amount paid" in line)
    assert dollars(total) in paid_line
    due_line = next(line for line in text.splitlines() if "Balance due" in line)
    assert "$0.00" in due_line

    # Another tenant's invoice is a 404; technicians have no billing.
    assert outsider(pdf_server).get(f"/api/v1/invoices/{inv['id']}/pdf").status_code == 404
    assert tech.get(f"/api/v1/invoices/{inv['id']}/pdf").status_code == 403
    assert office.get("/api/v1/invoices/999999999/pdf").status_code == 404


def add_item(client, wo, **body):
    return created(client.post(f"/api/v1/work-orders/{wo['id']}/checklist", json=body))


def enter(client, wo, item, **body):
    r = client.patch(f"/api/v1/work-orders/{wo['id']}/checklist/{item['id']}", json=body)
    assert r.status_code == 200, r.text


def upload(client, wo, data, name, caption):
    r = client.post(f"/api/v1/work-orders/{wo['id']}/attachments",
                    files={"file": (name, data, "image/png"), "caption": (None, caption)})
    assert r.status_code == 201, r.text
    return r.json()


def test_the_pump_out_report_shows_the_completed_work(people, pdf_server):
    office, jose, other_tech = people["dispatcher"], people["jose"], people["technician"]
    customer = new_customer(office, name=BUYER)
    site = new_site(office, customer, name="Chalet", address="4 Chemin du Lac, Saint-Sauveur")
    wo = new_wo(office, assignee_id=jose.user_id, customer_id=customer["id"], site_id=site["id"],
                description="Riser lid replaced; façade side access.")
    report = f"/api/v1/work-orders/{wo['id']}/report.pdf"

    r = jose.get(report)  # not completed yet: a JSON 409
    assert r.status_code == 409 and r.headers["Content-Type"].startswith("application/json")
    assert error_of(r)["reason"] == "work_order_not_completed"

    gallons = add_item(office, wo, label="Gallons pumped", kind="number", unit="gallons",
                       required=True)
    condition = add_item(office, wo, label="Tank condition", kind="text")
    baffles = add_item(office, wo, label="Baffles", kind="pass_fail", required=True)
    photo_item = add_item(office, wo, label="Tank after pumping", kind="photo")
    sign_item = add_item(office, wo, label="Customer signature", kind="signature")
    photo = upload(jose, wo, png(64, 48), "tank.png", "Open tank")
    sig = upload(jose, wo, png(300, 120), "signature.png", "Signature")
    enter(jose, wo, gallons, number=1250.5)
    enter(jose, wo, condition, text="Sound, minor scum — OK")
    enter(jose, wo, baffles, result="pass")
    enter(jose, wo, photo_item, attachment_id=photo["id"])
    enter(jose, wo, sign_item, attachment_id=sig["id"], text="Zoë Müller")
    for to in ["scheduled", "in_progress", "completed"]:
        r = move(jose, wo, to)
        assert r.status_code == 200, r.text
        wo = r.json()
    record = office.get(f"/api/v1/work-orders/{wo['id']}/completion-record").json()

    r = get_pdf(jose, report)
    assert r.headers["Content-Disposition"] == (
        f'attachment; filename="pump-out-report-{wo["number"]}.pdf"')
    text = pdf_text(r.content)
    for expected in [BUYER, "4 Chemin du Lac, Saint-Sauveur", "Gallons pumped", "1250.5 gallons",
                     "Tank condition", "Sound, minor scum — OK", "Baffles", "Pass",
                     "Signed by Zoë Müller", "Riser lid replaced; façade side access.",
                     "Record fingerprint", record["sha256"], record["completed_by_name"],
                     "America/New_York", "Page 1 of"]:
        assert expected in text, expected
    assert len(pdf_images(r.content)) == 2  # the photo and the signature, as thumbnails

    # The office reads it too; another technician and another tenant do not.
    get_pdf(office, report)
    assert other_tech.get(report).status_code in (403, 404)
    assert outsider(pdf_server).get(report).status_code == 404


def test_a_report_without_checklist_or_files_still_renders(people):
    office = people["dispatcher"]
    wo = complete(office, new_wo(office))
    text = pdf_text(get_pdf(office, f"/api/v1/work-orders/{wo['id']}/report.pdf").content)
    assert "(no checklist items)" in text and "Page 1 of 1" in text


def test_must_not_001_the_documents_people_stay_out_of_the_log(pdf_server):
    """Runs last in this module: the server rendered every PDF above."""
    log = pdf_server.log_text()
    assert "invoices" in log and "report.pdf" in log  # the requests were logged...
    for personal in (BUYER, "Müller", ADDRESS, "Saint-Sauveur", "José Núñez", "Zoë"):
        for form in (personal, json.dumps(personal)[1:-1]):  # as written, or JSON-escaped
            assert form not in log, form  # ...and nothing the documents hold
