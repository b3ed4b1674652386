#pragma once
// The service-plan reminder as an email (issue 14 item 8, CAN-SPAM): what
// it is about and the link to ask for a visit, who sends it (the
// organization's name and postal address; Bulwark has no postal address of
// an organization yet, and the footer says so rather than inventing one),
// why the customer gets it and how to stop it (the one-click unsubscribe
// page, filled in by the sender: mail/unsubscribe.hpp). Plain text and an
// HTML part made from the same words.
#include <optional>
#include <string>

#include "mail/outbox.hpp"

namespace bulwark::domain::service_plans {

struct ReminderFacts {
  std::string org_name;
  std::optional<std::string> org_postal_address;  // null: not recorded
  std::string customer_name;
  std::string service;    // the plan's title, "Septic pump-out"
  std::string site_name;  // "Farmhouse"
  std::string due_date;   // "Mon Mar 15, 2027", in the organization's zone
  std::string visit_link;
};

// kind "service_reminder", to_customer (so it carries List-Unsubscribe);
// the caller sets to_address, customer_id and the idempotency key.
mail::Message reminder_mail(const ReminderFacts& f);

}  // namespace bulwark::domain::service_plans
