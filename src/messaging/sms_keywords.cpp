#include "messaging/sms_keywords.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>

namespace bulwark::messaging {

Keyword classify_inbound(std::string_view body) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!body.empty() && is_space(body.front())) body.remove_prefix(1);
  while (!body.empty() && is_space(body.back())) body.remove_suffix(1);
  while (!body.empty() && (body.back() == '.' || body.back() == '!')) body.remove_suffix(1);
  if (body.size() > 16) return Keyword::none;
  std::string word(body);
  std::ranges::transform(word, word.begin(), [](unsigned char c) { return std::toupper(c); });
  constexpr std::array<std::string_view, 6> kOptOut = {"STOP", "STOPALL", "UNSUBSCRIBE",
                                                       "CANCEL", "END", "QUIT"};
  constexpr std::array<std::string_view, 2> kOptIn = {"START", "UNSTOP"};
  if (std::ranges::find(kOptOut, word) != kOptOut.end()) return Keyword::opt_out;
  if (std::ranges::find(kOptIn, word) != kOptIn.end()) return Keyword::opt_in;
  if (word == "HELP" || word == "INFO") return Keyword::help;
  if (word == "YES" || word == "Y") return Keyword::confirm;
  return Keyword::none;
}

std::string_view keyword_name(Keyword k) {
  switch (k) {
    case Keyword::opt_out: return "opt_out";
    case Keyword::opt_in: return "opt_in";
    case Keyword::help: return "help";
    case Keyword::confirm: return "confirm";
    case Keyword::none: return "message";
  }
  return "message";
}

}  // namespace bulwark::messaging
