#pragma once
// The demo's money (issue 14 item 9): the last four months of completed work
// invoiced on net-30 terms, most of it paid by cash, check or card, some
// partly paid, some open and some past due (a few by months), so Receivables
// has rows in several aging buckets; and problem reports from a plant's QR labels waiting in the
// inbox.
#include <cstdint>
#include <string>

#include "store/database.hpp"
#include "store/org_tx.hpp"

namespace bulwark::cli {

// Through the invoice services (the same totals, ledger rows and audit as
// the office's clicks); returns how many invoices it made.
int seed_demo_invoices(store::OrgTx& tx, const std::string& time_zone, std::int64_t now);

// Two requests filed through two assets' QR links, as a person at the machine
// would; returns how many. Its own transactions (the link is resolved like a
// scan).
int seed_demo_requests(store::Database& db, std::int64_t org_id, std::int64_t now);

}  // namespace bulwark::cli
