#include "domain/invoices/email_template.hpp"

#include "core/html_escape.hpp"

namespace bulwark::domain::invoices {

namespace {

using core::html_escape;

// Template text: literal pieces through `literal`, values through `value`.
template <class Literal, class Value>
std::string fill(std::string_view t, const TemplateValues& values, Literal literal, Value value) {
  std::string out;
  std::size_t i = 0;
  while (i < t.size()) {
    const auto open = t.find('{', i);
    if (open == std::string_view::npos) break;
    const auto close = t.find('}', open + 1);
    if (close == std::string_view::npos) break;
    const auto name = t.substr(open + 1, close - open - 1);
    const auto it = values.find(name);
    if (!known_placeholder(name) || it == values.end()) {
      out += literal(t.substr(i, open + 1 - i));  // the '{' as text; go on after it
      i = open + 1;
      continue;
    }
    out += literal(t.substr(i, open - i));
    out += value(name, it->second);
    i = close + 1;
  }
  out += literal(t.substr(i));
  return out;
}

std::string as_is(std::string_view s) { return std::string(s); }

std::string html_text(std::string_view s) {
  std::string out;
  for (char c : html_escape(s)) {
    if (c == '\r') continue;
    if (c == '\n')
      out += "<br>\n";
    else
      out += c;
  }
  return out;
}

}  // namespace

const EmailTemplate& default_invoice_email() {
  static const EmailTemplate kDefault{
      "{org_name}: invoice {invoice_number}",
      "Hello {customer_name},\n\n"
      "thank you for your business. Your invoice {invoice_number} for {total} is attached "
      "(due {due_date}).\n\n"
      "You can view and pay it online here:\n{link}\n\n"
      "The link works without an account and expires.\n\n"
      "{org_name}\n"};
  return kDefault;
}

bool known_placeholder(std::string_view name) {
  for (auto p : kInvoiceEmailPlaceholders)
    if (p == name) return true;
  return false;
}

RenderedEmail render_invoice_email(const EmailTemplate& t, const TemplateValues& values) {
  auto plain = [](std::string_view, const std::string& v) { return v; };
  auto html = [](std::string_view name, const std::string& v) {
    if (name == "link") return "<a href=\"" + html_escape(v) + "\">" + html_escape(v) + "</a>";
    return html_text(v);
  };
  RenderedEmail out;
  // A subject is one line: a value's line breaks become spaces.
  out.subject = fill(t.subject, values, as_is, plain);
  for (auto& c : out.subject)
    if (c == '\r' || c == '\n') c = ' ';
  out.text = fill(t.body, values, as_is, plain);
  out.html = "<!DOCTYPE html>\n<html><body><div style=\"font-family: sans-serif\">" +
             fill(t.body, values, html_text, html) + "</div></body></html>\n";
  return out;
}

}  // namespace bulwark::domain::invoices
