"""Work requests (issue 14 item 6): a QR label per asset or site opens a
public form (no sign-in) that shows only the asset's name; a request filed
there lands in the office's inbox, where it is approved into a work order on
that asset or declined with a reason texted to the requester (unless their
number texted STOP). Every tampering case gets one answer (404
link_not_found); the form is rate-limited per IP and per link; what the
requester typed is sealed at rest."""
import hashlib
import json
import xml.etree.ElementTree as ET

import pytest
import requests

from fixtures.files import EICAR, GPS_MARKER, clamd_socket, png  # noqa: F401 (fixture)
from fixtures.peers import wait_for
from fixtures.people import create_org, new_user_client, outsider
from fixtures.providers import Shop, inbound_sms, provider_env, random_phone
from fixtures.raw_bytes import database_bytes, log_bytes
from fixtures.server import Server, error_of
from fixtures.work import created, new_asset, new_customer, new_site

FAST = {"BULWARK_RATE_LINK_PER_MINUTE": "100000"}
LIMIT = 1024 * 1024  # BULWARK_MAX_UPLOAD_BYTES of this module's server
SVG = "{http://www.w3.org/2000/svg}"


@pytest.fixture(scope="module")
def req_server(peer, clamd_socket):
    s = Server(extra_env={**provider_env(peer.url), **FAST, "BULWARK_CLAMD_SOCKET": clamd_socket,
                          "BULWARK_MAX_UPLOAD_BYTES": str(LIMIT)})
    yield s
    s.stop()


@pytest.fixture(scope="module")
def shop(req_server):
    return Shop(req_server)


def public(server, method, path, **kw):
    """A request with no session (the operator's phone)."""
    return requests.request(method, server.url + path, timeout=30, **kw)


def file(server, token, origin=True, **fields):
    body = {"token": token, "name": "Pat Operator", "phone": "(555) 301-0199",
            "description": "Pump 3 is leaking oil\nunder the seal"}
    body.update(fields)
    headers = {"Origin": server.url} if origin else {}
    return public(server, "POST", "/api/v1/public/requests", json=body, headers=headers)


def labelled_asset(client, name="Lift pump 3"):
    asset = new_asset(client, name=name)
    link = created(client.post(f"/api/v1/assets/{asset['id']}/request-link"))
    return asset, link, link["url"].rsplit("/", 1)[-1]


def assert_link_not_found(r):
    assert r.status_code == 404, r.text
    assert error_of(r)["reason"] == "link_not_found"


def inbox(client, status=None):
    r = client.get("/api/v1/requests", params={"status": status} if status else None)
    assert r.status_code == 200, r.text
    return r.json()["items"]


def test_request_link_qr_is_valid_svg_of_the_link(req_server, shop):
    d = shop.dispatcher
    asset, link, token = labelled_asset(d)
    assert link["url"].endswith("/r/" + token)
    assert len(token) == 43 and link["subject"] == "asset" and link["subject_id"] == asset["id"]
    assert d.get(f"/api/v1/assets/{asset['id']}/request-link").json()["url"] == link["url"]
    r = d.get(link["qr_path"])
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("image/svg+xml")
    assert "no-store" in r.headers["Cache-Control"]
    root = ET.fromstring(r.content)
    assert root.tag == SVG + "svg"
    size = int(root.get("viewBox").split()[2])
    # A QR code of a ~70-character URL at level M: version 4 or 5 (33 or 37
    # modules) plus the four-module quiet zone on each side.
    assert size in (33 + 8, 37 + 8), size
    path = root.find(SVG + "path").get("d")
    dark = path.count("h1v1h-1z")
    assert size * size // 5 < dark < size * size // 2  # about half of the code is dark
    # The three finder patterns: the corner modules of the code are dark.
    for x, y in ((4, 4), (size - 5, 4), (4, size - 5)):
        assert f"M{x},{y}h1v1h-1z" in path
    # Another organization's asset: 404, and no QR for it.
    other = outsider(req_server, "owner")
    assert other.get(f"/api/v1/assets/{asset['id']}/request-link/qr.svg").status_code == 404
    assert other.post(f"/api/v1/assets/{asset['id']}/request-link").status_code == 404


