"""Attachments (issue 12 item 4, MUST-007): every upload is size-limited,
scanned by a real clamd (EICAR-only signatures), typed from its content,
and images are re-encoded; downloads cannot run as a page."""
import pytest

from fixtures.files import EICAR, GPS_MARKER, Clamd, converted, pdf, png
from fixtures.people import create_org, new_user_client, outsider
from fixtures.server import Server, error_of
from fixtures.work import new_asset, new_wo

LIMIT = 3 * 1024 * 1024  # BULWARK_MAX_UPLOAD_BYTES of this module's server


@pytest.fixture(scope="module")
def files_server(clamd_socket):
    s = Server(extra_env={"BULWARK_CLAMD_SOCKET": clamd_socket,
                          "BULWARK_MAX_UPLOAD_BYTES": str(LIMIT)})
    yield s
    s.stop()


@pytest.fixture(scope="module")
def people(files_server):
    org = create_org(files_server)
    return {role: new_user_client(files_server, org, role)[0]
            for role in ("owner", "dispatcher", "technician", "viewer")}


def upload(client, path, data, name="photo.jpg", content_type="image/jpeg", caption=None):
    fields = {"caption": (None, caption)} if caption is not None else {}
    fields["file"] = (name, data, content_type)
    return client.post(path, files=fields)


def wo_path(wo):
    return f"/api/v1/work-orders/{wo['id']}/attachments"


def audit_actions(client, action):
    r = client.get(f"/api/v1/audit?action={action}")
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_must_007_png_with_gps_comes_back_without_it(people):
    owner = people["owner"]
    wo = new_wo(owner)
    original = png(exif=True)
    assert GPS_MARKER in original and b"eXIf" in original  # the test can fail
    r = upload(owner, wo_path(wo), original, name="../../etc/tank.png", content_type="text/html",
               caption="Lid cracked")
    assert r.status_code == 201, r.text
    a = r.json()
    assert a["mime"] == "image/png" and a["caption"] == "Lid cracked"
    assert a["original_name"] == "tank.png"
    assert a["thumbnail_url"]
    got = owner.get(a["url"])
    assert got.status_code == 200
    assert got.content.startswith(b"\x89PNG")
    assert GPS_MARKER not in got.content and b"eXIf" not in got.content
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in got.headers["Content-Security-Policy"]
    assert got.headers["Content-Disposition"].startswith("inline")
    thumb = owner.get(a["thumbnail_url"])
    assert thumb.status_code == 200 and thumb.content.startswith(b"\xff\xd8")
    listed = owner.get(wo_path(wo)).json()["items"]
    assert [x["id"] for x in listed] == [a["id"]]
    assert audit_actions(owner, "attachment.added")


def test_must_007_jpeg_exif_is_stripped(people):
    owner = people["owner"]
    jpeg = converted(png(64, 48), ".jpg", "vips")
    assert b"Exif" in jpeg
    r = upload(owner, wo_path(new_wo(owner)), jpeg)
    assert r.status_code == 201, r.text
    got = owner.get(r.json()["url"]).content
    assert got.startswith(b"\xff\xd8") and b"Exif" not in got


def test_must_007_heic_in_jpeg_out(people):
    owner = people["owner"]
    heic = converted(png(64, 48), ".heic", "heif-enc")
    r = upload(owner, wo_path(new_wo(owner)), heic, name="IMG_0001.HEIC",
               content_type="image/heic")
    assert r.status_code == 201, r.text
    assert r.json()["mime"] == "image/jpeg"
    assert owner.get(r.json()["url"]).content.startswith(b"\xff\xd8")


