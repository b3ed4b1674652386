#pragma once
// The organization's invoice email (issue 14 item 2), GET and PUT
// /api/v1/org/invoice-email: owners and admins (settings.manage) write the
// subject and body with placeholders; until they do, the built-in default
// is used (email_template.cpp). Only known placeholders are accepted and the
// body must hold {link}: the email exists to carry it.
#include <string>
#include <vector>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/invoices/email_template.hpp"
#include "resource/fields.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

struct InvoiceEmailTemplate {
  std::string subject, body;
  bool is_default = true;                 // the built-in text (nothing saved)
  std::vector<std::string> placeholders;  // what subject and body may use
};
BULWARK_RESOURCE(InvoiceEmailTemplate, subject, body, is_default, placeholders)

struct InvoiceEmailTemplateChange {
  resource::Text<200> subject;
  resource::Text<5000> body;
};
BULWARK_RESOURCE(InvoiceEmailTemplateChange, subject, body)

// What Send uses: the organization's template, else the default.
EmailTemplate invoice_email_of(store::OrgTx& tx);

InvoiceEmailTemplate get_invoice_email(store::OrgTx& tx);

// 400 invalid_template (a line break in the subject, an unknown
// placeholder, no {link} in the body); audited as org.invoice_email_changed.
Expected<InvoiceEmailTemplate, ApiError> set_invoice_email(
    store::OrgTx& tx, const audit::Actor& by,
    const Expected<const resource::Read<InvoiceEmailTemplateChange>*, ApiError>& in);

}  // namespace bulwark::domain::invoices
