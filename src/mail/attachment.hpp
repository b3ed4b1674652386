#pragma once
// A file attached to an email (issue 14 item 2: the invoice PDF). The
// message builder (mail/message.cpp) wraps the existing
// multipart/alternative body in a multipart/mixed and adds each attachment
// as its own part: base64 in lines of 76 characters (RFC 2045 section 6.8),
// with a file name reduced to characters that need no quoting or encoding,
// so a name can neither break out of its header nor name a path.
#include <string>
#include <string_view>

namespace bulwark::mail {

struct Attachment {
  std::string filename;      // shown to the reader; sanitized when written
  std::string content_type;  // "application/pdf"
  std::string bytes;
};

// The name as the part's headers carry it: letters, digits, '.', '-' and
// '_' kept, every other byte (path separators, quotes, CR/LF, spaces,
// non-ASCII) replaced by '_', no leading dots, at most 100 characters;
// "attachment" when nothing is left.
std::string sanitize_filename(std::string_view name);

// A content type is "type/subtype" of token characters ("application/pdf");
// anything else is refused by the builder.
bool valid_content_type(std::string_view type);

// Base64 of `bytes`, CRLF after every 76 characters and at the end.
std::string base64_lines(std::string_view bytes);

// One body part of a multipart/mixed: its delimiter line, headers and body.
std::string attachment_part(std::string_view boundary, const Attachment& a);

}  // namespace bulwark::mail