def test_must_007_pdf_is_stored_as_uploaded_and_downloads_as_attachment(people):
    owner = people["owner"]
    asset = new_asset(owner)
    r = upload(owner, f"/api/v1/assets/{asset['id']}/attachments", pdf(), name='report".pdf',
               content_type="application/octet-stream")
    assert r.status_code == 201, r.text
    a = r.json()
    assert a["mime"] == "application/pdf" and a["thumbnail_url"] is None
    got = owner.get(a["url"])
    assert got.content == pdf()
    assert got.headers["Content-Type"] == "application/pdf"
    assert got.headers["Content-Disposition"].startswith("attachment;")
    assert got.headers["X-Content-Type-Options"] == "nosniff"
    assert "sandbox" in got.headers["Content-Security-Policy"]
    assert [x["id"] for x in owner.get(f"/api/v1/assets/{asset['id']}/attachments").json()[
        "items"]] == [a["id"]]


def test_large_pdf_round_trips_in_chunks(people):
    # Over two 1 MiB chunks on PostgreSQL (one file on SQLite): the same bytes back.
    owner = people["owner"]
    body = pdf() + bytes(range(256)) * (2 * 4096 + 100)
    r = upload(owner, wo_path(new_wo(owner)), body, name="manual.pdf")
    assert r.status_code == 201, r.text
    got = owner.get(r.json()["url"])
    assert got.status_code == 200 and got.content == body
    assert r.json()["size_bytes"] == len(body)


def test_must_007_eicar_is_refused_audited_and_not_stored(people):
    owner = people["owner"]
    wo = new_wo(owner)
    r = upload(owner, wo_path(wo), EICAR, name="invoice.pdf", content_type="application/pdf")
    assert r.status_code == 422, r.text
    assert error_of(r)["code"] == "unprocessable"
    assert error_of(r)["reason"] == "malware_detected"
    assert owner.get(wo_path(wo)).json()["items"] == []
    entries = audit_actions(owner, "attachment.malware_detected")
    assert any(e["target_id"] == str(wo["id"]) and e["outcome"] == "denied" for e in entries)


def test_must_007_renamed_html_is_refused(people):
    owner = people["owner"]
    wo = new_wo(owner)
    html = b"<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>"
    r = upload(owner, wo_path(wo), html, name="photo.jpg", content_type="image/jpeg")
    assert r.status_code == 415, r.text
    assert error_of(r)["code"] == "unsupported_media_type"
    assert error_of(r)["reason"] == "unsupported_type"
    assert owner.get(wo_path(wo)).json()["items"] == []


def test_must_007_decompression_bomb_refused_from_header(people):
    owner = people["owner"]
    bomb = png(declared=(10000, 10000))  # 100 megapixels claimed, a few bytes sent
    r = upload(owner, wo_path(new_wo(owner)), bomb, name="big.png", content_type="image/png")
    assert r.status_code == 422, r.text
    assert error_of(r)["reason"] == "image_too_large"


def test_oversize_upload_is_413(people, files_server):
    owner = people["owner"]
    wo = new_wo(owner)
    r = upload(owner, wo_path(wo), b"\0" * (LIMIT + 1), name="big.pdf")
    assert r.status_code == 413, r.text
    assert owner.get(wo_path(wo)).json()["items"] == []
    # Declared far over the route's limit: refused from the header, unread.
    head = (f"POST {wo_path(wo)} HTTP/1.1\r\nHost: x\r\n"
            f"Content-Type: multipart/form-data; boundary=b\r\n"
            f"Content-Length: {LIMIT * 4}\r\n\r\n").encode()
    assert files_server.raw(head, read_all=False).startswith(b"HTTP/1.1 413")


def test_json_routes_keep_their_own_limit(files_server):
    # 2 MiB is under the upload routes' limit here but over the JSON limit.
    head = (b"POST /api/v1/customers HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
            b"Content-Length: 2097152\r\n\r\n")
    assert files_server.raw(head, read_all=False).startswith(b"HTTP/1.1 413")


def test_malformed_and_non_multipart_bodies(people):
    owner = people["owner"]
    path = wo_path(new_wo(owner))
    r = owner.post(path, json={"file": "x"})
    assert r.status_code == 415 and error_of(r)["reason"] == "multipart_required"
    r = owner.post(path, data=b"--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx",
                   headers={"Content-Type": "multipart/form-data; boundary=b"})
    assert r.status_code == 400 and error_of(r)["reason"] == "multipart_malformed"
    r = owner.post(path, files={"caption": (None, "no file")})
    assert r.status_code == 400 and error_of(r)["fields"] == {"file": "is required"}


