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
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::mail {

// The kinds of mail that never carry List-Unsubscribe.
bool transactional(std::string_view kind);

// The List-Unsubscribe URI for a message of `kind`, or none. `mailbox` is
// where the request goes (the organization's reply-to, else the From
// address): a mailto: with subject "unsubscribe", which the office reads.
std::optional<std::string> list_unsubscribe_for(std::string_view kind, bool to_customer,
                                                std::string_view mailbox);

}  // namespace bulwark::mail
