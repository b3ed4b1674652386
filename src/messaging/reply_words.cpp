#include "messaging/reply_words.hpp"

#include <utf8proc.h>

#include <cstdlib>
#include <memory>

namespace bulwark::messaging {

namespace {

bool is_word_codepoint(utf8proc_int32_t cp) {
  switch (utf8proc_category(cp)) {
    case UTF8PROC_CATEGORY_LU:
    case UTF8PROC_CATEGORY_LL:
    case UTF8PROC_CATEGORY_LT:
    case UTF8PROC_CATEGORY_LM:
    case UTF8PROC_CATEGORY_LO:
    case UTF8PROC_CATEGORY_MN:
    case UTF8PROC_CATEGORY_MC:
    case UTF8PROC_CATEGORY_ME:
    case UTF8PROC_CATEGORY_ND:
    case UTF8PROC_CATEGORY_NL:
    case UTF8PROC_CATEGORY_NO: return true;
    default: return false;
  }
}

std::vector<std::string> ascii_words(std::string_view body) {
  std::vector<std::string> words;
  std::string word;
  for (unsigned char c : body) {
    const bool alnum = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
    if (alnum) {
      word.push_back(static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace

std::vector<std::string> reply_words(std::string_view body) {
  utf8proc_uint8_t* mapped = nullptr;
  const auto length = utf8proc_map(
      reinterpret_cast<const utf8proc_uint8_t*>(body.data()),
      static_cast<utf8proc_ssize_t>(body.size()), &mapped,
      static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE | UTF8PROC_COMPAT |
                                     UTF8PROC_CASEFOLD | UTF8PROC_IGNORE));
  if (length < 0) return ascii_words(body);  // mapped is not allocated on error
  const std::unique_ptr<utf8proc_uint8_t, decltype(&std::free)> owner(mapped, &std::free);
  std::vector<std::string> words;
  std::string word;
  for (utf8proc_ssize_t i = 0; i < length;) {
    utf8proc_int32_t cp = 0;
    const auto n = utf8proc_iterate(mapped + i, length - i, &cp);
    if (n <= 0) break;  // cannot happen: utf8proc_map wrote valid UTF-8
    if (is_word_codepoint(cp)) {
      word.append(reinterpret_cast<const char*>(mapped + i), static_cast<std::size_t>(n));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
    i += n;
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

}  // namespace bulwark::messaging
