"""The organization's logo on its invoices and reports (issue 14 item 2):
uploaded by owners and admins through the checks every upload passes
(malware scan, type from the bytes, decoded and encoded again), refused as
SVG or PDF, kept as a server-made PNG of at most 600 x 240 pixels, drawn at
the top of both PDFs (counted with pdfimages), removable."""
import struct

import pytest

from fixtures.files import EICAR, GPS_MARKER, converted, png
from fixtures.people import create_org, new_user_client, outsider
from fixtures.server import Server, error_of
from fixtures.work import complete, invoice_of, new_customer, new_wo
from test_pdfs import get_pdf, pdf_images, pdf_text

SVG = (b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
       b'<script>alert(1)</script><rect width="10" height="10"/></svg>')


@pytest.fixture(scope="module")
def logo_server(clamd_socket):
    s = Server(extra_env={"BULWARK_CLAMD_SOCKET": clamd_socket})
    yield s
    s.stop()


@pytest.fixture()
def office(logo_server):
    """A fresh organization per test: the logo is the organization's."""
    org = create_org(logo_server, time_zone="America/Chicago")
    return {role: new_user_client(logo_server, org, role)[0]
            for role in ("owner", "admin", "dispatcher", "technician")}


def put_logo(client, data, name="logo.png", field="file"):
    return client.put("/api/v1/org/logo", files={field: (name, data, "image/png")})


def png_size(data):
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    return struct.unpack(">II", data[16:24])


def documents(client):
    """An invoice and a completed work order's report, as PDFs."""
    customer = new_customer(client, name="Logo Test Farm")
    wo = complete(client, new_wo(client, customer_id=customer["id"]))
    inv = invoice_of(client, wo)
    return (f"/api/v1/invoices/{inv['id']}/pdf", f"/api/v1/work-orders/{wo['id']}/report.pdf")


def test_an_uploaded_logo_is_drawn_on_the_invoice_and_the_report(office):
    owner = office["owner"]
    invoice, report = documents(owner)
    before = [len(pdf_images(get_pdf(owner, p).content)) for p in (invoice, report)]

    r = put_logo(owner, png(1200, 400, exif=True))
    assert r.status_code == 200, r.text
    url = r.json()["logo_url"]
    assert url.startswith("/api/v1/org/logo?v=")
    assert owner.get("/api/v1/org").json()["logo_url"] == url

    # Everyone of the organization sees the logo the server made.
    stored = office["technician"].get(url)
    assert stored.status_code == 200 and stored.headers["Content-Type"] == "image/png"
    assert png_size(stored.content) == (600, 200)  # fitted into 600 x 240, proportions kept
    assert GPS_MARKER not in stored.content  # metadata gone with the re-encoding

    for path, count in zip((invoice, report), before):
        doc = get_pdf(owner, path).content
        assert len(pdf_images(doc)) == count + 1, path
        assert "Logo Test Farm" in pdf_text(doc)  # the text is all still there


def test_a_small_logo_is_not_enlarged_and_a_jpeg_becomes_a_png(office):
    r = put_logo(office["admin"], converted(png(120, 40), ".jpg", "vips"), name="logo.jpg")
    assert r.status_code == 200, r.text
    stored = office["owner"].get(r.json()["logo_url"]).content
    assert png_size(stored) == (120, 40)


def test_svg_pdf_and_malware_are_refused_and_nothing_is_kept(office, logo_server):
    owner = office["owner"]
    for data, name, status, reason in [
            (SVG, "logo.svg", 415, "unsupported_type"),
            (b"%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[]"
             b"/Count 0>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n", "logo.pdf", 415,
             "unsupported_type"),
            (b"<html><script>alert(1)</script></html>", "logo.png", 415, "unsupported_type"),
            (EICAR, "logo.png", 422, "malware_detected"),
            (b"", "logo.png", 400, "empty_file")]:
        r = put_logo(owner, data, name=name)
        assert r.status_code == status and error_of(r)["reason"] == reason, (name, r.text)
    assert owner.get("/api/v1/org").json()["logo_url"] is None
    assert owner.get("/api/v1/org/logo").status_code == 404
    audit = owner.get("/api/v1/audit", params={"action": "org.logo_malware_detected"}).json()
    assert len(audit["items"]) == 1 and audit["items"][0]["outcome"] == "denied"

    r = put_logo(owner, png(), field="picture")
    assert r.status_code == 400 and error_of(r)["reason"] == "unknown_field"
    r = owner.put("/api/v1/org/logo", json={"file": "x"})
    assert r.status_code == 415 and error_of(r)["reason"] == "multipart_required"


def test_only_owners_and_admins_change_the_logo_and_each_org_has_its_own(office, logo_server):
    for role in ("dispatcher", "technician"):
        assert put_logo(office[role], png()).status_code == 403
        assert office[role].request("DELETE", "/api/v1/org/logo").status_code == 403
    assert put_logo(office["owner"], png(300, 100)).status_code == 200
    other = outsider(logo_server)
    assert other.get("/api/v1/org/logo").status_code == 404
    assert other.get("/api/v1/org").json()["logo_url"] is None


def test_removing_the_logo_takes_it_off_the_documents(office):
    owner = office["owner"]
    invoice, _ = documents(owner)
    assert put_logo(owner, png(300, 100)).status_code == 200
    with_logo = len(pdf_images(get_pdf(owner, invoice).content))
    r = owner.request("DELETE", "/api/v1/org/logo")
    assert r.status_code == 204, r.text
    assert len(pdf_images(get_pdf(owner, invoice).content)) == with_logo - 1
    assert owner.get("/api/v1/org").json()["logo_url"] is None
    r = owner.request("DELETE", "/api/v1/org/logo")
    assert r.status_code == 404 and error_of(r)["reason"] == "no_logo"
    actions = [e["action"] for e in owner.get("/api/v1/audit").json()["items"]]
    assert "org.logo_changed" in actions and "org.logo_removed" in actions
