#pragma once
// The CLI's master key (admin_keys.cpp): read as the server reads it, and
// checked against (or, on a fresh database, recorded as) the database's
// fingerprint, so a command never wraps keys under another master key.
#include "cli/admin_support.hpp"
#include "core/secret.hpp"

namespace bulwark::cli::admin {

Secret checked_master_key(const config::Config& c, store::Database& db);

}  // namespace bulwark::cli::admin
