#include "http/framing.hpp"

#include <algorithm>
#include <charconv>
#include <cstdint>
#include <string>

#include "http/header_text.hpp"

namespace bulwark::http {

namespace {

// RFC 9110 §5.6.2 tchar.
bool is_tchar(char c) {
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return true;
  return std::string_view("!#$%&'*+-.^_`|~").find(c) != std::string_view::npos;
}

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           auto lower = [](char c) { return (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c; };
           return lower(x) == lower(y);
         });
}

// Splits every field value on commas; empty list elements are allowed by the
// list syntax (RFC 9110 §5.6.1) and skipped.
std::vector<std::string_view> list_elements(const std::vector<std::string_view>& fields) {
  std::vector<std::string_view> out;
  for (auto value : fields) {
    std::size_t start = 0;
    while (start <= value.size()) {
      auto comma = value.find(',', start);
      if (comma == std::string_view::npos) comma = value.size();
      if (auto element = trim_ows(value.substr(start, comma - start)); !element.empty())
        out.push_back(element);
      start = comma + 1;
    }
  }
  return out;
}

ApiError bad(const std::string& message, std::string_view reason) {
  return ApiError(ErrorCode::bad_request, message, std::string(reason));
}

std::optional<ApiError> transfer_encoding_error(const FramingHeaders& h) {
  if (h.version < 11)
    return bad("an HTTP/1.0 request cannot carry Transfer-Encoding", kTransferEncodingInvalid);
  if (!h.content_length.empty())
    return bad("Transfer-Encoding and Content-Length together are ambiguous",
               kTransferEncodingWithContentLength);
  const auto codings = list_elements(h.transfer_encoding);
  if (codings.empty()) return bad("Transfer-Encoding is empty", kTransferEncodingInvalid);
  for (auto coding : codings)
    if (!std::ranges::all_of(coding, is_tchar))
      return bad("Transfer-Encoding codings take no parameters here", kTransferEncodingInvalid);
  if (!iequals(codings.back(), "chunked"))
    return bad("the final transfer coding must be chunked", kTransferEncodingNotChunked);
  const auto chunked = std::ranges::count_if(codings, [](auto c) { return iequals(c, "chunked"); });
  if (chunked > 1) return bad("chunked may be applied only once", kTransferEncodingInvalid);
  if (codings.size() > 1)
    return ApiError(ErrorCode::not_implemented, "only the chunked transfer coding is supported",
                    std::string(kTransferEncodingNotSupported));
  return std::nullopt;
}

std::optional<ApiError> content_length_error(const FramingHeaders& h) {
  const auto values = list_elements(h.content_length);
  // A field that is present but empty ("Content-Length: ," too) has no value.
  if (values.empty()) return bad("Content-Length is not a number", kInvalidContentLength);
  std::optional<std::uint64_t> length;
  for (auto text : values) {
    std::uint64_t n = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
    if (ec != std::errc{} || end != text.data() + text.size())
      return bad("Content-Length is not a number", kInvalidContentLength);
    if (length && *length != n)
      return bad("Content-Length values disagree", kConflictingContentLength);
    length = n;
  }
  return std::nullopt;
}

}  // namespace

std::optional<ApiError> framing_error(const FramingHeaders& headers) {
  if (!headers.transfer_encoding.empty()) return transfer_encoding_error(headers);
  if (!headers.content_length.empty()) return content_length_error(headers);
  return std::nullopt;
}

}  // namespace bulwark::http
