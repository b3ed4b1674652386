#pragma once
// What every `bulwark admin` command shares: the exit codes, the operator
// error (printed without "failed:", exit 2), opening the database from the
// server's configuration, the look-ups by slug and email, the audit entry
// with actor "cli", and the registration of a subcommand.
#include <cstdint>
#include <functional>
#include <memory>
#include <stdexcept>
#include <string>

#include "audit/audit_log.hpp"
#include "config/config.hpp"
#include "identity/users.hpp"
#include "store/database.hpp"

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's namespace
class App;
}

namespace bulwark::cli::admin {

inline constexpr int kOk = 0, kFailure = 1, kUsage = 2;

// The operator asked for something that cannot be done (bad option, unknown
// slug, last owner): a message, no stack of causes.
struct Failure : std::runtime_error {
  using std::runtime_error::runtime_error;
};

// The runner of the subcommand the operator picked (empty: none).
using Runner = std::function<int()>;
using Chosen = std::shared_ptr<Runner>;

// Loads the configuration into `c` and opens the migrated database.
std::unique_ptr<store::Database> open_db(config::Config& c);
// Attaches the field-encryption key ring when the master key loads and
// matches the database (open_db does it; so do commands opening their own).
void attach_key_ring_if_configured(const config::Config& c, store::Database& db);

identity::Org require_org(store::Database& db, const std::string& slug);
// The account for an address, with the membership sign-in opens.
identity::Credentials require_user(store::Database& db, const std::string& email);
// The account's membership in the organization `org_slug`; with no slug, its
// only membership (a person in several organizations must be told which).
identity::Credentials require_member(store::Database& db, const std::string& email,
                                     const std::string& org_slug);

audit::Entry cli_entry(std::int64_t org, std::string action, std::string target_type,
                       std::string target_id);

// Adds subcommand `name` to `admin`; picking it makes `run` the chosen runner.
CLI::App* add_command(CLI::App& admin, const Chosen& chosen, const char* name, const char* help,
                      const Runner& run);

}  // namespace bulwark::cli::admin
