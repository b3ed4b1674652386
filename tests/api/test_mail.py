"""Email (issue 14 item 3): `bulwark admin mail test` queues a message in the
email outbox, the jobs worker sends it over SMTP with libcurl, and a real SMTP
server on loopback (aiosmtpd, fixtures/smtp_sink.py) reads what arrives:
STARTTLS with a certificate made at test time and verified against it, AUTH,
the headers (From, Reply-To, List-Unsubscribe, an RFC 2047 subject), both
MIME parts, a lone '.' line (curl's dot-stuffing), a 451 retried and a 550
given up."""
import secrets
import subprocess
import time

from fixtures.database import db_query
from fixtures.mail import make_sink, mail_env  # noqa: F401 (make_sink is a fixture)
from fixtures.people import admin, create_org, unique
from fixtures.server import BIN

SMTP_PASSWORD = "smtp-pw-" + secrets.token_hex(12)


def outbox(server, slug):
    """(status, attempts, last_error, to_address) of the org's mail, newest first."""
    return db_query(server, "SELECT m.status, m.attempts, m.last_error, m.to_address "
                            "FROM email_outbox m JOIN orgs o ON o.id = m.org_id "
                            f"WHERE o.slug = '{slug}' ORDER BY m.id DESC")


def wait_status(server, slug, status, timeout=20):
    deadline = time.time() + timeout
    while time.time() < deadline:
        rows = outbox(server, slug)
        if rows and rows[0][0] == status:
            return rows[0]
        time.sleep(0.1)
    raise AssertionError(f"the message never became {status}: {outbox(server, slug)}")


def show_config(env):
    return subprocess.run([BIN, "admin", "show-config"], env=env, capture_output=True,
                          text=True, timeout=30)


def test_mail_starttls_auth_headers_both_parts_and_dot_line_ISSUE14_3(make_server, make_sink):
    sink = make_sink(tls=True, auth=f"mailer:{SMTP_PASSWORD}")
    server = make_server(extra_env=mail_env(sink, BULWARK_SMTP_USER="mailer",
                                            BULWARK_SMTP_PASSWORD=SMTP_PASSWORD))
    slug, name = unique("mail"), "Klärwerk Müller & Söhne"
    admin(server, "create-org", "--slug", slug, "--name", name, "--time-zone", "Europe/Berlin")
    admin(server, "mail", "reply-to", "--org", slug, "--address", "office@klaerwerk.example")
    tag = secrets.token_hex(4)
    to = f"pat-{tag}@customer.example"
    subject = f"Abholung am Dienstag ✓ Grüße {tag} " + "und mehr " * 8
    text = ("Hello Pat,\n.\nThe line above is a lone dot.\n" + "long " * 400 + "\n"
            "Grüße ✓ <b>not markup</b>\n")
    p = admin(server, "mail", "test", "--org", slug, "--to", to, "--subject", subject,
              "--text", text, "--as-customer")
    assert "queued test message" in p.stdout
    m = sink.wait_for_message(to)
    assert m["tls"] is True and m["login"] == "mailer"
    assert m["mail_from"] == "dispatch@bulwark-mail.example" and m["rcpt_tos"] == [to]
    e = m["email"]
    sender = e["From"].addresses[0]
    assert (sender.display_name, sender.addr_spec) == (name, "dispatch@bulwark-mail.example")
    assert e["Reply-To"].addresses[0].addr_spec == "office@klaerwerk.example"
    assert e["To"].addresses[0].addr_spec == to
    assert str(e["Subject"]) == subject
    assert e["List-Unsubscribe"] == "<mailto:office@klaerwerk.example?subject=unsubscribe>"
    assert e["Date"].datetime is not None
    assert e["Message-ID"].endswith("@bulwark-mail.example>")
    assert e.get_content_type() == "multipart/alternative"
    assert [part.get_content_type() for part in e.iter_parts()] == ["text/plain", "text/html"]
    assert e.get_body(("plain",)).get_content().replace("\r\n", "\n") == text
    html = e.get_body(("html",)).get_content()
    assert "Hello Pat,<br>" in html and "&lt;b&gt;not markup&lt;/b&gt;" in html
    # The lone '.' line arrived as a line (curl stuffed it, the server unstuffed it);
    # the raw message is ASCII with lines of at most 78 characters.
    assert b"\r\n.\r\n" in m["raw"]
    long_lines = [line for line in m["raw"].split(b"\r\n") if len(line) > 78]
    assert long_lines == []
    status, attempts, error, stored = wait_status(server, slug, "sent")
    assert int(attempts) == 1 and error in (None, "")
    assert to not in stored  # sealed at rest
    # The password is in neither the log nor show-config; the address not in the log.
    log = server.log_text()
    assert SMTP_PASSWORD not in log and to not in log
    shown = show_config(server.env)
    assert shown.returncode == 0, shown.stderr
    assert SMTP_PASSWORD not in shown.stdout + shown.stderr
    lines = {line.split()[0]: line for line in shown.stdout.splitlines() if line.strip()}
    assert lines["BULWARK_SMTP_PASSWORD"].split()[1] == "(set)"
    assert "STARTTLS when offered" in lines["BULWARK_SMTP_URL"]


