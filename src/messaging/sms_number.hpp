#pragma once
// An organization's SMS number: the Twilio number its customers text and
// its messages come from. One per organization, and no two organizations
// share one (the receiving number is how an inbound SMS finds its tenant).
#include <cstdint>
#include <string>

#include "store/database.hpp"

namespace bulwark::messaging {

// Sets or replaces it, in the caller's transaction. `phone` is E.164.
// Throws store::ConstraintViolation when another organization has it.
void set_org_sms_number(store::Connection& conn, std::int64_t org_id, const std::string& phone,
                        std::int64_t now_ms);

}  // namespace bulwark::messaging
