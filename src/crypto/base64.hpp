#pragma once
// Base64 decoding into a caller's buffer (issue 13, "Measure"): a list page
// decodes 250 sealed fields, and one reused buffer per thread saves an
// allocation each. Same rules as from_base64 (crypto/random.hpp): both
// alphabets, padding optional; false on any other character.
#include <string>
#include <string_view>

namespace bulwark::crypto {

bool from_base64_into(std::string_view text, std::string& out);

}  // namespace bulwark::crypto