def test_mail_plain_loopback_451_is_retried_then_delivered_ISSUE14_3(make_server, make_sink):
    sink = make_sink()  # no TLS: allowed to a loopback relay only
    server = make_server(extra_env=mail_env(sink))
    slug = create_org(server)
    to = f"later-{secrets.token_hex(4)}@customer.example"
    admin(server, "mail", "test", "--org", slug, "--to", to)
    m = sink.wait_for_message(to)
    assert m["tls"] is False
    assert [a["answer"] for a in sink.attempts(to)] == [451, 250]
    e = m["email"]
    assert e["From"].addresses[0].display_name == f"Org {slug}"
    assert e["Reply-To"] is None and e["List-Unsubscribe"] is None  # not customer mail
    assert f"sent to {to}" in e.get_body(("plain",)).get_content()
    status, attempts, error, _ = wait_status(server, slug, "sent")
    assert int(attempts) == 2


def test_mail_550_fails_without_retrying_ISSUE14_3(make_server, make_sink):
    sink = make_sink()
    server = make_server(extra_env=mail_env(sink))
    slug = create_org(server)
    to = f"reject-{secrets.token_hex(4)}@customer.example"
    admin(server, "mail", "test", "--org", slug, "--to", to)
    status, attempts, error, _ = wait_status(server, slug, "failed")
    assert error == "smtp_550" and int(attempts) == 1
    time.sleep(2)  # ten back-off periods: nothing more is tried
    assert [a["answer"] for a in sink.attempts(to)] == [550]
    assert sink.messages(to) == []
    log = server.log_text()
    assert "smtp_550" in log and to not in log


def test_mail_smtps_is_tls_from_the_first_byte_ISSUE14_3(make_server, make_sink):
    sink = make_sink(tls=True, implicit=True)
    server = make_server(extra_env=mail_env(sink))
    slug = create_org(server)
    to = f"pat-{secrets.token_hex(4)}@customer.example"
    admin(server, "mail", "test", "--org", slug, "--to", to)
    assert sink.wait_for_message(to)["tls"] is True
    wait_status(server, slug, "sent")


def test_mail_certificate_not_trusted_is_not_sent_and_retried_ISSUE14_3(make_server, make_sink):
    sink = make_sink(tls=True)
    # No BULWARK_SMTP_CA_FILE: the throwaway certificate is not trusted, and
    # there is no switch to skip the check.
    server = make_server(extra_env=mail_env(sink, BULWARK_SMTP_CA_FILE=""))
    slug = create_org(server)
    to = f"pat-{secrets.token_hex(4)}@customer.example"
    admin(server, "mail", "test", "--org", slug, "--to", to)
    deadline = time.time() + 20
    while time.time() < deadline and not (outbox(server, slug)[0][2] or ""):
        time.sleep(0.1)
    status, attempts, error, _ = outbox(server, slug)[0]
    assert (status, error) == ("queued", "smtp_tls")
    assert sink.messages(to) == [] and sink.attempts(to) == []


