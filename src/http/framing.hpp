#pragma once
// Message framing checks (RFC 9112 §6). Where a request's body ends must be
// beyond doubt, or a proxy in front and this server can disagree about it and
// the rest of one request runs as a second one (request smuggling). Beast's
// parser takes a Transfer-Encoding whose last coding is not `chunked` as "no
// body", so the server checks the complete header here before reading any
// body, and answers anything ambiguous with an error and a closed connection.
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace bulwark::http {

// Rejection reasons (error.reason), asserted by tests.
inline constexpr std::string_view kTransferEncodingNotChunked = "transfer_encoding_not_chunked";
inline constexpr std::string_view kTransferEncodingNotSupported = "transfer_encoding_not_supported";
inline constexpr std::string_view kTransferEncodingInvalid = "transfer_encoding_invalid";
inline constexpr std::string_view kTransferEncodingWithContentLength =
    "transfer_encoding_with_content_length";
inline constexpr std::string_view kConflictingContentLength = "conflicting_content_length";
inline constexpr std::string_view kInvalidContentLength = "invalid_content_length";

struct FramingHeaders {
  std::vector<std::string_view> transfer_encoding;  // every Transfer-Encoding field, in order
  std::vector<std::string_view> content_length;     // every Content-Length field, in order
  unsigned version = 11;                            // 10 for HTTP/1.0, 11 for HTTP/1.1
};

// The error to answer (the connection is then closed), or nothing when the
// framing is unambiguous:
//  - Transfer-Encoding must be exactly `chunked` (400 when the last coding is
//    not `chunked`: the length cannot be known; 501 when other codings come
//    before it: we implement no content codings; 400 for `chunked` twice, an
//    empty list, coding parameters or an HTTP/1.0 request carrying it);
//  - never together with Content-Length (400);
//  - Content-Length values, across fields and within a list, all the same
//    decimal number (400 otherwise).
std::optional<ApiError> framing_error(const FramingHeaders& headers);

}  // namespace bulwark::http
