#pragma once
// The master key at server start (issue 13 item 1): read it (production
// refuses to start without one; development makes one in the data directory
// and says so loudly), compare its fingerprint with the database's, and print
// the fingerprint (never the key) so the operator can match it with the
// escrow copy.
#include <string>

#include "config/config.hpp"
#include "core/expected.hpp"
#include "core/secret.hpp"
#include "store/database.hpp"

namespace bulwark::app {

// Before the database is opened: the key, or the message to print (exit 2).
Expected<Secret, std::string> load_server_master_key(const config::Config& c);

// After migrations: the fingerprint check (records it on a fresh database).
// The error is the message to print (exit 2).
Expected<void, std::string> check_server_master_key(store::Database& db, const Secret& master,
                                                    std::int64_t now_ms);

}  // namespace bulwark::app
