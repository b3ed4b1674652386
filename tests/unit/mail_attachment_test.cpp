// Attachments in the email builder (issue 14 item 2: the invoice PDF): the
// multipart/mixed around the multipart/alternative, base64 in lines of 76,
// hostile file names, and which mail carries List-Unsubscribe (RFC 2369 /
// RFC 8058). A real client's reading is checked by tests/api/test_invoice_send.py.
#include <gtest/gtest.h>

#include <sstream>

#include "crypto/random.hpp"
#include "mail/attachment.hpp"
#include "mail/message.hpp"
#include "mail/unsubscribe.hpp"

namespace {

using bulwark::mail::Attachment;
using bulwark::mail::build_message;
using bulwark::mail::OutgoingMessage;

OutgoingMessage sample() {
  OutgoingMessage m;
  m.from_name = "Acme Septic";
  m.from_address = "mail@bulwark.example";
  m.to_address = "pat@example.com";
  m.subject = "Invoice INV-1001";
  m.text = "Hello Pat,\nyour invoice is attached.\n";
  m.message_id = "abc123@bulwark.example";
  m.date_ms = 1'796'630'400'000;
  return m;
}

// Every byte value, several times: padding and line ends at odd offsets.
std::string binary(std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += static_cast<char>((i * 7 + i / 256) & 0xff);
  return out;
}

std::string boundary_of(const std::string& headers, std::string_view type) {
  const auto at = headers.find(std::string("Content-Type: ") + std::string(type) + ";");
  const auto q = headers.find('"', at);
  return headers.substr(q + 1, headers.find('"', q + 1) - q - 1);
}

TEST(MailAttachment, mixed_wraps_alternative_and_a_base64_part_ISSUE14_2) {
  auto m = sample();
  const auto pdf = "%PDF-1.5\n" + binary(1000);
  m.attachments.push_back({"INV-1001.pdf", "application/pdf", pdf});
  const auto out = build_message(m);
  ASSERT_TRUE(out.has_value()) << out.error();
  const auto head = out->substr(0, out->find("\r\n\r\n") + 2);
  EXPECT_NE(head.find("Content-Type: multipart/mixed;\r\n boundary=\"=_bulwark_"),
            std::string::npos)
      << head;
  EXPECT_EQ(head.find("multipart/alternative"), std::string::npos);  // inside, not on top
  const auto mixed = boundary_of(head, "multipart/mixed");
  const auto alt = boundary_of(*out, "multipart/alternative");
  ASSERT_FALSE(mixed.empty());
  ASSERT_FALSE(alt.empty());
  EXPECT_NE(mixed, alt);
  EXPECT_NE(alt.find(mixed), 0u) << "one boundary begins the other";
  EXPECT_NE(mixed.find(alt), 0u);
  // Order: mixed delimiter, the alternative (text, html, its close), the
  // file part, the mixed close at the very end.
  const auto first = out->find("--" + mixed + "\r\nContent-Type: multipart/alternative");
  const auto text = out->find("Content-Type: text/plain");
  const auto html = out->find("Content-Type: text/html");
  const auto alt_close = out->find("--" + alt + "--\r\n");
  const auto file =
      out->find("--" + mixed + "\r\nContent-Type: application/pdf; name=\"INV-1001.pdf\"");
  ASSERT_NE(first, std::string::npos) << *out;
  EXPECT_LT(first, text);
  EXPECT_LT(text, html);
  EXPECT_LT(html, alt_close);
  ASSERT_NE(file, std::string::npos);
  EXPECT_LT(alt_close, file);
  EXPECT_TRUE(out->ends_with("--" + mixed + "--\r\n"));
  EXPECT_NE(out->find("Content-Transfer-Encoding: base64\r\n"
                      "Content-Disposition: attachment; filename=\"INV-1001.pdf\"\r\n\r\n"),
            std::string::npos);
  // The body decodes to the bytes; every base64 line is 76 characters but the last.
  const auto body_at = out->find("\r\n\r\n", file) + 4;
  const auto body = out->substr(body_at, out->find("--" + mixed + "--") - body_at);
  std::istringstream lines(body);
  std::string joined, line;
  std::vector<std::size_t> widths;
  while (std::getline(lines, line)) {
    ASSERT_TRUE(line.ends_with('\r'));
    line.pop_back();
    widths.push_back(line.size());
    joined += line;
  }
  ASSERT_GE(widths.size(), 2u);
  for (std::size_t i = 0; i + 1 < widths.size(); ++i) EXPECT_EQ(widths[i], 76u);
  EXPECT_LE(widths.back(), 76u);
  EXPECT_EQ(bulwark::crypto::from_base64(joined).value_or(""), pdf);
}

TEST(MailAttachment, no_attachment_keeps_the_plain_alternative_ISSUE14_2) {
  const auto out = build_message(sample());
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->find("multipart/mixed"), std::string::npos);
  EXPECT_NE(out->find("Content-Type: multipart/alternative;\r\n boundary="), std::string::npos);
}

