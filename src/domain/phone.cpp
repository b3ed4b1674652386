#include "domain/phone.hpp"

namespace bulwark::domain {

std::optional<std::string> normalize_phone(std::string_view input) {
  std::string digits;
  bool plus = false;
  for (const char c : input) {
    if (c >= '0' && c <= '9')
      digits += c;
    else if (c == '+' && digits.empty() && !plus)
      plus = true;
    else if (c == ' ' || c == '-' || c == '.' || c == '(' || c == ')')
      continue;
    else
      return std::nullopt;
    if (digits.size() > 15) return std::nullopt;
  }
  if (plus) {
    if (digits.size() < 8 || digits[0] == '0') return std::nullopt;
    return "+" + digits;
  }
  if (digits.size() == 11 && digits[0] == '1') digits.erase(0, 1);
  // NANP: area code and exchange never start with 0 or 1.
  if (digits.size() != 10 || digits[0] < '2' || digits[3] < '2') return std::nullopt;
  return "+1" + digits;
}

}  // namespace bulwark::domain
