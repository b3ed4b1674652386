#pragma once
// The free text that describes a customer's visit (issue 13 item 1): work
// orders' descriptions, comments, time notes, checklist values and
// completion records. Each row has its own random `row_key`, and the text is
// sealed under it (OrgTx::seal, table and column in the associated data), so
// a copy of the database shows none of it. A row whose key is NULL holds
// plain text: written before migration 0024 and not sealed yet by the
// start-up pass (privacy/seal_plain_texts.cpp), or erased.
#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/customers/joined.hpp"
#include "store/org_tx.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::domain::work_orders {

struct OwnRowKey {
  std::optional<std::string> row_key;
};
BOOST_DESCRIBE_STRUCT(OwnRowKey, (), (row_key))

// A new row's key and its text sealed under it.
struct SealedText {
  std::string row_key, text;
};
inline SealedText seal_new(store::OrgTx& tx, std::string_view table, std::string_view column,
                           std::string_view plain) {
  auto key = tx.new_row_key();
  auto text = tx.seal(table, column, key, plain);
  return {std::move(key), std::move(text)};
}

// The rows of `result` (which selects the table's own `row_key`) as `Row`,
// with `member` opened from `table`.`column`.
template <class Row, class Member>
std::vector<Row> decode_sealed(store::OrgTx& tx, const store::Result& result,
                               std::string_view table, std::string_view column,
                               Member Row::*member) {
  auto rows = store::decode_all<Row>(result);
  if (rows.empty()) return rows;
  const auto keys = store::decode_all<OwnRowKey>(result);
  for (std::size_t i = 0; i < rows.size(); ++i)
    customers::open_joined(tx, table, column, keys[i].row_key, rows[i].*member);
  return rows;
}

}  // namespace bulwark::domain::work_orders
