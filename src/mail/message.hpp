#pragma once
// The email message as it goes over SMTP (RFC 5322 + MIME): headers, and a
// multipart/alternative body with a text/plain and a text/html part, both
// UTF-8 in quoted-printable. Header values are refused when they hold CR, LF
// or NUL (header injection: a subject "Hi\r\nBcc: x" must not add a header);
// non-ASCII or long display names and subjects become RFC 2047 encoded words.
// Dot-stuffing (a body line that is only ".") is SMTP's, done by libcurl.
// With attachments (mail/attachment.hpp) the body is a multipart/mixed: the
// multipart/alternative first, then one base64 part per file.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/expected.hpp"
#include "mail/attachment.hpp"

namespace bulwark::mail {

struct OutgoingMessage {
  std::string from_name;     // the organization's name
  std::string from_address;  // the operator's BULWARK_MAIL_FROM
  std::optional<std::string> reply_to;
  std::string to_address;
  std::string subject;
  std::string text;
  std::string html;  // empty: made from `text`
  // A URI for List-Unsubscribe (mailto: or https:), on customer mail that
  // is not transactional (mail/unsubscribe.hpp). An https: URI also gets
  // "List-Unsubscribe-Post: List-Unsubscribe=One-Click" (RFC 8058 allows
  // one-click only over HTTPS).
  std::optional<std::string> list_unsubscribe;
  std::vector<Attachment> attachments;
  std::string message_id;  // "random@domain", without the angle brackets
  std::int64_t date_ms = 0;
};

// A plain address: local@domain in printable ASCII without spaces, quotes,
// angle brackets or commas, at most 254 characters (no SMTPUTF8).
bool valid_address(std::string_view address);
// True when a header value holds CR, LF or NUL.
bool has_line_break(std::string_view value);

// The whole message with CRLF line ends, or the reason it cannot be built
// ("header_injection", "invalid_address", "invalid_utf8",
// "invalid_content_type").
Expected<std::string, std::string> build_message(const OutgoingMessage& m);

// The pieces, for the unit tests and for later writers.
std::string encode_phrase(std::string_view text);                                 // a display name
std::string encode_unstructured(std::string_view text, std::size_t name_length);  // Subject
std::string quoted_printable(std::string_view text);
std::string html_from_text(std::string_view text);
std::string rfc5322_date(std::int64_t ms);
bool valid_utf8(std::string_view text);

}  // namespace bulwark::mail
