#pragma once
// Which email carries List-Unsubscribe (RFC 2369) and, with an https: URI,
// List-Unsubscribe-Post: List-Unsubscribe=One-Click (RFC 8058).
//
// The rule: mail to a customer that is NOT transactional carries it; mail
// that is transactional does not, nor does mail to the organization's own
// users. Transactional means the message completes something the customer
// is already in: an invoice for work done, a link to their appointment,
// invoice or service report, an invitation or a password reset. Those are
// not a list one can leave (a customer who does not want invoices by email
// tells the office, which stops sending them), and mailbox providers expect
// the header on bulk and marketing mail only. Bulwark sends no marketing
// mail; any future kind that is not in the list below (a newsletter, a
// "time for your yearly pump-out" reminder) gets the header by default.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "store/org_tx.hpp"

namespace bulwark::mail {

// The kinds of mail that never carry List-Unsubscribe.
bool transactional(std::string_view kind);

// The List-Unsubscribe URI for a message of `kind`, or none. `mailbox` is
// where the request goes (the organization's reply-to, else the From
// address): a mailto: with subject "unsubscribe", which the office reads.
std::optional<std::string> list_unsubscribe_for(std::string_view kind, bool to_customer,
                                                std::string_view mailbox);

// Where a marketing body names its unsubscribe page (mail/send_job.cpp).
inline constexpr std::string_view kUnsubscribeSlot = "{{unsubscribe_url}}";

struct OneClick {
  std::string post_url;  // List-Unsubscribe: BULWARK_PUBLIC_URL/api/v1/public/unsubscribe/{t}
  std::string page_url;  // for people: BULWARK_PUBLIC_URL/u/{t} (a page with a button)
};

// How long an unsubscribe link works: CAN-SPAM wants the opt-out to work at
// least 30 days after sending; a year covers a reminder read late.
inline constexpr std::int64_t kUnsubscribeTtlMs = 365LL * 24 * 3600 * 1000;

// Issues the one-click link of a customer in the caller's transaction.
OneClick issue_one_click(store::OrgTx& tx, std::int64_t customer_id, std::string_view public_url,
                         std::int64_t now_ms);

// `text` with every kUnsubscribeSlot replaced by `url`.
std::string fill_unsubscribe_slot(std::string text, std::string_view url);

}  // namespace bulwark::mail
