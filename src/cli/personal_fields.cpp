#include "cli/personal_fields.hpp"

#include <CLI/CLI.hpp>
#include <cstdio>

#include "privacy/export_columns.hpp"
#include "privacy/personal_tables.hpp"

namespace bulwark::cli {

std::set<std::string> personal_fields() {
  std::set<std::string> out;
  for (const auto& p : privacy::kPersonalColumns)
    out.insert(std::string(p.table) + "." + std::string(p.column));
  for (const auto& t : privacy::personal_tables())
    for (auto column : t.columns) out.insert(std::string(t.table) + "." + std::string(column));
  return out;
}

CLI::App* register_personal_fields(CLI::App& cli, std::function<int()>& run) {
  auto* cmd = cli.add_subcommand(
      "personal-fields",
      "Print every column that holds sealed personal data (table.column), one per line.");
  run = [] {
    for (const auto& f : personal_fields()) std::printf("%s\n", f.c_str());
    return 0;
  };
  return cmd;
}

}  // namespace bulwark::cli
