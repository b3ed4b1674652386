"""The price book (issue 14 item 1): services and products with a unit and a
unit price in cents; work orders take line items from it, and the invoice
bills them instead of labour minutes."""
from fixtures.people import new_user_client, outsider, unique
from fixtures.server import error_of
from fixtures.work import complete, created, invoice_of, new_wo

BOOK = "/api/v1/price-items"


def new_item(client, **fields):
    body = {"kind": "service", "name": unique("Pump-out"), "unit": "flat",
            "unit_price_cents": 39500}
    body.update(fields)
    return created(client.post(BOOK, json=body))


def add_line(client, wo, item, quantity, **extra):
    return client.post(f"/api/v1/work-orders/{wo['id']}/parts",
                       json={"price_item_id": item["id"], "quantity": quantity, **extra})


def test_crud_and_search(dispatcher):
    name = unique("Disposal fee")
    item = new_item(dispatcher, name=name, unit="gallon", unit_price_cents=12, tax_class="exempt")
    assert item["unit"] == "gallon" and item["unit_price_cents"] == 12 and item["active"]
    assert item["tax_class"] == "exempt" and item["version"] == 1
    found = dispatcher.get(BOOK, params={"q": name[3:12].lower()}).json()["items"]
    assert [i["id"] for i in found] == [item["id"]]
    assert item["id"] not in [i["id"] for i in dispatcher.get(BOOK, params={"kind": "product"}).json()["items"]]
    r = dispatcher.patch(f"{BOOK}/{item['id']}", json={"unit_price_cents": 15, "tax_class": None,
                                                       "version": 1})
    assert r.status_code == 200, r.text
    assert r.json()["unit_price_cents"] == 15 and r.json()["tax_class"] is None
    assert r.json()["version"] == 2
    # A stale version is refused, and nothing changes.
    r = dispatcher.patch(f"{BOOK}/{item['id']}", json={"unit_price_cents": 99, "version": 1})
    assert r.status_code == 409 and error_of(r)["reason"] == "version_conflict"
    # The same name in another case is taken among active items.
    r = dispatcher.post(BOOK, json={"kind": "service", "name": name.upper(), "unit": "flat",
                                    "unit_price_cents": 1})
    assert r.status_code == 409 and error_of(r)["reason"] == "name_taken"
    r = dispatcher.post(f"{BOOK}/{item['id']}/archive", json={"version": 2})
    assert r.status_code == 200 and r.json()["active"] is False
    assert item["id"] not in [i["id"] for i in dispatcher.get(BOOK).json()["items"]]
    archived = dispatcher.get(BOOK, params={"active": "false"}).json()["items"]
    assert item["id"] in [i["id"] for i in archived]
    new_item(dispatcher, name=name)  # the name is free again


def test_bad_input_is_a_400(dispatcher):
    for body in [{"kind": "labour", "name": "x", "unit": "flat", "unit_price_cents": 1},
                 {"kind": "service", "name": "x", "unit": "litre", "unit_price_cents": 1},
                 {"kind": "service", "name": "x", "unit": "flat", "unit_price_cents": -1},
                 {"kind": "service", "name": "x", "unit": "flat", "unit_price_cents": 1.5},
                 {"kind": "service", "name": "  ", "unit": "flat", "unit_price_cents": 1}]:
        r = dispatcher.post(BOOK, json=body)
        assert r.status_code == 400, body
    assert dispatcher.get(BOOK, params={"active": "maybe"}).status_code == 400
    assert dispatcher.get(BOOK, params={"kind": "labour"}).status_code == 400


def test_permissions_per_role(server, org, owner, dispatcher, tech, viewer):
    item = new_item(owner)
    admin, _ = new_user_client(server, org, "admin")
    assert admin.patch(f"{BOOK}/{item['id']}", json={"name": unique("Trip"), "version": 1}).status_code == 200
    for reader in [tech, viewer]:
        assert reader.post(BOOK, json={"kind": "service", "name": unique("x"), "unit": "flat",
                                       "unit_price_cents": 1}).status_code == 403
        assert reader.patch(f"{BOOK}/{item['id']}", json={"version": 2}).status_code == 403
        assert reader.post(f"{BOOK}/{item['id']}/archive", json={"version": 2}).status_code == 403
    # Technicians pick items by name and unit; prices are the office's.
    seen = [i for i in tech.get(BOOK).json()["items"] if i["id"] == item["id"]]
    assert seen and "unit_price_cents" not in seen[0] and seen[0]["unit"] == "flat"
    assert "unit_price_cents" not in tech.get(f"{BOOK}/{item['id']}").json()
    assert viewer.get(f"{BOOK}/{item['id']}").status_code == 200
    assert dispatcher.get(f"{BOOK}/{item['id']}").json()["unit_price_cents"] == 39500