def test_public_form_shows_only_the_assets_name(req_server, shop):
    d = shop.dispatcher
    _, _, token = labelled_asset(d, name="Clarifier B")
    r = public(req_server, "GET", f"/api/v1/public/requests/{token}")
    assert r.status_code == 200, r.text
    assert r.json() == {"subject": "asset", "name": "Clarifier B"}
    assert "Set-Cookie" not in r.headers


def test_must_001_every_tampered_token_gets_the_same_answer(req_server, shop):
    d = shop.dispatcher
    asset, _, token = labelled_asset(d)
    flipped = token[:-1] + ("A" if token[-1] != "A" else "B")
    for bad in (flipped, "A" * 43, token[:-1], token + "A"):
        assert_link_not_found(file(req_server, bad))
    r = public(req_server, "GET", f"/api/v1/public/requests/{flipped}")
    assert_link_not_found(r)
    # Rotating: the old label stops working, the new one works.
    new = created(d.post(f"/api/v1/assets/{asset['id']}/request-link"))
    assert_link_not_found(file(req_server, token))
    new_token = new["url"].rsplit("/", 1)[-1]
    assert created(file(req_server, new_token)) == {"status": "received"}
    # Revoked: refused, and the office sees no live link.
    r = d.post(f"/api/v1/assets/{asset['id']}/request-link/revoke")
    assert r.status_code == 200, r.text
    assert_link_not_found(file(req_server, new_token))
    assert_link_not_found(public(req_server, "GET", f"/api/v1/public/requests/{new_token}"))
    r = d.get(f"/api/v1/assets/{asset['id']}/request-link")
    assert r.status_code == 404 and error_of(r)["reason"] == "no_request_link"


def test_malformed_requests_are_4xx_never_500(req_server, shop):
    _, _, token = labelled_asset(shop.dispatcher)
    cases = [
        {"token": token, "name": "", "description": "x"},
        {"token": token, "name": "A", "description": ""},
        {"token": token, "name": "A", "description": "x", "phone": "not a phone"},
        {"token": token, "name": "A", "description": "x", "extra": 1},
        {"token": 42, "name": "A", "description": "x"},
        {"name": "A", "description": "x"},
        {"token": token, "name": "A", "description": "x" * 5000},
    ]
    for body in cases:
        r = public(req_server, "POST", "/api/v1/public/requests", json=body,
                   headers={"Origin": req_server.url})
        assert 400 <= r.status_code < 500, (body, r.status_code, r.text)
    r = public(req_server, "POST", "/api/v1/public/requests", data=b"{not json",
               headers={"Origin": req_server.url, "Content-Type": "application/json"})
    assert 400 <= r.status_code < 500
    # Another site's page cannot post it.
    r = public(req_server, "POST", "/api/v1/public/requests",
               json={"token": token, "name": "A", "description": "x"},
               headers={"Origin": "https://evil.example"})
    assert r.status_code == 403 and error_of(r)["reason"] == "csrf_origin_mismatch"


def test_requests_are_rate_limited_per_link(req_server, shop):
    _, _, token = labelled_asset(shop.dispatcher)
    codes = [file(req_server, token).status_code for _ in range(11)]
    assert codes[:10] == [201] * 10
    r = file(req_server, token)
    assert r.status_code == 429 and error_of(r)["reason"] == "link_rate_limited"
    # Another label of the same organization is not affected.
    _, _, other = labelled_asset(shop.dispatcher)
    assert file(req_server, other).status_code == 201


def test_public_request_routes_are_rate_limited_per_ip(make_server):
    s = make_server(extra_env={"BULWARK_RATE_LINK_PER_MINUTE": "3"})
    codes = [public(s, "GET", "/api/v1/public/requests/" + "A" * 43).status_code
             for _ in range(6)]
    assert codes[:3] == [404, 404, 404]
    assert 429 in codes[3:]


