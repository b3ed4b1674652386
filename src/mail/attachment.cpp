#include "mail/attachment.hpp"

#include "crypto/random.hpp"

namespace bulwark::mail {

namespace {

constexpr std::size_t kBase64Line = 76;
constexpr std::size_t kMaxName = 100;

bool name_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
         c == '-' || c == '_';
}

// RFC 2045 token characters: printable ASCII without specials or space.
bool token_char(char c) {
  return c > 0x20 && c < 0x7f &&
         std::string_view("()<>@,;:\\\"/[]?=").find(c) == std::string_view::npos;
}

bool token(std::string_view s) {
  if (s.empty() || s.size() > 60) return false;
  for (char c : s)
    if (!token_char(c)) return false;
  return true;
}

}  // namespace

std::string sanitize_filename(std::string_view name) {
  std::string out;
  for (char c : name) {
    if (out.size() == kMaxName) break;
    out += name_char(c) ? c : '_';
  }
  // No hidden files, no "..": a client that saves by name stays in its folder.
  const auto first = out.find_first_not_of('.');
  out.erase(0, first == std::string::npos ? out.size() : first);
  if (out.find_first_not_of('_') == std::string::npos) return "attachment";
  return out;
}

bool valid_content_type(std::string_view type) {
  const auto slash = type.find('/');
  if (slash == std::string_view::npos) return false;
  return token(type.substr(0, slash)) && token(type.substr(slash + 1));
}

std::string base64_lines(std::string_view bytes) {
  const auto encoded = crypto::base64(bytes);
  std::string out;
  out.reserve(encoded.size() + (encoded.size() / kBase64Line + 1) * 2);
  for (std::size_t i = 0; i < encoded.size(); i += kBase64Line) {
    out.append(encoded, i, kBase64Line);
    out += "\r\n";
  }
  return out;
}

std::string attachment_part(std::string_view boundary, const Attachment& a) {
  const auto name = sanitize_filename(a.filename);
  std::string out = "--" + std::string(boundary) + "\r\nContent-Type: " + a.content_type +
                    "; name=\"" + name + "\"\r\nContent-Transfer-Encoding: base64\r\n" +
                    "Content-Disposition: attachment; filename=\"" + name + "\"\r\n\r\n";
  out += base64_lines(a.bytes);
  return out;
}

}  // namespace bulwark::mail
