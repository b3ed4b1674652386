#pragma once
// The tables of an organization's export (issue 13 item 8), each with the
// literal, tenant-scoped query that reads it whole.
#include <span>
#include <string_view>

#include "store/sql.hpp"

namespace bulwark::domain::privacy {

struct ExportTable {
  std::string_view name;
  store::OrgSql sql;
};

std::span<const ExportTable> org_export_tables();

}  // namespace bulwark::domain::privacy