def test_another_orgs_item_is_a_404(server, dispatcher):
    item = new_item(dispatcher)
    other = outsider(server)
    assert other.get(f"{BOOK}/{item['id']}").status_code == 404
    assert other.patch(f"{BOOK}/{item['id']}", json={"name": "x", "version": 1}).status_code == 404
    assert other.post(f"{BOOK}/{item['id']}/archive", json={"version": 1}).status_code == 404
    assert item["id"] not in [i["id"] for i in other.get(BOOK).json()["items"]]
    wo = new_wo(other)
    r = add_line(other, wo, item, 1)
    assert r.status_code == 404, r.text


def test_a_pump_out_priced_from_the_book(dispatcher, tech):
    pump = new_item(dispatcher, name=unique("Pump-out"), unit_price_cents=39500)
    trip = new_item(dispatcher, name=unique("Trip fee"), unit_price_cents=7500)
    disposal = new_item(dispatcher, name=unique("Disposal"), unit="gallon", unit_price_cents=12)
    extra = new_item(dispatcher, name=unique("Additional gallons"), unit="gallon", unit_price_cents=35)
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    base = f"/api/v1/work-orders/{wo['id']}"
    tech.post(base + "/time", json={"minutes": 75})  # recorded, not billed
    r = add_line(tech, wo, pump, 1)
    assert r.status_code == 201, r.text
    line = r.json()
    assert line["name"] == pump["name"] and line["unit"] == "flat"
    assert line["price_item_id"] == pump["id"] and "unit_cost_cents" not in line
    assert add_line(tech, wo, disposal, 1050.5).status_code == 201
    assert add_line(tech, wo, extra, 50.5).status_code == 201
    assert add_line(dispatcher, wo, trip, 1).status_code == 201
    parts = dispatcher.get(base + "/details").json()["parts"]
    assert [p["unit_cost_cents"] for p in parts] == [39500, 12, 35, 7500]
    assert [p["unit"] for p in parts] == ["flat", "gallon", "gallon", "flat"]
    # The book's price changes later: the work order keeps what it was priced at.
    assert dispatcher.patch(f"{BOOK}/{pump['id']}",
                            json={"unit_price_cents": 45000, "version": 1}).status_code == 200
    inv = invoice_of(dispatcher, complete(dispatcher, wo))
    lines = [(l["description"], l["quantity"], l["unit_cents"], l["amount_cents"]) for l in inv["lines"]]
    # 1,050.5 gal x 12 = 12,606; 50.5 x 35 = 1,767.5 -> 1,768 (half away from zero).
    assert lines == [(pump["name"], 1, 39500, 39500), (disposal["name"], 1050.5, 12, 12606),
                     (extra["name"], 50.5, 35, 1768), (trip["name"], 1, 7500, 7500)]
    assert inv["total_cents"] == 39500 + 12606 + 1768 + 7500


def test_labour_through_an_hourly_item(dispatcher, tech):
    labour = new_item(dispatcher, name=unique("Labour"), unit="hour", unit_price_cents=9500)
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    tech.post(f"/api/v1/work-orders/{wo['id']}/time", json={"minutes": 90})
    assert add_line(tech, wo, labour, 1.5).status_code == 201
    inv = invoice_of(dispatcher, complete(dispatcher, wo))
    assert [l["amount_cents"] for l in inv["lines"]] == [14250]
    assert not any(l["description"].startswith("Labour (") for l in inv["lines"])


def test_a_technician_cannot_set_a_price(dispatcher, tech):
    item = new_item(dispatcher)
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    r = add_line(tech, wo, item, 1, unit_cost_cents=0)
    assert r.status_code == 403 and error_of(r)["reason"] == "technician_cannot_price"
    # The office neither renames nor reprices a book item while adding it
    # (it corrects the part afterwards, as any part).
    r = add_line(dispatcher, wo, item, 1, unit_cost_cents=100, name="Cheap")
    assert r.status_code == 400
    assert set(error_of(r)["fields"]) >= {"name", "unit_cost_cents"}
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/parts", json={"quantity": 1})
    assert r.status_code == 400 and "name" in error_of(r)["fields"]


def test_archived_items_cannot_be_added(dispatcher, tech):
    item = new_item(dispatcher)
    wo = new_wo(dispatcher, assignee_id=tech.user_id)
    assert add_line(tech, wo, item, 1).status_code == 201
    assert dispatcher.post(f"{BOOK}/{item['id']}/archive", json={"version": 1}).status_code == 200
    r = add_line(tech, wo, item, 1)
    assert r.status_code == 422 and error_of(r)["reason"] == "price_item_archived"
    # What was added stays on the work order, with its name and price.
    parts = dispatcher.get(f"/api/v1/work-orders/{wo['id']}/details").json()["parts"]
    assert [p["name"] for p in parts] == [item["name"]] and parts[0]["unit_cost_cents"] == 39500
    r = dispatcher.post(f"/api/v1/work-orders/{wo['id']}/parts",
                        json={"price_item_id": 999999999, "quantity": 1})
    assert r.status_code == 404