def test_approve_makes_a_work_order_on_the_asset(req_server, shop):
    d = shop.dispatcher
    customer = new_customer(d)
    site = new_site(d, customer, name="North plant")
    asset = new_asset(d, site, name="Blower 2")
    link = created(d.post(f"/api/v1/assets/{asset['id']}/request-link"))
    token = link["url"].rsplit("/", 1)[-1]
    assert file(req_server, token, description="Blower 2 rattles\nsince Monday").status_code == 201
    item = [i for i in inbox(d, "new") if i["asset_id"] == asset["id"]][0]
    assert item["asset_name"] == "Blower 2" and item["site_name"] == "North plant"
    assert item["requester_name"] == "Pat Operator" and item["requester_phone"] == "+15553010199"
    assert item["status"] == "new" and item["work_order_id"] is None

    # Wrong version: 409, nothing made.
    r = d.post(f"/api/v1/requests/{item['id']}/approve", json={"version": item["version"] + 1})
    assert r.status_code == 409 and error_of(r)["reason"] == "version_conflict"
    r = d.post(f"/api/v1/requests/{item['id']}/approve", json={"version": item["version"]})
    assert r.status_code == 200, r.text
    approved = r.json()
    assert approved["status"] == "approved" and approved["work_order_id"]
    assert approved["work_order_number"].startswith("WO-")
    wo = d.get(f"/api/v1/work-orders/{approved['work_order_id']}").json()
    assert wo["asset_id"] == asset["id"] and wo["site_id"] == site["id"]
    assert wo["customer_id"] == customer["id"]
    assert wo["title"] == "Blower 2 rattles"
    assert "since Monday" in wo["description"] and "Pat Operator" in wo["description"]
    # Once only.
    r = d.post(f"/api/v1/requests/{item['id']}/approve", json={"version": approved["version"]})
    assert r.status_code == 409 and error_of(r)["reason"] == "already_decided"
    # Audited.
    def audited(action):
        items = shop.owner.get("/api/v1/audit", params={"action": action}).json()["items"]
        return [a for a in items if a["target_id"] == str(item["id"])]
    filed = audited("work_request.filed")
    assert len(filed) == 1 and filed[0]["actor_type"] == "request_link"
    assert len(audited("work_request.approved")) == 1


def test_decline_texts_the_reason_unless_the_number_said_stop(req_server, shop, peer):
    d = shop.dispatcher
    _, _, token = labelled_asset(d)
    phone = random_phone()
    assert file(req_server, token, phone=phone).status_code == 201
    item = [i for i in inbox(d, "new") if i["requester_phone"] == phone][0]
    r = d.post(f"/api/v1/requests/{item['id']}/decline",
               json={"version": item["version"], "reason": "The pump was replaced last week"})
    assert r.status_code == 200, r.text
    assert r.json()["text"] == "queued"
    assert r.json()["request"]["status"] == "declined"
    assert r.json()["request"]["decline_reason"] == "The pump was replaced last week"
    forms = wait_for(lambda: peer.forms_to(phone), what="the decline text")
    assert "The pump was replaced last week" in forms[0]["Body"]

    # A number that texted STOP gets nothing.
    stopped = random_phone()
    assert inbound_sms(req_server, shop.number, stopped, "STOP").status_code == 200
    assert file(req_server, token, phone=stopped).status_code == 201
    item = [i for i in inbox(d, "new") if i["requester_phone"] == stopped][0]
    r = d.post(f"/api/v1/requests/{item['id']}/decline",
               json={"version": item["version"], "reason": "Not ours"})
    assert r.status_code == 200 and r.json()["text"] == "suppressed"
    assert not [f for f in peer.forms_to(stopped) if "Not ours" in f.get("Body", "")]

    # No phone: declined, nothing to text.
    assert file(req_server, token, phone=None).status_code == 201
    item = [i for i in inbox(d, "new") if i["requester_phone"] is None][0]
    r = d.post(f"/api/v1/requests/{item['id']}/decline",
               json={"version": item["version"], "reason": "Duplicate"})
    assert r.status_code == 200 and r.json()["text"] is None


