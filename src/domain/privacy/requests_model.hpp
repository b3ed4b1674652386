#pragma once
// The data-subject request log (GDPR Art. 12(3): one month; CCPA: 45 days)
// and the CCPA "do not sell or share" flag, described once.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::privacy {

inline constexpr std::array<std::string_view, 3> kRequestTypes{"access", "deletion", "opt_out"};
inline constexpr std::array<std::string_view, 2> kRegimes{"gdpr", "ccpa"};

struct NewPrivacyRequest {  // POST /api/v1/privacy-requests
  std::optional<std::int64_t> customer_id;
  resource::OneOf<kRequestTypes> type;
  resource::OneOf<kRegimes> regime;
  resource::Date received_on;
  std::optional<resource::Text<2000, 0>> notes;
};
BULWARK_RESOURCE(NewPrivacyRequest, customer_id, type, regime, received_on, notes)

struct PrivacyRequestView {
  std::int64_t id = 0;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_name;
  std::string type, regime, received_on, due_on, notes;
  bool overdue = false;  // open and due before today in the organization's zone
  std::optional<resource::Time> completed_at;
  std::optional<std::int64_t> completed_by;
  std::optional<std::string> completed_by_name;
  resource::Time created_at;
};
BULWARK_RESOURCE(PrivacyRequestView, id, customer_id, customer_name, type, regime, received_on,
                 due_on, notes, overdue, completed_at, completed_by, completed_by_name, created_at)

struct PrivacyRequestRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_name;
  std::string type, regime, received_on, due_on, notes;
  std::optional<std::int64_t> completed_at, completed_by;
  std::optional<std::string> completed_by_name;
  std::int64_t created_at = 0;
  std::optional<std::string> customer_row_key;  // customer_name is sealed with it
  std::optional<std::string> row_key;           // notes are sealed with it (NULL: plain)
};
BOOST_DESCRIBE_STRUCT(PrivacyRequestRow, (),
                      (id, customer_id, customer_name, type, regime, received_on, due_on, notes,
                       completed_at, completed_by, completed_by_name, created_at, customer_row_key,
                       row_key))

// CCPA "do not sell or share": set or cleared by the office.
inline constexpr std::array<std::string_view, 3> kDoNotSellSources{"office", "customer_request",
                                                                   "customer_email"};
struct DoNotSellChange {  // PUT /api/v1/customers/{id}/do-not-sell
  bool do_not_sell = false;
  resource::OneOf<kDoNotSellSources> source;
};
BULWARK_RESOURCE(DoNotSellChange, do_not_sell, source)

struct DoNotSellEvent {
  bool do_not_sell = false;
  std::string source;
  std::optional<std::int64_t> changed_by;
  std::optional<std::string> changed_by_name;
  resource::Time changed_at;
};
BULWARK_RESOURCE(DoNotSellEvent, do_not_sell, source, changed_by, changed_by_name, changed_at)

struct DoNotSellView {
  std::int64_t customer_id = 0;
  bool do_not_sell = false;
  std::vector<DoNotSellEvent> history;  // newest first
};
BULWARK_RESOURCE(DoNotSellView, customer_id, do_not_sell, history)

struct DoNotSellRow {
  std::int64_t do_not_sell = 0;
  std::string source;
  std::optional<std::int64_t> changed_by;
  std::optional<std::string> changed_by_name;
  std::int64_t changed_at = 0;
};
BOOST_DESCRIBE_STRUCT(DoNotSellRow, (),
                      (do_not_sell, source, changed_by, changed_by_name, changed_at))

}  // namespace bulwark::domain::privacy
