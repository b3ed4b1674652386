"""The OpenAPI document (issue 11): generated from the route table, with each
typed route's request body and success response described by the same
resource descriptions the server reads and writes with."""
import re

import pytest

from fixtures.people import create_org, new_user_client, unique

METHODS = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
COMPONENT_NAME = re.compile(r"^[a-zA-Z0-9._-]+$")


@pytest.fixture(scope="module")
def org(server):
    return create_org(server)


@pytest.fixture(scope="module")
def doc(server, org):
    viewer, _ = new_user_client(server, org, "viewer")  # any signed-in user may read it
    r = viewer.get("/api/v1/openapi.json")
    assert r.status_code == 200, r.text
    assert r.headers["Content-Type"].startswith("application/json")
    return r.json()


@pytest.fixture(scope="module")
def dispatcher(server, org):
    c, _ = new_user_client(server, org, "dispatcher")
    return c


def resolve(doc, ref):
    """The object a local $ref ("#/components/schemas/X") points at, or None."""
    assert ref.startswith("#/"), ref
    node = doc
    for part in ref[2:].split("/"):
        part = part.replace("~1", "/").replace("~0", "~")
        if not isinstance(node, dict) or part not in node:
            return None
        node = node[part]
    return node


def refs_in(node):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref":
                yield v
            else:
                yield from refs_in(v)
    elif isinstance(node, list):
        for v in node:
            yield from refs_in(v)


def json_schema(part):
    return part["content"]["application/json"]["schema"]


def test_create_customer_declares_its_body_and_its_201(doc):
    op = doc["paths"]["/api/v1/customers"]["post"]
    body = op["requestBody"]
    assert body["required"] is True
    assert json_schema(body) == {"$ref": "#/components/schemas/NewCustomer"}
    new_customer = doc["components"]["schemas"]["NewCustomer"]
    assert new_customer["type"] == "object"
    assert new_customer["additionalProperties"] is False
    assert new_customer["required"] == ["name"]
    assert set(new_customer["properties"]) == {
        "name", "phone", "email", "billing_address", "notes", "sms_opt_out"}
    assert new_customer["properties"]["name"] == {"type": "string", "minLength": 1, "maxLength": 200}

    assert "200" not in op["responses"]
    created = op["responses"]["201"]
    assert created["description"]
    assert json_schema(created) == {"$ref": "#/components/schemas/CustomerView"}
    assert "default" in op["responses"]  # the error envelope


def test_change_requires_the_version_and_lists_are_pages(doc):
    patch = doc["paths"]["/api/v1/customers/{id}"]["patch"]
    change = resolve(doc, json_schema(patch["requestBody"])["$ref"])
    assert change["required"] == ["version"]
    assert change["additionalProperties"] is False
    page = json_schema(doc["paths"]["/api/v1/customers"]["get"]["responses"]["200"])
    assert page["required"] == ["items", "next_cursor"]
    assert page["properties"]["items"] == {
        "type": "array", "items": {"$ref": "#/components/schemas/CustomerView"}}
    view = doc["components"]["schemas"]["CustomerView"]
    assert view["properties"]["created_at"] == {"type": "string", "format": "date-time"}
    # A view writes every member (null when empty), so each is required.
    assert "phone" in view["required"] and "sms_consent" in view["required"]


def test_delete_answers_204_without_a_body(doc):
    op = doc["paths"]["/api/v1/customers/{id}"]["delete"]
    assert op["responses"]["204"] == {"description": "No content"}
    assert "requestBody" not in op


def test_every_ref_resolves_and_every_schema_is_referenced(doc):
    schemas = doc["components"]["schemas"]
    refs = set(refs_in(doc))
    assert refs
    for ref in refs:
        assert resolve(doc, ref) is not None, f"{ref} does not resolve"
    assert {f"#/components/schemas/{name}" for name in schemas} == refs
    for name in schemas:
        assert COMPONENT_NAME.match(name), name


def test_document_has_the_shape_openapi_3_1_requires(doc):
    assert re.match(r"^3\.1\.\d+$", doc["openapi"])
    assert doc["info"]["title"] and doc["info"]["version"]
    assert doc["paths"]
    for path, item in doc["paths"].items():
        assert path.startswith("/"), path
        template_params = set(re.findall(r"{([^}]+)}", path))
        for method, op in item.items():
            assert method in METHODS, (path, method)
            assert op["responses"], (path, method)
            for status, response in op["responses"].items():
                assert status == "default" or re.match(r"^[1-5]\d\d$", status), (path, status)
                assert isinstance(response.get("description"), str), (path, method, status)
            declared = {p["name"] for p in op.get("parameters", []) if p["in"] == "path"}
            assert declared == template_params, (path, method)
            if "requestBody" in op:
                assert method in {"post", "put", "patch", "delete"}, (path, method)
                assert "application/json" in op["requestBody"]["content"]


def test_views_match_what_the_server_sends(doc, dispatcher):
    """The declared view is the real one: every key sent is a property, every
    required property is sent."""
    r = dispatcher.post("/api/v1/customers", json={"name": unique("Schema"), "phone": "555-201-0142"})
    assert r.status_code == 201, r.text
    view = doc["components"]["schemas"]["CustomerView"]
    sent = r.json()
    assert set(sent) <= set(view["properties"])
    assert set(view["required"]) <= set(sent)
    listed = dispatcher.get("/api/v1/customers", params={"limit": 1}).json()
    assert set(listed) == {"items", "next_cursor"}
    assert set(view["required"]) <= set(listed["items"][0]) <= set(view["properties"])