def test_inbox_is_the_offices_and_its_orgs_only(req_server, shop):
    d = shop.dispatcher
    _, _, token = labelled_asset(d)
    assert file(req_server, token).status_code == 201
    item = inbox(d, "new")[0]
    assert shop.tech.get("/api/v1/requests").status_code == 403
    other = outsider(req_server, "owner")
    assert all(i["id"] != item["id"] for i in other.get("/api/v1/requests").json()["items"])
    assert other.get(f"/api/v1/requests/{item['id']}").status_code == 404
    r = other.post(f"/api/v1/requests/{item['id']}/decline",
                   json={"version": item["version"], "reason": "x"})
    assert r.status_code == 404
    assert d.get("/api/v1/requests", params={"status": "bogus"}).status_code == 400


def test_site_links_file_requests_on_the_site(req_server, shop):
    d = shop.dispatcher
    site = new_site(d, name="Pump station 9")
    link = created(d.post(f"/api/v1/sites/{site['id']}/request-link"))
    assert d.get(link["qr_path"]).status_code == 200
    token = link["url"].rsplit("/", 1)[-1]
    r = public(req_server, "GET", f"/api/v1/public/requests/{token}")
    assert r.json() == {"subject": "site", "name": "Pump station 9"}
    assert file(req_server, token).status_code == 201
    item = [i for i in inbox(d, "new") if i["site_id"] == site["id"]][0]
    assert item["site_name"] == "Pump station 9" and item["asset_id"] is None
    approved = d.post(f"/api/v1/requests/{item['id']}/approve",
                      json={"version": item["version"]}).json()
    wo = d.get(f"/api/v1/work-orders/{approved['work_order_id']}").json()
    assert wo["site_id"] == site["id"] and wo["asset_id"] is None


def test_must_not_001_requester_data_and_tokens_are_sealed_at_rest(req_server, shop):
    d = shop.dispatcher
    _, _, token = labelled_asset(d)
    marker = "Quillon" + hashlib.sha256(token.encode()).hexdigest()[:8]
    assert file(req_server, token, name=marker + " Name",
                description=marker + " smells of burning").status_code == 201
    stored = database_bytes(req_server)
    assert marker.encode() not in stored
    assert token.encode() not in stored
    assert hashlib.sha256(token.encode()).hexdigest().encode() in stored
    assert marker.encode() not in log_bytes(req_server)
    assert token.encode() not in log_bytes(req_server)


# --- photos on the public form (the scan pipeline of attachments) ---

def file_with_photos(server, token, photos, origin=None, **fields):
    body = {"token": token, "name": "Pat Operator", "phone": "(555) 301-0199",
            "description": "Valve 7 drips"}
    body.update(fields)
    parts = [("request", (None, json.dumps(body), "application/json"))]
    parts += [(f"photo{i}", (name, data, kind)) for i, (name, data, kind) in
              enumerate(photos, start=1)]
    headers = {"Origin": origin or server.url}
    return public(server, "POST", "/api/v1/public/requests/with-photos", files=parts,
                  headers=headers)


def requests_of(client, asset):
    return [i for i in inbox(client) if i["asset_id"] == asset["id"]]


