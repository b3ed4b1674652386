#pragma once
// Recurring customer service (issue 14 item 8): a plan per site ("septic
// pump-out every 36 months"), reminded to the customer a set number of days
// before it is due, and the customer's marketing consent that such a
// reminder needs (apart from consent to appointment texts).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::service_plans {

using resource::Date;
using resource::Int;
using resource::Name;
using resource::OneOf;
using resource::Text;
using resource::Time;
using resource::Version;

using Id = Int<1, INT64_MAX>;

struct NewServicePlan {  // POST /api/v1/service-plans
  Id site_id;
  Name<200> title;                                // "Septic pump-out"
  Int<1, 120> interval_months;                    // 36
  Date next_due_on;                               // the organization's date
  std::optional<Int<0, 365>> remind_days_before;  // 30
};
BULWARK_RESOURCE(NewServicePlan, site_id, title, interval_months, next_due_on, remind_days_before)

// PATCH /api/v1/service-plans/{id}: any of these, with the version read.
struct ServicePlanChange {
  std::optional<Name<200>> title;
  std::optional<Int<1, 120>> interval_months;
  std::optional<Date> next_due_on;
  std::optional<Int<0, 365>> remind_days_before;
  std::optional<bool> active;
  Version version;
};
BULWARK_RESOURCE(ServicePlanChange, title, interval_months, next_due_on, remind_days_before, active,
                 version)

// POST /api/v1/service-plans/{id}/serviced: the visit was done on `on`; the
// plan is next due interval_months later.
struct ServicedOn {
  Date on;
  Version version;
};
BULWARK_RESOURCE(ServicedOn, on, version)

inline constexpr std::array<std::string_view, 2> kChannels{"sms", "email"};

struct ServicePlanView {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string site_name;
  std::string site_address;
  std::optional<std::int64_t> customer_id;
  std::string customer_name;
  std::string title;
  std::int64_t interval_months = 0;
  std::string next_due_on;
  std::int64_t remind_days_before = 0;
  std::string remind_on;
  std::optional<std::string> reminded_for;  // the due date a reminder went out for
  // The channels it went by: "sms", "email", "sms,email"; "" when none could
  // (a number that texted STOP, no address); null before the first.
  std::optional<std::string> reminded_by;
  std::int64_t days_until_due = 0;  // negative: overdue
  bool marketing_sms = false;       // the customer agreed to reminder texts
  bool marketing_email = false;
  bool active = true;
  std::int64_t version = 1;
  Time created_at, updated_at;
};
BULWARK_RESOURCE(ServicePlanView, id, site_id, site_name, site_address, customer_id, customer_name,
                 title, interval_months, next_due_on, remind_days_before, remind_on, reminded_for,
                 reminded_by, days_until_due, marketing_sms, marketing_email, active, version,
                 created_at, updated_at)

// POST /api/v1/customers/{id}/marketing-consent: a decision, with how it was
// given ("signed service agreement 2026-12-01", "web form").
struct MarketingConsentChange {
  OneOf<kChannels> channel;
  bool granted = false;
  Name<200> source;
};
BULWARK_RESOURCE(MarketingConsentChange, channel, granted, source)

struct MarketingConsentEntry {
  std::string channel;
  bool granted = false;
  std::string source;
  std::optional<std::int64_t> recorded_by;
  Time recorded_at;
};
BULWARK_RESOURCE(MarketingConsentEntry, channel, granted, source, recorded_by, recorded_at)

struct MarketingConsent {
  bool sms = false, email = false;             // the latest decision per channel
  std::vector<MarketingConsentEntry> history;  // newest first
};
BULWARK_RESOURCE(MarketingConsent, sms, email, history)

}  // namespace bulwark::domain::service_plans
