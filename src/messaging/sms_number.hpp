#pragma once
// An organization's SMS number: the Twilio number its customers text and
// its messages come from. One per organization, and no two organizations
// share one (the receiving number is how an inbound SMS finds its tenant).
// Only the operator assigns numbers (`bulwark admin set-sms-number`); an
// organization's admin can ask for one (domain/messaging: request_number).
#include <boost/describe/class.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace bulwark::messaging {

// Sets or replaces it, in the caller's transaction, and closes the
// organization's pending requests. `phone` is E.164; `verified` when the
// configured Twilio account was asked and owns it.
// Throws store::ConstraintViolation when another organization has it.
void set_org_sms_number(store::Connection& conn, std::int64_t org_id, const std::string& phone,
                        std::int64_t now_ms, bool verified = false);

struct SmsNumberRequest {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string org_slug;
  std::string requested_by_email;
  std::string area_code;
  std::string note;
  std::int64_t created_at = 0;
};
BOOST_DESCRIBE_STRUCT(SmsNumberRequest, (),
                      (id, org_id, org_slug, requested_by_email, area_code, note, created_at))

// Every organization's pending request, oldest first (for the operator).
std::vector<SmsNumberRequest> pending_sms_requests(store::Database& db);

}  // namespace bulwark::messaging