def test_must_007_photos_go_with_a_request_and_on_to_the_work_order(req_server, shop):
    d = shop.dispatcher
    asset, _, token = labelled_asset(d, name="Valve 7")
    photos = [("IMG_1.png", png(exif=True), "image/png"), ("IMG_2.png", png(64, 48), "image/png")]
    r = file_with_photos(req_server, token, photos)
    assert r.status_code == 201, r.text
    assert r.json() == {"status": "received"}  # nothing of what was stored
    [item] = requests_of(d, asset)
    assert len(item["photos"]) == 2 and d.get(f"/api/v1/requests/{item['id']}").json()["photos"]
    shown = d.get(item["photos"][0]["url"])
    assert shown.status_code == 200 and shown.headers["Content-Type"].startswith("image/")
    assert GPS_MARKER not in shown.content  # re-encoded: the position is gone
    assert d.get(item["photos"][0]["thumbnail_url"]).status_code == 200
    assert b"IMG_1" not in database_bytes(req_server)  # no file name kept
    # A technician and another organization do not see them.
    assert shop.tech.get(item["photos"][0]["url"]).status_code == 403
    assert outsider(req_server).get(item["photos"][0]["url"]).status_code == 404

    approved = d.post(f"/api/v1/requests/{item['id']}/approve",
                      json={"version": item["version"]}).json()
    wo_id = approved["work_order_id"]
    files = d.get(f"/api/v1/work-orders/{wo_id}/attachments").json()["items"]
    assert len(files) == 2 and all(f["mime"].startswith("image/") for f in files)
    got = d.get(files[0]["url"])
    assert got.status_code == 200 and GPS_MARKER not in got.content
    # Moved, not copied: the request's photos are gone.
    assert approved["photos"] == []
    assert d.get(item["photos"][0]["url"]).status_code == 404


def test_must_007_hostile_photos_are_refused_and_nothing_stored(req_server, shop):
    d = shop.dispatcher
    asset, _, token = labelled_asset(d)
    html = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    pdf_bytes = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
    cases = [
        ([("a.png", png(), "image/png"), ("eicar.jpg", EICAR, "image/jpeg")], 422,
         "malware_detected"),
        ([("photo.png", html, "image/png")], 415, "unsupported_type"),
        ([("photo.svg", svg, "image/svg+xml")], 415, "unsupported_type"),
        ([("photo.pdf", pdf_bytes, "application/pdf")], 415, "unsupported_type"),
        ([("big.png", png() + b"\0" * LIMIT, "image/png")], 413, "file_too_large"),
        ([(f"p{i}.png", png(), "image/png") for i in range(6)], 422, "too_many_photos"),
    ]
    for photos, status, reason in cases:
        r = file_with_photos(req_server, token, photos)
        assert r.status_code == status, (reason, r.text)
        assert r.headers["Content-Type"].startswith("application/json")
        assert error_of(r)["reason"] == reason
        assert requests_of(d, asset) == []  # nothing stored, not even the request
    denied = shop.owner.get("/api/v1/audit", params={"action": "work_request.malware_detected"})
    assert [e for e in denied.json()["items"] if e["outcome"] == "denied"]
    # The form's other guards hold here too.
    r = file_with_photos(req_server, token, [("a.png", png(), "image/png")],
                         origin="https://evil.example")
    assert r.status_code == 403 and error_of(r)["reason"] == "csrf_origin_mismatch"
    r = file_with_photos(req_server, token[:-1] + "A", [("a.png", png(), "image/png")])
    assert_link_not_found(r)
    r = public(req_server, "POST", "/api/v1/public/requests/with-photos", json={"token": token},
               headers={"Origin": req_server.url})
    assert r.status_code == 415 and error_of(r)["reason"] == "multipart_required"
    r = file_with_photos(req_server, token, [], description="")
    assert r.status_code == 400, r.text
    assert requests_of(d, asset) == []


def test_photos_share_the_forms_per_link_limit(req_server, shop):
    _, _, token = labelled_asset(shop.dispatcher)
    assert [file(req_server, token).status_code for _ in range(10)] == [201] * 10
    r = file_with_photos(req_server, token, [("a.png", png(), "image/png")])
    assert r.status_code == 429 and error_of(r)["reason"] == "link_rate_limited"


