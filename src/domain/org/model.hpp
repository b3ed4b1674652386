#pragma once
// The organization's own settings (GET/PATCH /api/v1/org): its time zone (the
// IANA name every local day and customer-facing time uses), the address
// customers' replies to its mail go to, the labour rate invoices bill time
// at (shown only to those who see prices), and its postal address.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::org {

using resource::Cents;
using resource::Omittable;
using resource::Patch;
using resource::Text;

struct OrgSettings {
  std::int64_t id = 0;
  std::string slug, name;
  std::string time_zone;                      // "America/New_York"
  std::optional<std::string> reply_to_email;  // null: replies go to the From address
  Omittable<std::int64_t> labour_rate_cents;  // per hour; billing data (invoices.manage)
  std::optional<std::string> logo_url;        // null: no logo on its documents
  // Printed in its marketing email's footer (CAN-SPAM); null: not recorded.
  std::optional<std::string> postal_address;
};
BULWARK_RESOURCE(OrgSettings, id, slug, name, time_zone, reply_to_email, labour_rate_cents,
                 logo_url, postal_address)

struct OrgChange {  // PATCH /api/v1/org
  std::optional<Text<64>> time_zone;
  Patch<Text<254>> reply_to_email;  // null clears it
  std::optional<Cents> labour_rate_cents;
  Patch<Text<300>> postal_address;  // null clears it
};
BULWARK_RESOURCE(OrgChange, time_zone, reply_to_email, labour_rate_cents, postal_address)

// The owner's first-run checklist (GET /api/v1/org/onboarding): each step is
// worked out from what the organization has, never ticked by hand, so it
// stays true when someone undoes a step.
struct OnboardingStep {
  std::string key;    // time_zone, prices, texting, payments, email, team, first_job
  std::string title;  // "Set your time zone"
  bool done = false;
  std::string detail;  // what is there now, or what to do, in plain words
  std::string path;    // the web page where it is done ("/settings")
};
BULWARK_RESOURCE(OnboardingStep, key, title, done, detail, path)

struct Onboarding {
  std::vector<OnboardingStep> steps;
  std::int64_t done_count = 0;
  std::int64_t total = 0;
};
BULWARK_RESOURCE(Onboarding, steps, done_count, total)

}  // namespace bulwark::domain::org
