// `bulwark admin mail test` and `mail reply-to` (issue 14 item 3): the
// operator checks the SMTP settings by queuing one message to an address of
// their choice (the jobs worker of a running `bulwark serve` sends it), and
// sets the address an organization's customers reply to.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/admin_commands.hpp"
#include "identity/clock.hpp"
#include "mail/message.hpp"
#include "mail/outbox.hpp"
#include "store/org_tx.hpp"

namespace bulwark::cli::admin {

namespace {

constexpr store::OrgSql kSetReplyTo("UPDATE orgs SET reply_to_email = $2 WHERE id = $1");

struct MailTestOptions {
  std::string org, to, subject, text;
  bool as_customer = false;
};

int mail_test(const MailTestOptions& o) {
  config::Config c;
  auto db = open_db(c);
  const auto org = require_org(*db, o.org);
  mail::Message m;
  m.kind = "test";
  m.to_address = o.to;
  m.subject = o.subject.empty() ? "Test message from " + org.name : o.subject;
  m.text = !o.text.empty() ? o.text
                           : "This is a test message from Bulwark for " + org.name + ", sent to " +
                                 o.to + " to check the mail settings.\nNothing needs to be done.\n";
  m.to_customer = o.as_customer;
  const auto id = store::transact(db.operator*(), [&](store::Connection& conn) {
    auto queued = mail::enqueue(conn, org.id, m, identity::now_ms());
    if (queued)
      audit::append(conn, cli_entry(org.id, "mail.test_queued", "email", std::to_string(*queued)));
    return queued;
  });
  if (!id) {
    if (id.error() == mail::QueueError::header_injection)
      throw Failure("the subject or address holds a line break; nothing was queued");
    if (id.error() == mail::QueueError::invalid_address)
      throw Failure("--to must be a plain address like someone@example.com");
    throw Failure("the message could not be queued (" + std::string(mail::to_string(id.error())) +
                  ")");
  }
  std::printf("queued test message %lld for %s to %s; %s\n", static_cast<long long>(*id),
              org.slug.c_str(), o.to.c_str(),
              c.smtp.configured()
                  ? "the jobs worker of a running `bulwark serve` sends it within seconds"
                  : "no SMTP relay is configured (BULWARK_SMTP_URL, BULWARK_MAIL_FROM): it waits "
                    "in the outbox until one is");
  return kOk;
}

int mail_reply_to(const std::string& slug, const std::string& address) {
  config::Config c;
  auto db = open_db(c);
  const auto org = require_org(*db, slug);
  if (!address.empty() && !mail::valid_address(address))
    throw Failure("--address must be a plain address like office@example.com");
  db->transaction([&](store::Connection& conn) {
    store::OrgTx tx(conn, org.id);
    tx.run(kSetReplyTo, address.empty() ? std::optional<std::string>() : address);
    auto entry = cli_entry(org.id, "org.reply_to_set", "org", std::to_string(org.id));
    entry.fields = {"reply_to_email"};
    audit::append(conn, entry);
  });
  std::printf("replies to %s's mail now go to %s\n", org.slug.c_str(),
              address.empty() ? "the From address" : address.c_str());
  return kOk;
}

}  // namespace

void register_mail(CLI::App& admin, const Chosen& chosen) {
  auto* mail = admin.add_subcommand("mail", "Email: check the SMTP settings, set Reply-To.");
  auto o = std::make_shared<MailTestOptions>();
  auto* test = mail->add_subcommand(
      "test", "Queue one test message from an organization to an address (sent by the server).");
  test->add_option("--org", o->org, "Organization slug")->required();
  test->add_option("--to", o->to, "The address to send the test to")->required();
  test->add_option("--subject", o->subject, "The subject (default: Test message from <org>)");
  test->add_option("--text", o->text, "The plain-text body (default: a short note)");
  test->add_flag("--as-customer", o->as_customer,
                 "Send it as customer mail (with List-Unsubscribe)");
  test->callback([chosen, o] { *chosen = [o] { return mail_test(*o); }; });
  auto r = std::make_shared<std::pair<std::string, std::string>>();
  auto* reply = mail->add_subcommand(
      "reply-to", "Set the address customers' replies go to (empty: the From address).");
  reply->add_option("--org", r->first, "Organization slug")->required();
  reply->add_option("--address", r->second, "The organization's own address")->required();
  reply->callback([chosen, r] { *chosen = [r] { return mail_reply_to(r->first, r->second); }; });
  mail->require_subcommand(1);
}

}  // namespace bulwark::cli::admin
