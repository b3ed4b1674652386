"""The owner's first-run checklist (issue 14 item 9) and the settings it
points at: GET /api/v1/org/onboarding works each step out from what the
organization and the server have (never ticked by hand), and PATCH
/api/v1/org sets the Reply-To address and the labour rate (billing data:
left out for those who do not see prices)."""
from fixtures.people import admin, create_org, new_user_client
from fixtures.providers import provider_env, random_phone
from fixtures.server import error_of
from fixtures.work import created, new_customer, new_wo

ONBOARDING = "/api/v1/org/onboarding"


def steps(client):
    r = client.get(ONBOARDING)
    assert r.status_code == 200, r.text
    body = r.json()
    assert body["total"] == len(body["steps"]) == 7
    assert body["done_count"] == sum(1 for s in body["steps"] if s["done"])
    return {s["key"]: s for s in body["steps"]}


def test_a_new_organization_starts_with_nothing_done_and_plain_words(server):
    owner, _ = new_user_client(server, create_org(server), "owner")
    s = steps(owner)
    assert not any(step["done"] for step in s.values())
    for step in s.values():
        assert step["title"] and step["detail"] and step["path"].startswith("/")
        # Plain wording for the office: no environment-variable names.
        assert "BULWARK_" not in step["detail"] and "_URL" not in step["detail"]
    assert "Twilio" in s["texting"]["detail"] and "Stripe" in s["payments"]["detail"]


def test_each_step_turns_done_from_what_the_organization_does(make_server):
    sms_env = provider_env("http://127.0.0.1:9")
    server = make_server(extra_env={**sms_env, "BULWARK_SMTP_URL": "smtp://127.0.0.1:9",
                                    "BULWARK_MAIL_FROM": "dispatch@bulwark-mail.example"})
    slug = create_org(server)
    owner, _ = new_user_client(server, slug, "owner")
    s = steps(owner)
    # The server has Stripe: card payments are ready without the owner doing anything.
    assert s["payments"]["done"]
    assert not s["texting"]["done"] and "Messaging page" in s["texting"]["detail"]
    assert not s["email"]["done"] and "Organization page" in s["email"]["detail"]

    assert owner.patch("/api/v1/org", json={"time_zone": "America/Chicago"}).status_code == 200
    assert owner.patch("/api/v1/org",
                       json={"reply_to_email": "office@septic.example"}).status_code == 200
    created(owner.post("/api/v1/price-items", json={
        "name": "Pump-out", "kind": "service", "unit": "flat", "unit_price_cents": 27500}))
    admin(server, "set-sms-number", "--org", slug, "--number", random_phone(), "--unverified")
    new_user_client(server, slug, "dispatcher")
    new_wo(owner, customer_id=new_customer(owner)["id"])

    s = steps(owner)
    assert all(step["done"] for step in s.values()), s
    assert "America/Chicago" in s["time_zone"]["detail"]
    assert "office@septic.example" in s["email"]["detail"]
    assert "2 people" in s["team"]["detail"]
    # Undoing a step undoes its tick: the list is worked out, never stored.
    assert owner.patch("/api/v1/org", json={"reply_to_email": None}).status_code == 200
    assert not steps(owner)["email"]["done"]


def test_only_owners_and_admins_see_the_checklist_and_only_their_own(server):
    slug = create_org(server)
    for role in ["dispatcher", "technician", "viewer"]:
        client, _ = new_user_client(server, slug, role)
        assert client.get(ONBOARDING).status_code == 403, role
    admin_client, _ = new_user_client(server, slug, "admin")
    assert admin_client.get(ONBOARDING).status_code == 200
    # Another organization's work does not tick this one's steps.
    other, _ = new_user_client(server, create_org(server), "owner")
    new_wo(other, customer_id=new_customer(other)["id"])
    assert not steps(admin_client)["first_job"]["done"]


def test_the_labour_rate_is_set_by_the_office_and_hidden_from_technicians(server):
    slug = create_org(server)
    owner, _ = new_user_client(server, slug, "owner")
    tech, _ = new_user_client(server, slug, "technician")
    assert owner.get("/api/v1/org").json()["labour_rate_cents"] == 9500
    r = owner.patch("/api/v1/org", json={"labour_rate_cents": 12000})
    assert r.status_code == 200, r.text
    assert r.json()["labour_rate_cents"] == 12000
    # Billing data: a technician reads the time zone, never the rate.
    seen = tech.get("/api/v1/org").json()
    assert "labour_rate_cents" not in seen and seen["time_zone"] == "UTC"
    for bad in [-1, 100_000_001, "120", 12.5]:
        r = owner.patch("/api/v1/org", json={"labour_rate_cents": bad})
        assert r.status_code == 400, (bad, r.text)
    assert owner.get("/api/v1/org").json()["labour_rate_cents"] == 12000
    changed = [a for a in owner.get("/api/v1/audit").json()["items"]
               if a["action"] == "org.settings_changed"]
    assert changed and changed[0]["fields"] == ["labour_rate_cents"]


def test_the_reply_to_address_is_validated_and_nothing_half_changes(server):
    owner, _ = new_user_client(server, create_org(server), "owner")
    for bad in ["not an address", "@example.com", "x@example.com\r\nBcc: evil@example.com", "a" * 300]:
        r = owner.patch("/api/v1/org", json={"reply_to_email": bad, "time_zone": "Europe/Paris"})
        assert r.status_code == 400, (bad, r.text)
        assert "reply_to_email" in error_of(r)["fields"], bad
    # The valid time zone sent with a bad address was not applied either.
    org = owner.get("/api/v1/org").json()
    assert org["time_zone"] == "UTC" and org["reply_to_email"] is None
    r = owner.patch("/api/v1/org", json={"reply_to_email": "office@septic.example"})
    assert r.status_code == 200 and r.json()["reply_to_email"] == "office@septic.example"
    assert owner.patch("/api/v1/org", json={"unknown": 1}).status_code == 400
