// What an attacker who can write the database controls: the bytes of a field
// envelope (issue 13 item 1). None of it may crash, and nothing but a real
// seal may decrypt: every input either fails as a value or opens to exactly
// what was sealed.
// scripts/fuzz.sh reads each directive as one line: clang-format must not wrap them.
// clang-format off
// fuzz-sources: src/crypto/field_cipher.cpp src/crypto/random.cpp
// fuzz-libs: -lcrypto
// clang-format on
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>

#include "crypto/field_cipher.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace bulwark::crypto;
  static const std::string key(32, 'k');
  static const std::string row_key(16, 'r');
  const std::string_view input(reinterpret_cast<const char*>(data), size);
  const FieldContext where{1, "customers", "name", row_key};
  auto lookup = [](std::uint32_t id) -> const std::string* { return id == 1 ? &key : nullptr; };
  if (auto parsed = parse_envelope(input)) {
    if (serialize_envelope(*parsed) != input) std::abort();  // parse and serialize agree
  }
  auto opened = open_field(lookup, where, input);
  if (opened) std::abort();  // random bytes authenticating would be a forgery
  // A sealed copy of the input round-trips.
  auto sealed = seal_field(key, 1, where, input);
  if (!sealed) std::abort();
  auto back = open_field(lookup, where, *sealed);
  if (!back || *back != input) std::abort();
  return 0;
}
