#pragma once
// "Send" an invoice (issue 14 items 2 and 3): POST /api/v1/invoices/{id}/send.
// In one transaction: a draft is opened (the status change's rules, its
// audit and its billing snapshot), the invoice's earlier customer links are
// revoked and a new one (purpose invoice: the customer sees and pays it)
// is issued, and the email and/or the text are queued.
//
// The PDF is rendered HERE, when the mail is queued, not by the send job:
// the customer must get the invoice as it was when the office pressed Send.
// The PDF shows the status, payments and balance, which move afterwards
// (a payment, a void) while the mail may wait in the outbox for minutes or
// hours (SMTP down, retries). Rendering in the transaction also means an
// invoice that cannot be rendered is not marked sent. The cost is a larger
// outbox row (the PDF sealed as base64, ~1.4x; bounded by
// mail::kMaxAttachment), which the send job reads once.
#include <optional>
#include <string>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/invoices/model.hpp"
#include "resource/fields.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

struct InvoiceSend {                  // POST /api/v1/invoices/{id}/send
  std::optional<bool> email;          // default true
  std::optional<bool> sms;            // default false
  std::optional<resource::Email> to;  // instead of the customer's address
};
BULWARK_RESOURCE(InvoiceSend, email, sms, to)

struct InvoiceSent {
  InvoiceView invoice;
  // queued | suppressed (the customer opted out of texts); null: not asked.
  std::optional<std::string> email, sms;
  resource::Time link_expires_at;
};
BULWARK_RESOURCE(InvoiceSent, invoice, email, sms, link_expires_at)

// 404 for another organization's invoice; 400 no_channel (neither email nor
// sms), 409 invoice_not_sendable (paid, refunded or void), 409
// no_customer_email / no_customer_phone (nothing is changed then).
Expected<InvoiceSent, ApiError> send_invoice(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
    const Expected<const resource::Read<InvoiceSend>*, ApiError>& in, std::string_view public_url,
    std::int64_t now);

}  // namespace bulwark::domain::invoices