def test_other_tenants_objects_are_404(people, files_server):
    owner = people["owner"]
    wo = new_wo(owner)
    a = upload(owner, wo_path(wo), png()).json()
    stranger = outsider(files_server)
    assert upload(stranger, wo_path(wo), png()).status_code == 404
    assert stranger.get(wo_path(wo)).status_code == 404
    assert stranger.get(a["url"]).status_code == 404
    assert stranger.request("DELETE", f"/api/v1/attachments/{a['id']}").status_code == 404
    assert owner.get(wo_path(wo)).json()["items"][0]["id"] == a["id"]


def test_technician_and_viewer_permissions(people):
    owner, dispatcher = people["owner"], people["dispatcher"]
    tech, viewer = people["technician"], people["viewer"]
    mine = new_wo(dispatcher, assignee_id=tech.user_id)
    other = new_wo(dispatcher)
    # A technician attaches to their own job only; another job does not exist for them.
    r = upload(tech, wo_path(mine), png())
    assert r.status_code == 201, r.text
    by_tech = r.json()
    assert upload(tech, wo_path(other), png()).status_code == 404
    assert tech.get(wo_path(other)).status_code == 404
    # A viewer reads but never uploads or deletes.
    assert viewer.get(wo_path(mine)).status_code == 200
    assert upload(viewer, wo_path(mine), png()).status_code == 403
    assert viewer.request("DELETE", f"/api/v1/attachments/{by_tech['id']}").status_code == 403
    # The technician cannot remove the office's file; the office removes anyone's.
    by_office = upload(owner, wo_path(mine), png()).json()
    r = tech.request("DELETE", f"/api/v1/attachments/{by_office['id']}")
    assert r.status_code == 403 and error_of(r)["reason"] == "not_uploader"
    assert tech.request("DELETE", f"/api/v1/attachments/{by_tech['id']}").status_code == 204
    assert dispatcher.request("DELETE",
                              f"/api/v1/attachments/{by_office['id']}").status_code == 204
    assert owner.get(wo_path(mine)).json()["items"] == []
    assert owner.get(by_office["url"]).status_code == 404
    assert len(audit_actions(owner, "attachment.removed")) >= 2


def test_must_007_stopped_scanner_refuses_and_stores_nothing(make_server):
    own = Clamd()
    s = make_server(extra_env={"BULWARK_CLAMD_SOCKET": own.socket})
    org = create_org(s)
    owner = new_user_client(s, org, "owner")[0]
    wo = new_wo(owner)
    assert upload(owner, wo_path(wo), png()).status_code == 201  # scanned while it runs
    own.stop()
    r = upload(owner, wo_path(wo), png())
    assert r.status_code == 503, r.text
    assert error_of(r)["reason"] == "scanner_unavailable"
    assert len(owner.get(wo_path(wo)).json()["items"]) == 1


def test_must_007_no_scanner_configured_refuses(make_server):
    s = make_server(extra_env={"BULWARK_CLAMD_SOCKET": ""})
    org = create_org(s)
    owner = new_user_client(s, org, "owner")[0]
    wo = new_wo(owner)
    r = upload(owner, wo_path(wo), pdf(), name="a.pdf")
    assert r.status_code == 503 and error_of(r)["reason"] == "scanner_unavailable"
    assert owner.get(wo_path(wo)).json()["items"] == []


def test_must_007_scanner_size_limit_refuses(make_server):
    small = Clamd(max_bytes=1024)  # StreamMaxLength below the file: not "stream: OK"
    try:
        s = make_server(extra_env={"BULWARK_CLAMD_SOCKET": small.socket})
        org = create_org(s)
        owner = new_user_client(s, org, "owner")[0]
        wo = new_wo(owner)
        r = upload(owner, wo_path(wo), bytes(range(256)) * 32, name="a.png")
        assert r.status_code == 503, r.text
        assert owner.get(wo_path(wo)).json()["items"] == []
    finally:
        small.stop()
