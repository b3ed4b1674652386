#pragma once
// `bulwark personal-fields`: every column that holds sealed personal data,
// as `table.column`, one per line, sorted. The raw-bytes API test
// (tests/api/test_at_rest_every_field.py) reads this list and fails when it
// names a column the test does not seed through the API, so personal data a
// later change adds is covered by the test or CI is red (issue 13 item 1).
#include <functional>
#include <set>
#include <string>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's
class App;
}

namespace bulwark::cli {

// The export's personal columns and the rotation's, together.
std::set<std::string> personal_fields();

// Adds the personal-fields subcommand to `cli`; returns it. `run` receives its runner.
CLI::App* register_personal_fields(CLI::App& cli, std::function<int()>& run);

}  // namespace bulwark::cli
