#pragma once
#include <string_view>

namespace bulwark {

// Strict UTF-8 (RFC 3629): no overlong forms, no surrogates, nothing above
// U+10FFFF. Fuzzed in tests/fuzz/fuzz_utf8.cpp against iconv's opinion.
bool is_valid_utf8(std::string_view text);

}  // namespace bulwark
