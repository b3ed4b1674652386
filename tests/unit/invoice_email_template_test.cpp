// The invoice email's template (issue 14 item 2): placeholders filled, the
// HTML part escaped, unknown placeholders and stray braces left as text.
#include <gtest/gtest.h>

#include "domain/invoices/email_template.hpp"

namespace {

using bulwark::domain::invoices::EmailTemplate;
using bulwark::domain::invoices::render_invoice_email;
using bulwark::domain::invoices::TemplateValues;

TemplateValues values() {
  return {{"customer_name", "<script>alert(1)</script> & Co"},
          {"invoice_number", "INV-1001"},
          {"total", "$1,250.00"},
          {"due_date", "on receipt"},
          {"link", "https://bulwark.example/l/tok\"en"},
          {"org_name", "Acme\r\nBcc: eve@example.com"}};
}

TEST(InvoiceEmailTemplate, default_fills_every_placeholder_ISSUE14_2) {
  const auto r = render_invoice_email(bulwark::domain::invoices::default_invoice_email(), values());
  EXPECT_EQ(r.subject.find('\n'), std::string::npos);
  EXPECT_EQ(r.subject.find('\r'), std::string::npos);
  EXPECT_NE(r.subject.find("INV-1001"), std::string::npos);
  EXPECT_NE(r.text.find("<script>alert(1)</script> & Co"), std::string::npos);
  EXPECT_NE(r.text.find("$1,250.00"), std::string::npos);
  EXPECT_NE(r.text.find("https://bulwark.example/l/tok\"en"), std::string::npos);
  EXPECT_EQ(r.text.find('{'), std::string::npos) << r.text;
}

TEST(InvoiceEmailTemplate, html_part_escapes_values_and_template_ISSUE14_2) {
  const EmailTemplate t{"{invoice_number}", "<b>{customer_name}</b>\n{link}"};
  const auto r = render_invoice_email(t, values());
  EXPECT_EQ(r.html.find("<script>"), std::string::npos) << r.html;
  EXPECT_NE(r.html.find("&lt;b&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp; Co&lt;/b&gt;<br>"),
            std::string::npos)
      << r.html;
  EXPECT_NE(r.html.find("<a href=\"https://bulwark.example/l/tok&quot;en\">"), std::string::npos);
}

TEST(InvoiceEmailTemplate, unknown_placeholders_and_braces_stay_text_ISSUE14_2) {
  const EmailTemplate t{"x", "{nope} {total} { {invoice_number}} {"};
  const auto r = render_invoice_email(t, values());
  EXPECT_EQ(r.text, "{nope} $1,250.00 { INV-1001} {");
}

}  // namespace
