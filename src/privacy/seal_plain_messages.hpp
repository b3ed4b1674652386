#pragma once
// Upgrading a database written before SMS messages were sealed (issue 13
// item 1, migration 0020): every row without a row key gets one and its phone
// and body sealed, in batches, each row updated only while still unsealed (so
// two instances starting at once, or a crash half-way, leave nothing plain and
// nothing sealed twice).
#include <cstdint>

#include "store/database.hpp"

namespace bulwark::privacy {

// Returns how many rows it sealed; 0 when there was nothing left.
std::int64_t seal_plain_rows_messages(store::Database& db);

}  // namespace bulwark::privacy
