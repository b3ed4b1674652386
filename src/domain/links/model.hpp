#pragma once
// What a customer link shows (GET /api/v1/links/{token}) and what the
// office sees of its links. A link shows its one purpose and nothing else of
// the organization: its name and phone, and the appointment, the invoice or
// the report; never gate codes, notes, other work or other customers.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::links {

using resource::OneOf;
using resource::Time;

struct LinkOrg {
  std::string name;
  std::optional<std::string> phone;  // the organization's texting number, if it has one
};
BULWARK_RESOURCE(LinkOrg, name, phone)

// The visit: its day and time window in the organization's zone.
struct LinkAppointment {
  std::string work_order_number;  // "WO-1042"
  std::string title;
  std::optional<Time> starts_at, ends_at;
  std::optional<std::string> date, window;  // "Tuesday, March 3, 2026", "9:00 AM - 11:00 AM"
  std::optional<std::string> address;       // the site's street address
  bool confirmed = false;
  bool can_confirm = false;  // scheduled, in the future, not yet confirmed
};
BULWARK_RESOURCE(LinkAppointment, work_order_number, title, starts_at, ends_at, date, window,
                 address, confirmed, can_confirm)

struct LinkInvoiceLine {
  std::string description;
  double quantity = 0;
  std::int64_t unit_cents = 0, amount_cents = 0;
};
BULWARK_RESOURCE(LinkInvoiceLine, description, quantity, unit_cents, amount_cents)

struct LinkInvoice {
  std::string number;  // "INV-1001"
  std::string status;  // open | paid | refunded
  std::string currency;
  std::vector<LinkInvoiceLine> lines;
  std::int64_t total_cents = 0, balance_cents = 0;
  std::optional<std::string> payment_link;  // Stripe Checkout, while one is open
};
BULWARK_RESOURCE(LinkInvoice, number, status, currency, lines, total_cents, balance_cents,
                 payment_link)

struct LinkReport {
  std::string work_order_number;
  std::optional<std::string> completed_on;  // the local date
  std::string download_path;                // /api/v1/links/{token}/report.pdf
};
BULWARK_RESOURCE(LinkReport, work_order_number, completed_on, download_path)

// GET /api/v1/links/{token}: exactly one of appointment, invoice, report.
struct CustomerLinkView {
  std::string purpose;
  LinkOrg org;
  Time expires_at;
  std::optional<LinkAppointment> appointment;
  std::optional<LinkInvoice> invoice;
  std::optional<LinkReport> report;
};
BULWARK_RESOURCE(CustomerLinkView, purpose, org, expires_at, appointment, invoice, report)

struct LinkConfirmed {  // POST /api/v1/links/{token}/confirm
  LinkAppointment appointment;
};
BULWARK_RESOURCE(LinkConfirmed, appointment)

// The purposes the office may issue from a work order.
inline constexpr std::array<std::string_view, 3> kCustomerPurposes{"appointment", "invoice",
                                                                   "report"};

inline constexpr std::array<std::string_view, 2> kSendBy{"sms", "email"};

struct NewCustomerLink {  // POST /api/v1/work-orders/{id}/links
  OneOf<kCustomerPurposes> purpose;
  // How long it works; default per purpose (14 days; an appointment's link
  // ends a day after the visit).
  std::optional<resource::Int<1, 720>> expires_in_hours;
  std::optional<OneOf<kSendBy>> send_by;  // text or email it to the customer now
};
BULWARK_RESOURCE(NewCustomerLink, purpose, expires_in_hours, send_by)

// A link as the office lists it: never its token.
struct CustomerLinkSummary {
  std::int64_t id = 0;
  std::string purpose;
  std::string state;  // active | expired | revoked | used
  Time created_at, expires_at;
  std::optional<Time> revoked_at, used_at;
  std::optional<std::string> created_by_name;
};
BULWARK_RESOURCE(CustomerLinkSummary, id, purpose, state, created_at, expires_at, revoked_at,
                 used_at, created_by_name)

// The answer to issuing: the URL, this once.
struct IssuedCustomerLink {
  CustomerLinkSummary link;
  std::string url;                  // BULWARK_PUBLIC_URL + /l/{token}
  std::optional<std::string> sent;  // queued | suppressed (opted out of texts); null: not sent
};
BULWARK_RESOURCE(IssuedCustomerLink, link, url, sent)

}  // namespace bulwark::domain::links
