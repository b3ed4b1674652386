#pragma once
// Phone numbers are stored in E.164 ("+15551234567"), so a customer is found
// by the number Twilio reports however it was typed in.
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::domain {

// Accepts "+<country><number>" (8-15 digits) with spaces, dots, dashes and
// parentheses, and North American 10-digit or 1+10-digit numbers (the
// default region). Returns nullopt for anything else.
std::optional<std::string> normalize_phone(std::string_view input);

}  // namespace bulwark::domain
