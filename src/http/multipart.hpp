#pragma once
// multipart/form-data (RFC 7578 over RFC 2046), our own: Boost has none. The
// body comes from anyone, so the parser is strict and small, refuses what is
// ambiguous (bare LF line ends, folded headers, a field sent twice, a missing
// close delimiter) rather than guessing, and is fuzzed
// (tests/fuzz/fuzz_multipart.cpp). Parts are views into the body: nothing is
// copied.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::http {

struct FormPart {
  std::string name;                     // the form field's name
  std::optional<std::string> filename;  // as the client sent it: display only, never trusted
  std::string content_type;             // as the client sent it: never trusted
  std::string_view body;                // a view into the request body
};

struct FormData {
  std::vector<FormPart> parts;
  std::string_view error;  // empty when parsed; else a reason such as "multipart_malformed"
  const FormPart* find(std::string_view name) const;
};

inline constexpr std::size_t kMaxFormParts = 16;
inline constexpr std::size_t kMaxPartHeaderBytes = 8 * 1024;

// The boundary parameter of a multipart/form-data Content-Type (quoted or
// not, 1 to 70 characters), or nullopt when the type is anything else.
std::optional<std::string> form_data_boundary(std::string_view content_type);

// Splits the body into its parts. Errors (FormData::error):
//   multipart_not_form_data   the Content-Type is not multipart/form-data with a boundary
//   multipart_malformed       no opening or closing delimiter, bad line ends, a
//                             folded or malformed header, no form-data name
//   multipart_header_too_large  a part's header section over kMaxPartHeaderBytes
//   multipart_too_many_parts  more than kMaxFormParts
//   multipart_duplicate_field the same field name twice
FormData parse_form_data(std::string_view content_type, std::string_view body);

}  // namespace bulwark::http
