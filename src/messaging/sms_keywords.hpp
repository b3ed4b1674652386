#pragma once
// What an inbound SMS asks for. The words are one table (sms_keywords.cpp)
// with where each comes from; replies are compared word by word after
// reply_words() (NFKC, case folding, punctuation dropped), so "ＳＴＯＰ",
// "Stop!!!" and "opt-out" count.
//
// Opt-out wins over everything: a short reply (at most kMaxShortReplyWords
// words) whose first word or words are an opt-out keyword is an opt-out
// ("stop please", "Stop texting me", "please STOP"). Opting back in, HELP and
// YES count only as the whole message, as carriers match them: a customer is
// never opted in, or a visit confirmed, by a sentence that happens to start
// with the word.
#include <span>
#include <string_view>

namespace bulwark::messaging {

enum class Keyword { opt_out, opt_in, help, confirm, none };

struct KeywordPhrase {
  Keyword keyword;
  std::string_view phrase;  // lower case, words separated by one space
  std::string_view source;  // who names it
};

// Longest reply still read as a keyword reply. Longer messages are
// conversation ("stop by at 3, the gate code is 1234"); the office reads
// every inbound message in the customer's thread and records an opt-out a
// customer wrote in their own words (PATCH sms_opt_out).
inline constexpr std::size_t kMaxShortReplyWords = 4;

std::span<const KeywordPhrase> keyword_table();

Keyword classify_inbound(std::string_view body);
std::string_view keyword_name(Keyword k);

// True when Twilio's Advanced Opt-Out acts on this body by itself (one of its
// default keywords as the whole message, ASCII, any case, trimmed) and sends
// the carrier's confirmation; otherwise the opt-out is ours alone to confirm.
bool twilio_handles_opt_out(std::string_view body);

}  // namespace bulwark::messaging
