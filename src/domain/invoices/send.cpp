#include "domain/invoices/send.hpp"

#include <array>
#include <chrono>
#include <cstdlib>

#include "core/try.hpp"
#include "domain/customers/service.hpp"
#include "domain/invoices/email_settings.hpp"
#include "domain/invoices/email_template.hpp"
#include "domain/invoices/invoice_pdf.hpp"
#include "domain/invoices/repo.hpp"
#include "domain/invoices/service.hpp"
#include "domain/links/tokens.hpp"
#include "mail/message.hpp"
#include "mail/outbox.hpp"
#include "messaging/outbox.hpp"
#include "render/format.hpp"

namespace bulwark::domain::invoices {

namespace {

using namespace std::chrono_literals;
using store::OrgSql;

// Long enough to pay on usual terms; a new Send makes a new link.
constexpr auto kLinkTtl = std::chrono::milliseconds(30 * 24h);

constexpr OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");
constexpr OrgSql kLiveLinks(
    "SELECT id FROM link_tokens WHERE org_id = $1 AND purpose = 'invoice' AND subject_id = $2 "
    "AND revoked_at IS NULL ORDER BY id");

ApiError conflict(const std::string& message, std::string reason) {
  return ApiError(ErrorCode::conflict, message, std::move(reason));
}

// Where the email goes: the override, else the customer's address.
Expected<std::string, ApiError> email_address(store::OrgTx& tx, const InvoiceRow& inv,
                                              const InvoiceSend& body) {
  if (body.to) return body.to->value;
  if (inv.customer_id)
    if (auto c = customers::get(tx, *inv.customer_id); c && c->email && !c->email->empty())
      return *c->email;
  return unexpected(conflict("the customer has no email address", "no_customer_email"));
}

// "2027-01-15" as the customer reads it, "Jan 15, 2027"; no due date is
// "on receipt".
std::string due_date_text(const std::optional<std::string>& due_on) {
  static constexpr std::array<const char*, 12> kMonths = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                                          "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
  if (!due_on || due_on->size() != 10) return "on receipt";
  const int month = std::atoi(due_on->substr(5, 2).c_str());
  const int day = std::atoi(due_on->substr(8, 2).c_str());
  if (month < 1 || month > 12 || day < 1) return *due_on;
  return std::string(kMonths[static_cast<std::size_t>(month - 1)]) + " " + std::to_string(day) +
         ", " + due_on->substr(0, 4);
}

std::string link_url(std::string_view public_url, const std::string& token) {
  std::string base(public_url);
  while (base.ends_with('/')) base.pop_back();
  return base + "/l/" + token;
}

Expected<std::string, ApiError> queue_email(store::OrgTx& tx, const InvoiceView& inv,
                                            const std::string& to, std::int64_t link_id,
                                            const std::string& url, std::int64_t now) {
  BULWARK_TRY(auto pdf, invoice_pdf(tx, inv.id));
  const auto org = tx.run(kOrgName).rows.at(0).text(0);
  const auto buyer =
      inv.billing_snapshot ? inv.billing_snapshot->name : inv.customer_name.value_or("customer");
  const auto rendered = render_invoice_email(
      invoice_email_of(tx), {{"customer_name", buyer},
                             {"invoice_number", inv.number},
                             {"total", render::money(inv.total_cents, inv.currency)},
                             {"due_date", due_date_text(inv.due_on)},
                             {"link", url},
                             {"org_name", org}});
  mail::Message m;
  m.kind = "invoice";  // transactional: no List-Unsubscribe (mail/unsubscribe.hpp)
  m.to_address = to;
  m.subject = rendered.subject;
  m.text = rendered.text;
  m.html = rendered.html;
  m.to_customer = true;
  m.customer_id = inv.customer_id;
  m.idempotency_key = "invoice_send:" + std::to_string(link_id);
  m.attachment = mail::Attachment{inv.number + ".pdf", "application/pdf", std::move(pdf.bytes)};
  if (auto queued = mail::enqueue(tx.connection(), tx.org_id(), m, now); !queued)
    return unexpected(conflict("the email address cannot be used",
                               "email_" + std::string(mail::to_string(queued.error()))));
  return std::string("queued");
}

Expected<std::string, ApiError> queue_text(store::OrgTx& tx, const InvoiceView& inv,
                                           std::int64_t link_id, const std::string& url,
                                           std::int64_t now) {
  using messaging::QueueResult;
  const auto r = messaging::enqueue_for_work_order(
      tx.connection(), tx.org_id(), inv.work_order_id, "customer_link",
      "invoice_send:" + std::to_string(link_id), now, {{"link", url}});
  if (r == QueueResult::queued) return std::string("queued");
  if (r == QueueResult::suppressed) return std::string("suppressed");
  return unexpected(conflict("the customer has no phone number to text", "no_customer_phone"));
}

}  // namespace

Expected<InvoiceSent, ApiError> send_invoice(
    store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
    const Expected<const resource::Read<InvoiceSend>*, ApiError>& in, std::string_view public_url,
    std::int64_t now) {
  const auto current = repo::find(tx, id);  // existence first: 404 before 4xx about the body
  if (!current) return unexpected(ApiError(ErrorCode::not_found, "no such invoice"));
  if (!in) return unexpected(in.error());
  const auto& body = (*in)->value;
  const bool by_email = body.email.value_or(true), by_sms = body.sms.value_or(false);
  if (!by_email && !by_sms)
    return unexpected(ApiError(ErrorCode::validation_failed, "choose email, sms or both",
                               "no_channel", {{"email", "email or sms must be true"}}));
  // The address rules of the mail builder (plain local@domain, no display
  // name, no line breaks), checked here so a bad address is a 400, not a 409.
  if (body.to && !mail::valid_address(body.to->value))
    return unexpected(ApiError(ErrorCode::validation_failed, "bad to", "invalid_parameter",
                               {{"to", "is not a valid email address"}}));
  if (body.to && !by_email)
    return unexpected(ApiError(ErrorCode::validation_failed, "to is an email address",
                               "invalid_parameter", {{"to", "only with email"}}));
  if (current->status != "draft" && current->status != "open")
    return unexpected(conflict("only a draft or open invoice can be sent", "invoice_not_sendable"));
  std::optional<std::string> to;
  if (by_email) {
    BULWARK_TRY(auto address, email_address(tx, *current, body));
    to = std::move(address);
  }
  // Opening is the status change itself: its rules, audit and billing snapshot.
  if (current->status == "draft") {
    resource::Read<StatusChange> open{};
    open.value.to.value = "open";
    open.value.version.value = current->version;
    BULWARK_TRY_VOID(change_status(tx, by, id, &open, now));
  }
  // One live link per invoice: the newest Send's.
  for (const auto& row : tx.run(kLiveLinks, id).rows)
    links::revoke(tx, row.integer(0), by.user_id, now);
  const auto link = links::issue(tx,
                                 {.purpose = links::Purpose::invoice,
                                  .subject_id = id,
                                  .work_order_id = current->work_order_id,
                                  .created_by = by.user_id,
                                  .ttl = kLinkTtl},
                                 now);
  const auto url = link_url(public_url, link.token);
  BULWARK_TRY(auto inv, get(tx, id));
  InvoiceSent out;
  out.link_expires_at = resource::Time{link.expires_at};
  std::vector<std::string> fields;
  if (to) {
    BULWARK_TRY(auto queued, queue_email(tx, inv, *to, link.id, url, now));
    out.email = std::move(queued);
    fields.emplace_back(body.to ? "email_override" : "email");
  }
  if (by_sms) {
    BULWARK_TRY(auto queued, queue_text(tx, inv, link.id, url, now));
    out.sms = std::move(queued);
    fields.emplace_back("sms");
  }
  by.record(tx.connection(), "invoice.sent", "invoice", id, std::move(fields));
  out.invoice = std::move(inv);
  return out;
}

}  // namespace bulwark::domain::invoices