def test_mail_waits_in_the_outbox_until_smtp_is_configured_ISSUE14_3(make_server, make_sink):
    first = make_server()
    slug = create_org(first)
    to = f"pat-{secrets.token_hex(4)}@customer.example"
    p = admin(first, "mail", "test", "--org", slug, "--to", to)
    assert "waits in the outbox" in p.stdout
    time.sleep(0.5)
    assert outbox(first, slug)[0][:2] in [("queued", 0), ("queued", "0")]
    first.stop()
    sink = make_sink()
    make_server(data_dir=first.data_dir, extra_env=mail_env(sink))
    sink.wait_for_message(to)


def test_mail_header_injection_and_bad_addresses_are_refused_ISSUE14_3(server):
    slug = create_org(server)
    for args in (["--to", "pat@example.com", "--subject", "Hi\r\nBcc: eve@example.com"],
                 ["--to", "pat@example.com\r\nBcc: eve@example.com"],
                 ["--to", "Pat <pat@example.com>"],
                 ["--to", "pat@example.com, eve@example.com"]):
        p = admin(server, "mail", "test", "--org", slug, *args, check=False)
        assert p.returncode == 2, (args, p.stdout, p.stderr)
    assert outbox(server, slug) == []
    p = admin(server, "mail", "reply-to", "--org", slug, "--address", "a@b.example\nBcc: x",
              check=False)
    assert p.returncode == 2


def test_mail_settings_are_checked_ISSUE14_3(server, tmp_path):
    base = {k: v for k, v in server.env.items() if not k.startswith("BULWARK_SMTP")}
    for bad, expect in (
            ({"BULWARK_SMTP_URL": "http://127.0.0.1:25", "BULWARK_MAIL_FROM": "a@b.example"},
             "BULWARK_SMTP_URL"),
            ({"BULWARK_SMTP_URL": "smtp://user:pw@mail.example", "BULWARK_MAIL_FROM": "a@b.example"},
             "BULWARK_SMTP_USER"),
            ({"BULWARK_SMTP_URL": "smtps://mail.example"}, "BULWARK_MAIL_FROM"),
            ({"BULWARK_SMTP_URL": "smtps://mail.example", "BULWARK_MAIL_FROM": "Office <a@b.example>"},
             "BULWARK_MAIL_FROM"),
            ({"BULWARK_SMTP_URL": "smtps://mail.example", "BULWARK_MAIL_FROM": "a@b.example",
              "BULWARK_SMTP_USER": "u", "BULWARK_SMTP_PASSWORD": "p",
              "BULWARK_SMTP_PASSWORD_FILE": str(tmp_path / "pw")}, "only one")):
        p = show_config({**base, **bad})
        assert p.returncode != 0 and expect in p.stderr, (bad, p.stderr)
        assert "pw@" not in p.stderr
    secret_file = tmp_path / "smtp-password"
    secret_file.write_text(SMTP_PASSWORD + "\n")
    p = show_config({**base, "BULWARK_SMTP_URL": "smtp://mail.example:587",
                     "BULWARK_MAIL_FROM": "a@b.example", "BULWARK_SMTP_USER": "u",
                     "BULWARK_SMTP_PASSWORD_FILE": str(secret_file)})
    assert p.returncode == 0, p.stderr
    assert SMTP_PASSWORD not in p.stdout
    assert "STARTTLS required, certificate verified" in p.stdout
    assert "(set)" in next(l for l in p.stdout.splitlines() if l.startswith("BULWARK_SMTP_PASSWORD "))
