#pragma once
// Upgrading a database written before customers, sites and the SMS consent
// list were sealed (issue 13 items 1 and 2, migration 0019): these seal the
// rows whose row_key is still NULL, in batches, and fill the blind indexes
// and name tokens. Idempotent: a row is sealed once (its UPDATE requires
// row_key IS NULL), so running them again, or on two instances at once,
// changes nothing more. Each returns the number of rows it sealed.
//
// They run after the SQL migrations. What they overwrite may survive in
// SQLite's free pages and WAL or in PostgreSQL's dead tuples until the
// caller runs secure_delete + VACUUM / VACUUM FULL.
#include <cstdint>
#include <optional>

#include "store/database.hpp"

namespace bulwark::privacy {

std::int64_t seal_plain_rows_customers(store::Database& db);
std::int64_t seal_plain_rows_sites(store::Database& db);
std::int64_t seal_plain_rows_sms_consent(store::Database& db);

// The same for one organization only (tests sharing a database with other
// runs' organizations, whose keys another master key wraps).
std::int64_t seal_plain_rows_customers(store::Database& db, std::optional<std::int64_t> org);
std::int64_t seal_plain_rows_sites(store::Database& db, std::optional<std::int64_t> org);
std::int64_t seal_plain_rows_sms_consent(store::Database& db, std::optional<std::int64_t> org);

}  // namespace bulwark::privacy
