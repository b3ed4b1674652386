// The email message builder (issue 14 item 3), fed hostile input: CR/LF in a
// name, subject or address (header injection), non-ASCII, long lines, a
// lone "." line, bad UTF-8. What a mail client reads back is checked by the
// API tests against a real SMTP server (tests/api/test_mail.py).
#include <gtest/gtest.h>

#include <sstream>

#include "crypto/random.hpp"
#include "mail/message.hpp"

namespace {

using bulwark::mail::build_message;
using bulwark::mail::OutgoingMessage;

OutgoingMessage sample() {
  OutgoingMessage m;
  m.from_name = "Acme Septic";
  m.from_address = "mail@bulwark.example";
  m.to_address = "pat@example.com";
  m.subject = "Your pump-out on Tuesday";
  m.text = "Hello Pat,\nsee you Tuesday.\n";
  m.message_id = "abc123@bulwark.example";
  m.date_ms = 1'796'630'400'000;  // 2026-12-07 08:00:00 UTC
  return m;
}

std::string headers_of(const std::string& message) {
  return message.substr(0, message.find("\r\n\r\n") + 2);
}

TEST(MailMessage, builds_headers_and_both_parts_ISSUE14_3) {
  auto m = sample();
  m.reply_to = "office@acme.example";
  m.list_unsubscribe = "mailto:office@acme.example?subject=unsubscribe";
  const auto out = build_message(m);
  ASSERT_TRUE(out.has_value()) << out.error();
  const auto h = headers_of(*out);
  EXPECT_NE(h.find("Date: Mon, 07 Dec 2026 08:00:00 +0000\r\n"), std::string::npos) << h;
  EXPECT_NE(h.find("From: \"Acme Septic\" <mail@bulwark.example>\r\n"), std::string::npos);
  EXPECT_NE(h.find("To: <pat@example.com>\r\n"), std::string::npos);
  EXPECT_NE(h.find("Reply-To: <office@acme.example>\r\n"), std::string::npos);
  EXPECT_NE(h.find("Subject: Your pump-out on Tuesday\r\n"), std::string::npos);
  EXPECT_NE(h.find("Message-ID: <abc123@bulwark.example>\r\n"), std::string::npos);
  EXPECT_NE(h.find("List-Unsubscribe: <mailto:office@acme.example?subject=unsubscribe>\r\n"),
            std::string::npos);
  EXPECT_NE(h.find("Content-Type: multipart/alternative;\r\n boundary=\"=_bulwark_"),
            std::string::npos);
  EXPECT_NE(out->find("Content-Type: text/plain; charset=UTF-8"), std::string::npos);
  EXPECT_NE(out->find("Content-Type: text/html; charset=UTF-8"), std::string::npos);
  EXPECT_NE(out->find("Hello Pat,\r\nsee you Tuesday."), std::string::npos);
  // No List-Unsubscribe or Reply-To unless asked for.
  const auto plain = build_message(sample());
  EXPECT_EQ(plain->find("List-Unsubscribe"), std::string::npos);
  EXPECT_EQ(plain->find("Reply-To"), std::string::npos);
}

TEST(MailMessage, line_breaks_in_any_header_value_are_refused_ISSUE14_3) {
  for (const std::string& evil :
       {std::string("Hi\r\nBcc: victim@example.com"), std::string("Hi\nBcc: x@example.com"),
        std::string("Hi\rBcc: x@example.com"), std::string("Hi\0Bcc", 6)}) {
    auto m = sample();
    m.subject = evil;
    EXPECT_EQ(build_message(m).error(), "header_injection") << evil;
    m = sample();
    m.from_name = evil;
    EXPECT_EQ(build_message(m).error(), "header_injection") << evil;
    m = sample();
    m.to_address = "pat@example.com" + evil;
    EXPECT_EQ(build_message(m).error(), "header_injection") << evil;
    m = sample();
    m.reply_to = "o@acme.example" + evil;
    EXPECT_EQ(build_message(m).error(), "header_injection") << evil;
    m = sample();
    m.list_unsubscribe = "mailto:o@acme.example" + evil;
    EXPECT_EQ(build_message(m).error(), "header_injection") << evil;
  }
}

TEST(MailMessage, addresses_must_be_plain_ISSUE14_3) {
  using bulwark::mail::valid_address;
  EXPECT_TRUE(valid_address("pat.o'neil+tag@example.co.uk"));
  for (auto bad : {"", "pat", "@example.com", "pat@", "pat@@example.com", "a@b@example.com",
                   "Pat <pat@example.com>", "pat@example.com, eve@example.com", "pat @example.com",
                   "pät@example.com", "pat@example..com", "\"pat\"@example.com"})
    EXPECT_FALSE(valid_address(bad)) << bad;
  auto m = sample();
  m.to_address = "pat@example.com>, <eve@example.com";
  EXPECT_EQ(build_message(m).error(), "invalid_address");
}

TEST(MailMessage, non_ascii_names_and_subjects_are_rfc2047_words_ISSUE14_3) {
  auto m = sample();
  m.from_name = "Müller Klärgruben";
  m.subject = "Abholung am Dienstag ✓ — Grüße";
  const auto h = headers_of(*build_message(m));
  EXPECT_NE(h.find("From: =?UTF-8?B?"), std::string::npos) << h;
  EXPECT_NE(h.find("Subject: =?UTF-8?B?"), std::string::npos) << h;
  // The raw headers are ASCII; each encoded word decodes to whole characters.
  for (unsigned char c : h) EXPECT_LT(c, 0x80);
  const auto start = h.find("Subject: ") + 9;
  const auto value = h.substr(start, h.find("\r\nMessage-ID") - start);
  std::string decoded;
  std::size_t at = 0;
  while ((at = value.find("=?UTF-8?B?", at)) != std::string::npos) {
    const auto end = value.find("?=", at + 10);
    const auto word = bulwark::crypto::from_base64(value.substr(at + 10, end - at - 10));
    ASSERT_TRUE(word.has_value());
    EXPECT_TRUE(bulwark::mail::valid_utf8(*word)) << "a word split a character";
    decoded += *word;
    at = end + 2;
  }
  EXPECT_EQ(decoded, m.subject);
  // A quote in an ASCII name is escaped inside the quoted string.
  m = sample();
  m.from_name = "Pat \"The Pump\" O'Neil";
  EXPECT_NE(build_message(m)->find("From: \"Pat \\\"The Pump\\\" O'Neil\" <"), std::string::npos);
}

TEST(MailMessage, long_lines_are_folded_below_78_characters_ISSUE14_3) {
  auto m = sample();
  m.subject = std::string(300, 'x');
  m.text = std::string(5000, 'a') + "\n" + std::string(99, '=') + " \n";
  const auto out = *build_message(m);
  std::istringstream lines(out);
  for (std::string line; std::getline(lines, line);) {
    ASSERT_TRUE(line.empty() || line.back() == '\r') << "a bare LF";
    EXPECT_LE(line.size(), 79u) << line;  // 78 characters and the CR
  }
  // Quoted-printable: '=' escaped, a trailing space kept visible.
  EXPECT_NE(out.find("=3D=3D"), std::string::npos);
  EXPECT_NE(out.find("=3D=20\r\n"), std::string::npos);
}

TEST(MailMessage, quoted_printable_keeps_a_lone_dot_line_for_curl_to_stuff_ISSUE14_3) {
  using bulwark::mail::quoted_printable;
  EXPECT_EQ(quoted_printable("a\n.\nb"), "a\r\n.\r\nb");
  EXPECT_EQ(quoted_printable("é"), "=C3=A9");
  EXPECT_EQ(quoted_printable("tab\tend\t"), "tab\tend=09");
}

TEST(MailMessage, invalid_utf8_is_refused_ISSUE14_3) {
  for (std::string bad : {"\xff", "\xc3", "\xc0\xaf", "\xed\xa0\x80", "\xf4\x90\x80\x80"}) {
    EXPECT_FALSE(bulwark::mail::valid_utf8(bad));
    auto m = sample();
    m.text = bad;
    EXPECT_EQ(build_message(m).error(), "invalid_utf8");
  }
  EXPECT_TRUE(bulwark::mail::valid_utf8("Grüße ✓ 😀"));
}

TEST(MailMessage, html_part_made_from_text_is_escaped_ISSUE14_3) {
  const auto html = bulwark::mail::html_from_text("<script>alert('x')</script> & \"q\"\nnext");
  EXPECT_EQ(html.find("<script>"), std::string::npos);
  EXPECT_NE(html.find("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;<br>"),
            std::string::npos);
}

}  // namespace
