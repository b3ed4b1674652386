#pragma once
// The accounts-receivable list as a CSV file for the bookkeeper's
// spreadsheet (issue 14 items 2 and 9): every open invoice with a balance,
// the customer's name, due date, days past due and aging bucket, amounts as
// decimals. Text cells are formula-guarded (core/csv.hpp). The file holds
// customers' names, so the download is audited.
#include <cstdint>
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::invoices {

struct CsvFile {
  std::string filename;  // "receivables-2026-12-07.csv": ASCII, no quotes
  std::string bytes;
};

Expected<CsvFile, ApiError> receivables_csv(store::OrgTx& tx, const audit::Actor& by,
                                            std::int64_t now);

}  // namespace bulwark::domain::invoices
