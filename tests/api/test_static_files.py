"""The web app's files: types, caching, SPA fallback, no way out of the directory."""
import os

import pytest
import requests

from fixtures.server import Server

SECRET = b"TOP-SECRET-OUTSIDE-WEB-DIR"


@pytest.fixture(scope="module")
def web_server(tmp_path_factory):
    base = tmp_path_factory.mktemp("static")
    web = base / "web"
    (web / "assets").mkdir(parents=True)
    (web / "index.html").write_text("<!doctype html><title>Bulwark</title>")
    (web / "assets" / "app-3f9a1c.js").write_text("console.log(1)")
    (web / "assets" / "app-3f9a1c.css").write_text("body{}")
    (base / "secret.txt").write_bytes(SECRET)
    os.symlink(base / "secret.txt", web / "link.txt")
    s = Server(extra_env={"BULWARK_WEB_DIR": str(web)})
    yield s
    s.stop()


def test_index_is_html_and_never_cached(web_server):
    r = requests.get(web_server.url + "/")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/html")
    assert r.headers["Cache-Control"] == "no-store"
    assert "Content-Security-Policy" in r.headers


def test_hashed_assets_are_immutable_with_right_types(web_server):
    r = requests.get(web_server.url + "/assets/app-3f9a1c.js")
    assert r.status_code == 200
    assert r.headers["Content-Type"].startswith("text/javascript")
    assert "immutable" in r.headers["Cache-Control"]
    r = requests.get(web_server.url + "/assets/app-3f9a1c.css")
    assert r.headers["Content-Type"].startswith("text/css")


def test_unknown_app_path_falls_back_to_index(web_server):
    r = requests.get(web_server.url + "/work-orders/1042")
    assert r.status_code == 200
    assert "<title>Bulwark</title>" in r.text


def test_missing_asset_is_404_not_html(web_server):
    r = requests.get(web_server.url + "/assets/missing-123.js")
    assert r.status_code == 404
    assert r.json()["error"]["code"] == "not_found"


def test_api_paths_never_get_the_web_app(web_server):
    r = requests.get(web_server.url + "/api/v1/nothing-here")
    assert r.status_code == 404
    assert r.headers["Content-Type"] == "application/json"


@pytest.mark.parametrize("path", [
    "/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt", "/assets/..%2f..%2fsecret.txt",
    "/assets%2f..%2f..%2fsecret.txt", "/..%5csecret.txt", "/%2e%2e%2fsecret.txt",
    "/assets/../../secret.txt", "/%252e%252e/secret.txt", "/link.txt", "/%00", "/.%2e/secret.txt",
])
def test_path_traversal_never_escapes_the_web_dir(web_server, path):
    raw = web_server.raw(f"GET {path} HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n".encode())
    assert SECRET not in raw
    status = int(raw.split(b" ", 2)[1])
    assert status in (200, 400, 404), raw[:100]
    if status == 200:  # only ever the app shell (SPA fallback), never another file
        assert b"<title>Bulwark</title>" in raw