TEST(MailAttachment, base64_lines_are_76_with_crlf_ISSUE14_2) {
  using bulwark::mail::base64_lines;
  EXPECT_EQ(base64_lines(""), "");
  EXPECT_EQ(base64_lines("abc"), "YWJj\r\n");
  const auto exact = base64_lines(std::string(57, 'x'));  // 57 bytes = 76 characters
  EXPECT_EQ(exact.size(), 78u);
  EXPECT_TRUE(exact.ends_with("\r\n"));
  const auto two = base64_lines(std::string(58, 'x'));
  EXPECT_EQ(two.find("\r\n"), 76u);
  EXPECT_TRUE(two.ends_with("==\r\n"));
}

TEST(MailAttachment, file_names_are_sanitized_ISSUE14_2) {
  using bulwark::mail::sanitize_filename;
  EXPECT_EQ(sanitize_filename("INV-1001.pdf"), "INV-1001.pdf");
  EXPECT_EQ(sanitize_filename("../../etc/passwd"), "_.._etc_passwd");
  EXPECT_EQ(sanitize_filename("..\\win.ini"), "_win.ini");
  EXPECT_EQ(sanitize_filename("a\"b.pdf\r\nBcc: x@y"), "a_b.pdf__Bcc__x_y");
  EXPECT_EQ(sanitize_filename("Rechnung Müller.pdf"), "Rechnung_M__ller.pdf");
  EXPECT_EQ(sanitize_filename(""), "attachment");
  EXPECT_EQ(sanitize_filename("..."), "attachment");
  EXPECT_EQ(sanitize_filename("\"\"\""), "attachment");
  EXPECT_EQ(sanitize_filename(std::string(500, 'a')).size(), 100u);
  // In the message: the sanitized name, no header break.
  auto m = sample();
  m.attachments.push_back({"x\"\r\nBcc: eve@example.com\r\n.pdf", "application/pdf", "data"});
  const auto out = build_message(m);
  ASSERT_TRUE(out.has_value());
  EXPECT_EQ(out->find("\r\nBcc:"), std::string::npos);
  EXPECT_NE(out->find("filename=\"x___Bcc__eve_example.com__.pdf\""), std::string::npos) << *out;
}

TEST(MailAttachment, content_type_must_be_a_plain_type_ISSUE14_2) {
  using bulwark::mail::valid_content_type;
  EXPECT_TRUE(valid_content_type("application/pdf"));
  for (auto bad : {"", "pdf", "application/", "/pdf", "application/pdf; x=\"y\"",
                   "application/pdf\r\nBcc: x", "text/html a"})
    EXPECT_FALSE(valid_content_type(bad)) << bad;
  auto m = sample();
  m.attachments.push_back({"a.pdf", "application/pdf\r\nBcc: eve@example.com", "x"});
  EXPECT_EQ(build_message(m).error(), "invalid_content_type");
}

TEST(MailAttachment, a_200_kb_file_builds_with_short_lines_ISSUE14_2) {
  auto m = sample();
  m.attachments.push_back({"big.pdf", "application/pdf", binary(200 * 1024)});
  const auto out = build_message(m);
  ASSERT_TRUE(out.has_value());
  EXPECT_GT(out->size(), 270'000u);
  std::istringstream lines(*out);
  for (std::string line; std::getline(lines, line);) EXPECT_LE(line.size(), 79u);
}

TEST(MailUnsubscribe, only_customer_mail_that_is_not_transactional_ISSUE14_3) {
  using bulwark::mail::list_unsubscribe_for;
  // Invoices and customer links complete the customer's own business.
  EXPECT_FALSE(list_unsubscribe_for("invoice", true, "office@acme.example"));
  EXPECT_FALSE(list_unsubscribe_for("customer_link", true, "office@acme.example"));
  EXPECT_FALSE(list_unsubscribe_for("invitation", false, "office@acme.example"));
  // Not to a customer: never.
  EXPECT_FALSE(list_unsubscribe_for("test", false, "office@acme.example"));
  // Any other customer mail: the mailto the office reads.
  EXPECT_EQ(list_unsubscribe_for("test", true, "office@acme.example").value_or(""),
            "mailto:office@acme.example?subject=unsubscribe");
  EXPECT_EQ(list_unsubscribe_for("newsletter", true, "o@a.example").value_or(""),
            "mailto:o@a.example?subject=unsubscribe");
}

TEST(MailUnsubscribe, one_click_post_only_with_an_https_uri_RFC8058_ISSUE14_3) {
  auto m = sample();
  m.list_unsubscribe = "mailto:office@acme.example?subject=unsubscribe";
  auto out = *build_message(m);
  EXPECT_NE(out.find("List-Unsubscribe: <mailto:"), std::string::npos);
  EXPECT_EQ(out.find("List-Unsubscribe-Post"), std::string::npos);
  m.list_unsubscribe = "https://bulwark.example/u/abc";
  out = *build_message(m);
  EXPECT_NE(out.find("List-Unsubscribe: <https://bulwark.example/u/abc>\r\n"
                     "List-Unsubscribe-Post: List-Unsubscribe=One-Click\r\n"),
            std::string::npos);
}

}  // namespace
