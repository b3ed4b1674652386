#pragma once
// `bulwark admin ...`: the operator's commands. Each opens the database
// from the same BULWARK_* configuration as the server, does its work in a
// transaction, records it in the audit log (actor "cli"), and prints what
// it did. Passwords are read without echo, from stdin with
// --password-stdin, or generated and printed once.
#include <functional>

namespace CLI {
class App;
}

namespace bulwark::cli {

// Adds the admin subcommands to `admin`; returns the function that runs the
// chosen one (exit code).
std::function<int()> register_admin_commands(CLI::App& admin);

}  // namespace bulwark::cli
