#pragma once
// Runs pg_dump / pg_restore as child processes with extra environment
// variables (libpq reads the password from PGPASSWORD there: never argv) and
// their stdout or stdin as a pipe we stream through the backup cipher.
#include <cstddef>
#include <functional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulwark::backup {

using EnvVars = std::vector<std::pair<std::string, std::string>>;

// Runs argv with `env` added; each block of its stdout goes to `sink`.
// Returns the exit status (a signal: 128 + number). Throws if it cannot start.
int run_reading(const std::vector<std::string>& argv, const EnvVars& env,
                const std::function<void(std::string_view)>& sink);

// Runs argv with `env` added; `feed` is called with a writer for its stdin.
int run_writing(const std::vector<std::string>& argv, const EnvVars& env,
                const std::function<void(const std::function<void(std::string_view)>&)>& feed);

}  // namespace bulwark::backup
