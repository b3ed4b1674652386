#include "domain/invoices/email_settings.hpp"

#include <optional>

namespace bulwark::domain::invoices {

namespace {

using store::OrgSql;

constexpr OrgSql kRead("SELECT invoice_email_subject, invoice_email_body FROM orgs WHERE id = $1");
constexpr OrgSql kWrite(
    "UPDATE orgs SET invoice_email_subject = $2, invoice_email_body = $3 WHERE id = $1");

struct Saved {
  std::optional<std::string> subject, body;
};

Saved saved(store::OrgTx& tx) {
  const auto r = tx.run(kRead);
  Saved s;
  if (r.empty()) return s;
  if (!r.rows[0].is_null(0)) s.subject = r.rows[0].text(0);
  if (!r.rows[0].is_null(1)) s.body = r.rows[0].text(1);
  return s;
}

std::vector<std::string> placeholder_names() {
  std::vector<std::string> out;
  out.reserve(kInvoiceEmailPlaceholders.size());
  for (auto p : kInvoiceEmailPlaceholders) out.emplace_back("{" + std::string(p) + "}");
  return out;
}

// The first {name} that is not a placeholder, if any.
std::optional<std::string> unknown_placeholder(std::string_view t) {
  std::size_t i = 0;
  while ((i = t.find('{', i)) != std::string_view::npos) {
    const auto close = t.find('}', i + 1);
    if (close == std::string_view::npos) return std::nullopt;
    const auto name = t.substr(i + 1, close - i - 1);
    // Only a word in braces looks like a placeholder; "{ " is text.
    const bool word = !name.empty() && name.find_first_not_of("abcdefghijklmnopqrstuvwxyz_") ==
                                           std::string_view::npos;
    if (word && !known_placeholder(name)) return "{" + std::string(name) + "}";
    i = close + 1;
  }
  return std::nullopt;
}

ApiError invalid(std::string field, std::string problem) {
  return ApiError(ErrorCode::validation_failed, "the invoice email cannot be saved",
                  "invalid_template", {{std::move(field), std::move(problem)}});
}

}  // namespace

EmailTemplate invoice_email_of(store::OrgTx& tx) {
  const auto s = saved(tx);
  const auto& d = default_invoice_email();
  return {s.subject.value_or(d.subject), s.body.value_or(d.body)};
}

InvoiceEmailTemplate get_invoice_email(store::OrgTx& tx) {
  const auto s = saved(tx);
  const auto t = invoice_email_of(tx);
  return {t.subject, t.body, !s.subject && !s.body, placeholder_names()};
}

Expected<InvoiceEmailTemplate, ApiError> set_invoice_email(
    store::OrgTx& tx, const audit::Actor& by,
    const Expected<const resource::Read<InvoiceEmailTemplateChange>*, ApiError>& in) {
  if (!in) return unexpected(in.error());
  const auto& c = (*in)->value;
  if (c.subject.value.find_first_of("\r\n") != std::string::npos)
    return unexpected(invalid("subject", "must be one line"));
  for (auto [field, text] : {std::pair{"subject", &c.subject.value}, {"body", &c.body.value}})
    if (const auto bad = unknown_placeholder(*text))
      return unexpected(invalid(field, "unknown placeholder " + *bad));
  if (c.body.value.find("{link}") == std::string::npos)
    return unexpected(invalid("body", "must contain {link}"));
  tx.run(kWrite, c.subject.value, c.body.value);
  by.record(tx.connection(), "org.invoice_email_changed", "org", tx.org_id(),
            {"invoice_email_subject", "invoice_email_body"});
  return get_invoice_email(tx);
}

}  // namespace bulwark::domain::invoices
