#include "mail/message.hpp"

#include <ctime>

#include "crypto/random.hpp"

namespace bulwark::mail {

namespace {

constexpr std::string_view kCrlf = "\r\n";
// Whole UTF-8 characters per encoded word: 36 bytes are 48 base64
// characters, a 60-character word; "Subject: " and the word fit in 78.
constexpr std::size_t kWordBytes = 36;
// A quoted-printable line is at most 76 characters, the soft break's '=' included.
constexpr std::size_t kQpLine = 75;

bool printable_ascii(std::string_view s) {
  for (unsigned char c : s)
    if (c < 0x20 || c > 0x7e) return false;
  return true;
}

// The length of the UTF-8 sequence `lead` starts (1 for a stray byte).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xf0) return 4;
  if (lead >= 0xe0) return 3;
  if (lead >= 0xc0) return 2;
  return 1;
}

// RFC 2047 "B" encoded words, each holding whole characters, folded onto
// continuation lines (the space between two encoded words is not part of the text).
std::string encoded_words(std::string_view text) {
  std::string out;
  std::size_t i = 0;
  while (i < text.size()) {
    std::size_t end = i;
    while (end < text.size()) {
      const auto n = utf8_length(static_cast<unsigned char>(text[end]));
      if (end + n - i > kWordBytes) break;
      end += n;
    }
    if (end == i) end = std::min(text.size(), i + kWordBytes);
    if (!out.empty()) out += "\r\n ";
    out += "=?UTF-8?B?" + crypto::base64(text.substr(i, end - i)) + "?=";
    i = end;
  }
  return out;
}

void append_hex(std::string& out, unsigned char c) {
  constexpr char kHex[] = "0123456789ABCDEF";
  out += '=';
  out += kHex[c >> 4];
  out += kHex[c & 0xf];
}

std::string qp_line(std::string_view line) {
  std::string out;
  std::size_t width = 0;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    std::string token;
    const bool last = i + 1 == line.size();
    // Spaces at a line's end would be stripped in transit; '=' is the escape.
    if ((c >= 33 && c <= 126 && c != '=') || ((c == ' ' || c == '\t') && !last))
      token.push_back(static_cast<char>(c));
    else
      append_hex(token, c);
    if (width + token.size() > kQpLine) {
      out += "=\r\n";
      width = 0;
    }
    out += token;
    width += token.size();
  }
  return out;
}

std::string part(std::string_view boundary, std::string_view type, std::string_view body) {
  std::string out = "--" + std::string(boundary) + "\r\nContent-Type: " + std::string(type) +
                    "; charset=UTF-8\r\nContent-Transfer-Encoding: quoted-printable\r\n\r\n";
  out += quoted_printable(body);
  out += kCrlf;
  return out;
}

}  // namespace

bool valid_address(std::string_view a) {
  if (a.empty() || a.size() > 254 || !printable_ascii(a)) return false;
  const auto at = a.find('@');
  if (at == 0 || at == std::string_view::npos || at + 1 == a.size() || at > 64) return false;
  if (a.find('@', at + 1) != std::string_view::npos) return false;
  for (char c : a)
    if (std::string_view(" \"<>(),;:[]\\").find(c) != std::string_view::npos) return false;
  const auto domain = a.substr(at + 1);
  return domain.front() != '.' && domain.back() != '.' &&
         domain.find("..") == std::string_view::npos;
}

bool has_line_break(std::string_view value) {
  return value.find_first_of(std::string_view("\r\n\0", 3)) != std::string_view::npos;
}

bool valid_utf8(std::string_view s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 1;
    std::uint32_t cp = c;
    if (c >= 0x80) {
      if (c < 0xc2 || c > 0xf4) return false;
      n = utf8_length(c);
      if (i + n > s.size()) return false;
      cp = c & (0x7f >> n);
      for (std::size_t k = 1; k < n; ++k) {
        const auto cc = static_cast<unsigned char>(s[i + k]);
        if ((cc & 0xc0) != 0x80) return false;
        cp = (cp << 6) | (cc & 0x3f);
      }
      // Overlong forms, surrogates and beyond U+10FFFF.
      if ((n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10ffff)) ||
          (cp >= 0xd800 && cp <= 0xdfff))
        return false;
    }
    i += n;
  }
  return true;
}

std::string encode_phrase(std::string_view text) {
  if (printable_ascii(text) && text.size() <= 60) {
    std::string out = "\"";
    for (char c : text) {
      if (c == '"' || c == '\\') out += '\\';
      out += c;
    }
    return out + "\"";
  }
  return encoded_words(text);
}

std::string encode_unstructured(std::string_view text, std::size_t name_length) {
  if (printable_ascii(text) && name_length + 2 + text.size() <= 78) return std::string(text);
  return encoded_words(text);
}

