#pragma once
// The email that carries an invoice (issue 14 item 2): a subject and a body
// text with placeholders {customer_name}, {invoice_number}, {total},
// {due_date}, {link}, {org_name}. The values are filled in once for the
// text part and once, HTML-escaped, for the HTML part: a customer named
// "<script>" or an org named "A & B" is text in both. An unknown
// placeholder stays as written; braces are not special otherwise.
#include <array>
#include <map>
#include <string>
#include <string_view>

namespace bulwark::domain::invoices {

struct EmailTemplate {
  std::string subject;
  std::string body;
};

// What every organization sends until it writes its own.
const EmailTemplate& default_invoice_email();

using TemplateValues = std::map<std::string, std::string, std::less<>>;

struct RenderedEmail {
  std::string subject, text, html;
};

// The subject and text with the values in; the HTML part is the body text
// escaped (line breaks kept), the link made a clickable anchor.
RenderedEmail render_invoice_email(const EmailTemplate& t, const TemplateValues& values);

// The placeholders a template may use.
inline constexpr std::array<std::string_view, 6> kInvoiceEmailPlaceholders{
    "customer_name", "invoice_number", "total", "due_date", "link", "org_name"};
bool known_placeholder(std::string_view name);

}  // namespace bulwark::domain::invoices