def test_declining_deletes_the_photos_at_once(req_server, shop):
    d = shop.dispatcher
    asset, _, token = labelled_asset(d)
    assert file_with_photos(req_server, token, [("a.png", png(), "image/png")]).status_code == 201
    [item] = requests_of(d, asset)
    url = item["photos"][0]["url"]
    assert d.get(url).status_code == 200
    r = d.post(f"/api/v1/requests/{item['id']}/decline",
               json={"version": item["version"], "reason": "Fixed already"})
    assert r.status_code == 200, r.text
    assert r.json()["request"]["photos"] == []
    assert d.get(url).status_code == 404


# --- the requester role: a plant operator who follows their own requests ---

def test_requester_files_in_the_app_and_sees_only_their_own_requests(req_server, shop):
    d = shop.dispatcher
    asset, _, _ = labelled_asset(d, name="Press 4")
    unlabelled = new_asset(d, name="Secret press")
    rq, _ = new_user_client(req_server, shop.slug, "requester")
    other_rq, _ = new_user_client(req_server, shop.slug, "requester")
    places = rq.get("/api/v1/my/request-places").json()["items"]
    assert {"subject": "asset", "id": asset["id"], "name": "Press 4"} in places
    assert all(p["id"] != unlabelled["id"] or p["subject"] != "asset" for p in places)
    r = rq.post("/api/v1/my/requests", json={"subject": "asset", "id": unlabelled["id"],
                                             "description": "x"})
    assert r.status_code == 404 and error_of(r)["reason"] == "place_not_found"
    r = rq.post("/api/v1/my/requests", json={"subject": "asset", "id": asset["id"],
                                             "description": "Press 4 jams"})
    assert r.status_code == 201, r.text
    mine = r.json()
    assert mine["status"] == "new" and mine["asset_name"] == "Press 4"
    assert [m["id"] for m in rq.get("/api/v1/my/requests").json()["items"]] == [mine["id"]]
    assert other_rq.get("/api/v1/my/requests").json()["items"] == []
    # The office sees it, approves it; the requester sees the work order's status.
    item = next(i for i in inbox(d, "new") if i["id"] == mine["id"])
    approved = d.post(f"/api/v1/requests/{item['id']}/approve",
                      json={"version": item["version"]}).json()
    [after] = rq.get("/api/v1/my/requests").json()["items"]
    assert after["status"] == "approved"
    assert after["work_order_number"] == approved["work_order_number"]
    assert after["work_order_status"]
    # Nothing else: the office's routes are 403 (the route matrix tries them all).
    for path in ("/api/v1/requests", f"/api/v1/requests/{item['id']}", "/api/v1/work-orders",
                 f"/api/v1/work-orders/{approved['work_order_id']}", "/api/v1/assets",
                 "/api/v1/customers", "/api/v1/users", "/api/v1/audit"):
        assert rq.get(path).status_code == 403, path
    assert rq.get("/api/v1/auth/me").json()["role"] == "requester"
    # Another organization's requester: 404 for this org's asset, and sees none of it.
    stranger = outsider(req_server, "requester")
    r = stranger.post("/api/v1/my/requests", json={"subject": "asset", "id": asset["id"],
                                                   "description": "x"})
    assert r.status_code == 404 and error_of(r)["reason"] == "place_not_found"
    assert stranger.get("/api/v1/my/requests").json()["items"] == []
    assert all(p["id"] != asset["id"] for p in
               stranger.get("/api/v1/my/request-places").json()["items"])


def test_owner_invites_a_requester_and_a_dispatcher_cannot(req_server, shop):
    r = shop.owner.post("/api/v1/users", json={"email": f"op{random_phone()[-7:]}@example.com",
                                               "role": "requester"})
    assert r.status_code == 202, r.text
    listed = shop.owner.get("/api/v1/invitations").json()["items"]
    assert any(i["role"] == "requester" for i in listed)
    r = shop.dispatcher.post("/api/v1/users", json={"email": "x@example.com", "role": "requester"})
    assert r.status_code == 403
