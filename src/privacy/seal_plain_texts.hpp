#pragma once
// Upgrading a database written before the free text of a visit was sealed
// (issue 13 item 1, migration 0024): work orders' descriptions, comments,
// time notes, checklist values and completion records; and the answers kept
// for Idempotency-Key replays (a response body can hold any of these, or a
// customer's name and phone). Every row without a
// row key gets one and its text sealed, in batches walked by id, each row
// updated only while still unsealed (so two instances starting at once, or a
// crash half-way, leave nothing plain and nothing sealed twice). Erased rows
// (the plain marker, key NULL) are sealed like any other.
#include <cstdint>

#include "store/database.hpp"

namespace bulwark::privacy {

// Returns how many rows it sealed; 0 when there was nothing left.
std::int64_t seal_plain_rows_texts(store::Database& db);

}  // namespace bulwark::privacy