std::string quoted_printable(std::string_view text) {
  std::string out;
  std::size_t start = 0;
  while (true) {
    auto end = text.find('\n', start);
    auto line = text.substr(start, end == std::string_view::npos ? end : end - start);
    if (line.ends_with('\r')) line.remove_suffix(1);
    out += qp_line(line);
    if (end == std::string_view::npos) break;
    out += kCrlf;
    start = end + 1;
  }
  return out;
}

std::string html_from_text(std::string_view text) {
  std::string out = "<!DOCTYPE html>\n<html><body><div style=\"font-family: sans-serif\">";
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      case '\r': break;
      case '\n': out += "<br>\n"; break;
      default: out += c;
    }
  }
  return out + "</div></body></html>\n";
}

std::string rfc5322_date(std::int64_t ms) {
  static constexpr std::string_view kDays[] = {"Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"};
  static constexpr std::string_view kMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                 "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  const std::time_t t = ms / 1000;
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::snprintf(buf, sizeof buf, "%s, %02d %s %04d %02d:%02d:%02d +0000", kDays[tm.tm_wday].data(),
                tm.tm_mday, kMonths[tm.tm_mon].data(), tm.tm_year + 1900, tm.tm_hour, tm.tm_min,
                tm.tm_sec);
  return buf;
}

Expected<std::string, std::string> build_message(const OutgoingMessage& m) {
  for (std::string_view v :
       {std::string_view(m.from_name), std::string_view(m.subject), std::string_view(m.message_id),
        std::string_view(m.from_address), std::string_view(m.to_address)})
    if (has_line_break(v)) return unexpected(std::string("header_injection"));
  for (const auto& v : {m.reply_to, m.list_unsubscribe})
    if (v && has_line_break(*v)) return unexpected(std::string("header_injection"));
  if (!valid_address(m.from_address) || !valid_address(m.to_address) ||
      (m.reply_to && !valid_address(*m.reply_to)))
    return unexpected(std::string("invalid_address"));
  if (m.list_unsubscribe && (!printable_ascii(*m.list_unsubscribe) ||
                             m.list_unsubscribe->find_first_of("<> ") != std::string::npos))
    return unexpected(std::string("invalid_list_unsubscribe"));
  if (!printable_ascii(m.message_id) || m.message_id.find_first_of("<> ") != std::string::npos)
    return unexpected(std::string("invalid_message_id"));
  for (const auto* v : {&m.from_name, &m.subject, &m.text, &m.html})
    if (!valid_utf8(*v)) return unexpected(std::string("invalid_utf8"));
  for (const auto& a : m.attachments)
    if (!valid_content_type(a.content_type)) return unexpected(std::string("invalid_content_type"));

  const std::string boundary = "=_bulwark_" + crypto::random_hex(12);  // "=_" never occurs in QP
  std::string out;
  out += "Date: " + rfc5322_date(m.date_ms) + "\r\n";
  std::string from = "From: ";
  if (!m.from_name.empty()) {
    from += encode_phrase(m.from_name);
    // The address on a continuation line when the last line would pass 78.
    const auto last = from.rfind('\n');
    const auto width = from.size() - (last == std::string::npos ? 0 : last + 1);
    from += width + m.from_address.size() + 3 > 78 ? "\r\n " : " ";
  }
  out += from + "<" + m.from_address + ">\r\n";
  out += "To: <" + m.to_address + ">\r\n";
  if (m.reply_to) out += "Reply-To: <" + *m.reply_to + ">\r\n";
  out += "Subject: " + encode_unstructured(m.subject, 7) + "\r\n";
  out += "Message-ID: <" + m.message_id + ">\r\n";
  out += "MIME-Version: 1.0\r\n";
  if (m.list_unsubscribe) {
    out += "List-Unsubscribe: <" + *m.list_unsubscribe + ">\r\n";
    if (m.list_unsubscribe->starts_with("https:"))
      out += "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n";
  }
  // Two independent random boundaries: neither is a prefix of the other (a
  // "--X" delimiter must not begin a line inside the part it encloses).
  const std::string alternative =
      m.attachments.empty() ? boundary : "=_bulwark_" + crypto::random_hex(12);
  if (!m.attachments.empty()) {
    out += "Content-Type: multipart/mixed;\r\n boundary=\"" + boundary + "\"\r\n\r\n";
    out += "This is a multi-part message in MIME format.\r\n";
    out += "--" + boundary + "\r\n";
  }
  out += "Content-Type: multipart/alternative;\r\n boundary=\"" + alternative + "\"\r\n\r\n";
  if (m.attachments.empty()) out += "This is a multi-part message in MIME format.\r\n";
  out += part(alternative, "text/plain", m.text);
  out += part(alternative, "text/html", m.html.empty() ? html_from_text(m.text) : m.html);
  out += "--" + alternative + "--\r\n";
  if (m.attachments.empty()) return out;
  for (const auto& a : m.attachments) out += attachment_part(boundary, a);
  out += "--" + boundary + "--\r\n";
  return out;
}

}  // namespace bulwark::mail
