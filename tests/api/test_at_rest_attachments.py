"""Attachments at rest (issue 13 item 1): a file's bytes, its thumbnail, its
name and its caption are ciphertext on disk and in the database (sealed with
the organization's data key, bound to the row), on both engines; downloads
decrypt transparently; a blob moved onto another attachment does not open
and is a 500 JSON error, never someone else's bytes."""
import os
import shutil
import uuid

import pytest

from fixtures.database import db_exec, db_query
from fixtures.files import png
from fixtures.people import create_org, new_user_client
from fixtures.raw_bytes import database_bytes, directory_bytes, leaked, log_bytes
from fixtures.server import PG_URL, Server, error_of
from fixtures.work import new_wo


@pytest.fixture(scope="module")
def at_rest_server(clamd_socket):
    s = Server(extra_env={"BULWARK_CLAMD_SOCKET": clamd_socket})
    yield s
    s.stop()


@pytest.fixture(scope="module")
def office(at_rest_server):
    org = create_org(at_rest_server)
    return new_user_client(at_rest_server, org, "dispatcher")[0]


def pdf_with(marker):
    """A minimal PDF that carries `marker` in a comment (kept byte for byte)."""
    return (b"%PDF-1.4\n% " + marker.encode() + b"\n"
            b"1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
            b"2 0 obj<</Type/Pages/Kids[]/Count 0>>endobj\n"
            b"trailer<</Root 1 0 R>>\n%%EOF\n")


def upload(client, wo, data, name, content_type, caption):
    r = client.post(f"/api/v1/work-orders/{wo['id']}/attachments",
                    files={"caption": (None, caption), "file": (name, data, content_type)})
    assert r.status_code == 201, r.text
    return r.json()


def chunk_hex(server):
    """The attachment chunks as hex (pg_dump prints bytea as hex too)."""
    return "".join(row[0] for row in db_query(
        server, "SELECT encode(data, 'hex') FROM attachment_chunks ORDER BY blob_key, seq"))


def test_files_names_and_captions_are_ciphertext_at_rest(office, at_rest_server):
    tag = uuid.uuid4().hex[:12]
    marker = f"PdfMarker{tag}"
    name = f"smith-gate-{tag}.pdf"
    caption = f"Gate code by the Quillfeather oak {tag}"
    data = pdf_with(marker)
    wo = new_wo(office)
    a = upload(office, wo, data, name, "application/pdf", caption)
    photo = upload(office, wo, png(40, 30), f"tank-{tag}.png", "image/png", caption + " photo")
    # The API still shows plain values, and downloads decrypt transparently.
    assert a["original_name"] == name and a["caption"] == caption
    listed = office.get(f"/api/v1/work-orders/{wo['id']}/attachments").json()["items"]
    assert {x["original_name"] for x in listed} == {name, f"tank-{tag}.png"}
    got = office.get(a["url"])
    assert got.status_code == 200 and got.content == data
    assert name in got.headers["Content-Disposition"]
    thumb = office.get(photo["thumbnail_url"])
    assert thumb.status_code == 200 and thumb.content.startswith(b"\xff\xd8")

    seeded = [marker, name, caption, f"tank-{tag}"]
    assert leaked(directory_bytes(at_rest_server.data_dir), seeded) == []
    assert leaked(database_bytes(at_rest_server), seeded) == []
    assert leaked(log_bytes(at_rest_server), seeded) == []
    if PG_URL:  # pg_dump hides bytea behind hex: look at the chunks themselves
        assert marker.encode().hex() not in chunk_hex(at_rest_server)
        assert data.hex() not in chunk_hex(at_rest_server)


def test_a_blob_copied_onto_another_attachment_is_refused(office, at_rest_server):
    tag = uuid.uuid4().hex[:12]
    wo = new_wo(office)
    first = upload(office, wo, pdf_with(f"first {tag}"), "first.pdf", "application/pdf", "one")
    second = upload(office, wo, pdf_with(f"second {tag}"), "second.pdf", "application/pdf", "two")
    keys = {int(r[0]): r[1] for r in db_query(
        at_rest_server,
        f"SELECT id, blob_key FROM attachments WHERE id IN ({first['id']}, {second['id']})")}
    org_id = db_query(at_rest_server,
                      f"SELECT org_id FROM attachments WHERE id = {first['id']}")[0][0]
    src, dst = keys[first["id"]], keys[second["id"]]
    if PG_URL:
        db_exec(at_rest_server,
                f"UPDATE attachment_chunks SET data = (SELECT data FROM attachment_chunks "
                f"WHERE blob_key = '{src}' AND seq = 0) WHERE blob_key = '{dst}'")
    else:
        folder = os.path.join(at_rest_server.data_dir, "attachments", str(org_id))
        shutil.copyfile(os.path.join(folder, src), os.path.join(folder, dst))
    r = office.get(second["url"])
    assert r.status_code == 500, r.status_code
    assert r.headers["Content-Type"].startswith("application/json")
    assert error_of(r)["code"] == "internal"
    assert f"first {tag}".encode() not in r.content and b"%PDF" not in r.content
    # The untouched one still opens.
    ok = office.get(first["url"])
    assert ok.status_code == 200 and f"first {tag}".encode() in ok.content
