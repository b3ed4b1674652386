// An inbound SMS body is anyone's bytes: the NFKC normaliser and the keyword
// matcher must not crash on them, words are never empty, and normalising
// the normalised words again changes nothing.
// fuzz-sources: src/messaging/reply_words.cpp src/messaging/sms_keywords.cpp
// fuzz-libs: -lutf8proc
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "messaging/reply_words.hpp"
#include "messaging/sms_keywords.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size > 4096) return 0;
  std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto words = bulwark::messaging::reply_words(text);
  std::string joined;
  for (const auto& w : words) {
    if (w.empty()) std::abort();
    if (!joined.empty()) joined.push_back(' ');
    joined += w;
  }
  if (bulwark::messaging::reply_words(joined) != words) std::abort();
  (void)bulwark::messaging::classify_inbound(text);
  (void)bulwark::messaging::twilio_handles_opt_out(text);
  return 0;
}
