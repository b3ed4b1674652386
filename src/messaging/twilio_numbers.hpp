#pragma once
// Whether a phone number belongs to the configured Twilio account: Twilio's
// IncomingPhoneNumbers list filtered by PhoneNumber. The operator's
// set-sms-number asks before assigning a number to an organization, so an
// organization cannot be given (and receive the STOPs of) a number the
// account does not own.
#include <string>

#include "config/config.hpp"

namespace bulwark::messaging {

enum class NumberOwnership { owned, not_owned, unreachable };

struct NumberCheck {
  NumberOwnership ownership;
  std::string detail;  // for the operator: HTTP status or transport error, never credentials
};

NumberCheck check_twilio_number(const config::Config& config, const std::string& phone_e164);

}  // namespace bulwark::messaging
