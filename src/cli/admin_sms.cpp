// `bulwark admin set-sms-number` and `sms-numbers`: the operator assigns the
// Twilio numbers organizations text from, and sees what is assigned and
// what admins have asked for.
#include <CLI/CLI.hpp>
#include <cstdio>

#include "cli/admin_commands.hpp"
#include "domain/phone.hpp"
#include "identity/clock.hpp"
#include "messaging/sms_number.hpp"
#include "messaging/twilio_numbers.hpp"

namespace bulwark::cli::admin {

namespace {

// The operator's view: every organization's number.
constexpr store::CrossTenantSql kEveryNumber(
    "SELECT o.slug, n.phone, n.verified FROM org_sms_numbers n "
    "JOIN orgs o ON o.id = n.org_id ORDER BY o.slug");

struct SmsNumberOptions {
  std::string org, phone;
  bool unverified = false;
};

// Numbers are the operator's to assign: an organization given a number
// receives its inbound texts, STOPs included. With Twilio credentials the
// number must be in that account; without them (demo data, a number set up
// before the credentials) only with --unverified.
int set_sms_number(const SmsNumberOptions& o) {
  config::Config c;
  auto db = open_db(c);
  auto org = require_org(*db, o.org);
  auto phone = domain::normalize_phone(o.phone);
  if (!phone) throw Failure("--number must be a phone number in E.164 (+15551234567)");
  bool verified = false;
  if (!o.unverified) {
    if (!c.twilio_configured())
      throw Failure(
          "no Twilio credentials are configured (BULWARK_TWILIO_ACCOUNT_SID, "
          "BULWARK_TWILIO_AUTH_TOKEN), so the number cannot be checked against the "
          "account; pass --unverified to assign it anyway (demo data)");
    std::fprintf(stderr, "checking %s in Twilio account %s ...\n", phone->c_str(),
                 c.twilio_account_sid.c_str());
    const auto check = messaging::check_twilio_number(c, *phone);
    if (check.ownership == messaging::NumberOwnership::unreachable)
      throw Failure("could not ask Twilio whether the account owns the number (" + check.detail +
                    "); nothing was changed");
    if (check.ownership == messaging::NumberOwnership::not_owned)
      throw Failure("the Twilio account " + c.twilio_account_sid + " has no number " + *phone +
                    "; nothing was changed");
    verified = true;
  }
  try {
    db->transaction([&](store::Connection& conn) {
      messaging::set_org_sms_number(conn, org.id, *phone, identity::now_ms(), verified);
      auto entry =
          cli_entry(org.id, verified ? "org.sms_number_set" : "org.sms_number_set_unverified",
                    "org", std::to_string(org.id));
      entry.fields = {"sms_number"};
      audit::append(conn, entry);
    });
  } catch (const store::ConstraintViolation&) {
    throw Failure("another organization already uses this number");
  }
  std::printf("organization %s now sends and receives SMS on %s (%s)\n", org.slug.c_str(),
              phone->c_str(), verified ? "verified in the Twilio account" : "unverified");
  return kOk;
}

// What the operator has to act on: every organization's number and whether
// it was verified, and the numbers admins asked for.
int sms_numbers() {
  config::Config c;
  auto db = open_db(c);
  std::printf("%-24s %-16s %s\n", "organization", "number", "state");
  for (const auto& r : db->query(kEveryNumber).rows)
    std::printf("%-24s %-16s %s\n", r.text(0).c_str(), r.text(1).c_str(),
                r.integer(2) ? "verified" : "UNVERIFIED (assigned without a Twilio check)");
  const auto requests = messaging::pending_sms_requests(*db);
  std::printf("\n%zu pending request(s)\n", requests.size());
  for (const auto& q : requests)
    std::printf("  %-22s by %-32s area code %-5s %s\n", q.org_slug.c_str(),
                q.requested_by_email.c_str(), q.area_code.empty() ? "any" : q.area_code.c_str(),
                q.note.c_str());
  return kOk;
}

}  // namespace

void register_set_sms_number(CLI::App& admin, const Chosen& chosen) {
  auto o = std::make_shared<SmsNumberOptions>();
  auto* c = add_command(admin, chosen, "set-sms-number",
                        "Assign the Twilio number an organization's customers text (E.164); "
                        "checked against the configured Twilio account.",
                        [o] { return set_sms_number(*o); });
  c->add_option("--org", o->org, "Organization slug")->required();
  c->add_option("--number", o->phone, "The Twilio phone number, e.g. +15551234567")->required();
  c->add_flag("--unverified", o->unverified,
              "Assign without checking the Twilio account (demo data, or no credentials yet)");
}

void register_sms_numbers(CLI::App& admin, const Chosen& chosen) {
  add_command(admin, chosen, "sms-numbers",
              "List every organization's SMS number (verified or not) and the numbers "
              "admins have requested.",
              [] { return sms_numbers(); });
}

}  // namespace bulwark::cli::admin
