#include "messaging/sms_keywords.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <string>
#include <vector>

#include "messaging/reply_words.hpp"

namespace bulwark::messaging {

namespace {

// Sources:
//  CTIA  CTIA Messaging Principles and Best Practices (2023), 5.1.2:
//        STOP, QUIT, END, REVOKE, OPT OUT, CANCEL, UNSUBSCRIBE; HELP, INFO.
//  FCC   FCC 24-24, Report and Order on revoking consent under the TCPA
//        (2024): "stop", "quit", "end", "revoke", "opt out", "cancel",
//        "unsubscribe" in reply to a text are per se revocations, and any
//        reasonable means revokes (47 CFR 64.1200(a)(12)).
//  Twilio  Twilio's default opt-out handling on long codes
//        (twilio.com/docs/messaging/tutorials/advanced-opt-out): STOP,
//        UNSUBSCRIBE, END, QUIT, STOPALL, REVOKE, OPTOUT, CANCEL; opt-in START,
//        UNSTOP (and YES, which here confirms a visit instead); HELP, INFO.
constexpr std::array kTable = {
    KeywordPhrase{Keyword::opt_out, "stop", "CTIA, FCC 24-24, Twilio"},
    KeywordPhrase{Keyword::opt_out, "stopall", "Twilio"},
    KeywordPhrase{Keyword::opt_out, "unsubscribe", "CTIA, FCC 24-24, Twilio"},
    KeywordPhrase{Keyword::opt_out, "cancel", "CTIA, FCC 24-24, Twilio"},
    KeywordPhrase{Keyword::opt_out, "end", "CTIA, FCC 24-24, Twilio"},
    KeywordPhrase{Keyword::opt_out, "quit", "CTIA, FCC 24-24, Twilio"},
    KeywordPhrase{Keyword::opt_out, "revoke", "CTIA, FCC 24-24, Twilio"},
    KeywordPhrase{Keyword::opt_out, "opt out", "CTIA, FCC 24-24"},
    KeywordPhrase{Keyword::opt_out, "optout", "Twilio"},
    KeywordPhrase{Keyword::opt_in, "start", "Twilio"},
    KeywordPhrase{Keyword::opt_in, "unstop", "Twilio"},
    KeywordPhrase{Keyword::help, "help", "CTIA, Twilio"},
    KeywordPhrase{Keyword::help, "info", "CTIA, Twilio"},
    KeywordPhrase{Keyword::confirm, "yes", "Bulwark: confirms the next visit"},
    KeywordPhrase{Keyword::confirm, "y", "Bulwark: confirms the next visit"},
};

// Courtesy words before an opt-out keyword ("please stop").
constexpr std::array<std::string_view, 3> kCourtesy = {"please", "pls", "plz"};

// The words Twilio's Advanced Opt-Out matches itself (whole body, ASCII).
constexpr std::array<std::string_view, 8> kTwilioOptOut = {
    "STOP", "UNSUBSCRIBE", "END", "QUIT", "STOPALL", "REVOKE", "OPTOUT", "CANCEL"};

std::vector<std::string_view> split_phrase(std::string_view phrase) {
  std::vector<std::string_view> out;
  while (!phrase.empty()) {
    const auto space = phrase.find(' ');
    out.push_back(phrase.substr(0, space));
    if (space == std::string_view::npos) break;
    phrase.remove_prefix(space + 1);
  }
  return out;
}

// Whether `words` from `start` begin with the phrase.
bool starts_with_phrase(const std::vector<std::string>& words, std::size_t start,
                        std::string_view phrase) {
  const auto parts = split_phrase(phrase);
  if (words.size() - start < parts.size()) return false;
  for (std::size_t i = 0; i < parts.size(); ++i)
    if (words[start + i] != parts[i]) return false;
  return true;
}

bool is_phrase(const std::vector<std::string>& words, std::string_view phrase) {
  return split_phrase(phrase).size() == words.size() && starts_with_phrase(words, 0, phrase);
}

}  // namespace

std::span<const KeywordPhrase> keyword_table() { return kTable; }

Keyword classify_inbound(std::string_view body) {
  const auto words = reply_words(body);
  if (words.empty()) return Keyword::none;
  if (words.size() <= kMaxShortReplyWords) {
    std::size_t first = 0;
    while (first < words.size() && std::ranges::find(kCourtesy, words[first]) != kCourtesy.end())
      ++first;
    for (const auto& k : kTable)
      if (k.keyword == Keyword::opt_out && starts_with_phrase(words, first, k.phrase))
        return Keyword::opt_out;
  }
  for (const auto& k : kTable)
    if (k.keyword != Keyword::opt_out && is_phrase(words, k.phrase)) return k.keyword;
  return Keyword::none;
}

bool twilio_handles_opt_out(std::string_view body) {
  auto is_space = [](unsigned char c) { return std::isspace(c) != 0; };
  while (!body.empty() && is_space(body.front())) body.remove_prefix(1);
  while (!body.empty() && is_space(body.back())) body.remove_suffix(1);
  std::string word(body);
  std::ranges::transform(word, word.begin(), [](unsigned char c) { return std::toupper(c); });
  return std::ranges::find(kTwilioOptOut, word) != kTwilioOptOut.end();
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
