#include "domain/service_plans/reminder_mail.hpp"

#include <fmt/format.h>

#include "core/html_escape.hpp"
#include "mail/unsubscribe.hpp"

namespace bulwark::domain::service_plans {

namespace {

using core::html_escape;

// Escaped, with the address's line breaks kept.
std::string escape_lines(std::string_view text) {
  std::string out;
  for (char c : html_escape(text)) out += c == '\n' ? std::string("<br>\n") : std::string(1, c);
  return out;
}

std::string postal_line(const ReminderFacts& f) {
  if (f.org_postal_address && !f.org_postal_address->empty()) return *f.org_postal_address;
  return "Postal address: not on file (" + f.org_name + " has not recorded one in Bulwark yet)";
}

}  // namespace

mail::Message reminder_mail(const ReminderFacts& f) {
  mail::Message m;
  m.kind = "service_reminder";
  m.to_customer = true;
  m.subject = fmt::format("{}: your {} is due {}", f.org_name, f.service, f.due_date);
  const auto greeting =
      f.customer_name.empty() ? std::string("Hello,") : fmt::format("Hello {},", f.customer_name);
  const auto postal = postal_line(f);
  const std::string slot(mail::kUnsubscribeSlot);
  m.text = fmt::format(
      "{}\n\n"
      "Your {} at {} is due on {}.\n\n"
      "To ask {} for a visit, use this link (no account needed):\n{}\n\n"
      "--\n{}\n{}\n\n"
      "This is a service reminder. You get it because you agreed to reminders by email "
      "from {}. To stop them, open:\n{}\n",
      greeting, f.service, f.site_name, f.due_date, f.org_name, f.visit_link, f.org_name, postal,
      f.org_name, slot);
  m.html = fmt::format(
      "<!DOCTYPE html>\n<html><body><div style=\"font-family: sans-serif\">"
      "<p>{}</p>\n<p>Your {} at {} is due on <strong>{}</strong>.</p>\n"
      "<p><a href=\"{}\">Ask {} for a visit</a> (no account needed).</p>\n"
      "<hr>\n<p style=\"font-size: small; color: #555\">{}<br>\n{}<br>\n"
      "This is a service reminder. You get it because you agreed to reminders by email from "
      "{}. <a href=\"{}\">Unsubscribe</a></p>\n</div></body></html>\n",
      html_escape(greeting), html_escape(f.service), html_escape(f.site_name),
      html_escape(f.due_date), html_escape(f.visit_link), html_escape(f.org_name),
      html_escape(f.org_name), escape_lines(postal), html_escape(f.org_name), slot);
  return m;
}

}  // namespace bulwark::domain::service_plans
