#pragma once
// Every table holding sealed personal data, in one list (issue 13): the
// data-key rotation walks it, `bulwark personal-fields` prints it, and the
// raw-bytes API test fails when a column is listed here that it does not
// seed (so personal data a later change adds is covered or CI is red).
//
// SQL cannot name a table from a variable here (store::Sql is literal-only,
// MUST-002), so each entry carries its own statements:
//   page:   SELECT id, row_key, <columns...> ... WHERE org_id = $1 AND id > $2
//           AND row_key IS NOT NULL ORDER BY id LIMIT $3
//           (a table without an id, the consent list, pages by its text key:
//           text_key, first cursor '')
//   reseal: UPDATE ... SET <columns> = $3.. WHERE org_id = $1 AND id = $2 AND
//           each column still equals its old value (compare-and-swap: an edit
//           made meanwhile wins and the row is revisited; no version bump)
#include <string>
#include <string_view>
#include <vector>

#include "store/sql.hpp"

namespace bulwark::privacy {

struct PersonalTable {
  std::string_view table;
  std::vector<std::string_view> columns;
  store::OrgSql page;
  store::OrgSql reseal;
  store::OrgSql count;  // SELECT COUNT(*) of the organization's sealed rows
  bool text_key = false;
};

// The cursor before a table's first row: 0, or '' for a text key.
inline store::Value first_cursor(const PersonalTable& t) {
  return t.text_key ? store::Value(std::string()) : store::Value(std::int64_t{0});
}

const std::vector<PersonalTable>& personal_tables();

}  // namespace bulwark::privacy
