// The service-plan reminder email (issue 14 item 8, CAN-SPAM): who sends it,
// the visit link, the honest postal-address line, escaped HTML, and the
// unsubscribe slot the sender fills (mail/unsubscribe.hpp).
#include <gtest/gtest.h>

#include "domain/service_plans/reminder_mail.hpp"
#include "mail/unsubscribe.hpp"

namespace {

using bulwark::domain::service_plans::reminder_mail;
using bulwark::domain::service_plans::ReminderFacts;

ReminderFacts facts() {
  return {.org_name = "Acme <Septic>",
          .org_postal_address = std::nullopt,
          .customer_name = "Pat",
          .service = "Septic pump-out",
          .site_name = "Farmhouse",
          .due_date = "Mon Mar 15, 2027",
          .visit_link = "https://b.example/r/abc"};
}

TEST(ServiceReminderMail, CAN_SPAM_names_sender_link_address_line_and_unsubscribe) {
  const auto m = reminder_mail(facts());
  EXPECT_EQ(m.kind, "service_reminder");
  EXPECT_TRUE(m.to_customer);
  EXPECT_FALSE(bulwark::mail::transactional(m.kind));  // so it carries List-Unsubscribe
  EXPECT_NE(m.text.find("https://b.example/r/abc"), std::string::npos);
  EXPECT_NE(m.text.find("Postal address: not on file"), std::string::npos);
  EXPECT_NE(m.text.find(bulwark::mail::kUnsubscribeSlot), std::string::npos);
  EXPECT_NE(m.html.find("Acme &lt;Septic&gt;"), std::string::npos);
  EXPECT_EQ(m.html.find("<Septic>"), std::string::npos);
  EXPECT_NE(m.html.find("href=\"https://b.example/r/abc\""), std::string::npos);
}

TEST(ServiceReminderMail, a_recorded_postal_address_is_printed) {
  auto f = facts();
  f.org_postal_address = "1 Main St, Springfield";
  const auto m = reminder_mail(f);
  EXPECT_NE(m.text.find("1 Main St, Springfield"), std::string::npos);
  EXPECT_EQ(m.text.find("not on file"), std::string::npos);
}

TEST(ServiceReminderMail, the_unsubscribe_slot_is_filled_everywhere) {
  using bulwark::mail::fill_unsubscribe_slot;
  EXPECT_EQ(fill_unsubscribe_slot("a {{unsubscribe_url}} b {{unsubscribe_url}}", "U"), "a U b U");
  EXPECT_EQ(fill_unsubscribe_slot("none", "U"), "none");
  // A URL holding the slot's text does not loop.
  EXPECT_EQ(fill_unsubscribe_slot("{{unsubscribe_url}}", "x{{unsubscribe_url}}"),
            "x{{unsubscribe_url}}");
}

}  // namespace
