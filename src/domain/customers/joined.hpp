#pragma once
// Columns of customers and sites that another table's query joins in (a work
// order's customer name, an invoice's billing address, ...) come sealed with
// their row's key, selected beside them as `c.row_key AS customer_row_key` /
// `s.row_key AS site_row_key`. These open them in place: the views stay as
// they are and the key columns never reach a response.
#include <array>
#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "domain/customers/blind.hpp"
#include "store/org_tx.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::domain::customers {

struct JoinedCustomerKey {
  std::optional<std::string> customer_row_key;
};
BOOST_DESCRIBE_STRUCT(JoinedCustomerKey, (), (customer_row_key))

struct JoinedSiteKey {
  std::optional<std::string> site_row_key;
};
BOOST_DESCRIBE_STRUCT(JoinedSiteKey, (), (site_row_key))

// Opens `value` (sealed in `table`.`column` of the row with `key`); a row
// that was not joined (no key) has nothing to open.
inline void open_joined(store::OrgTx& tx, std::string_view table, std::string_view column,
                        const std::optional<std::string>& key, std::optional<std::string>& value) {
  if (key && value) value = tx.open(table, column, *key, *value);
}
inline void open_joined(store::OrgTx& tx, std::string_view table, std::string_view column,
                        const std::optional<std::string>& key, std::string& value) {
  if (key) value = tx.open(table, column, *key, value);
}

// The rows of `result` as `Row`, with `open(row, customer_key, site_key)`
// called on each (keys NULL when the query has no such column).
template <class Row, class Open>
std::vector<Row> decode_opened(const store::Result& result, Open&& open) {
  auto rows = store::decode_all<Row>(result);
  if (rows.empty()) return rows;
  const auto has = [&](std::string_view name) {
    for (const auto& c : result.columns)
      if (c == name) return true;
    return false;
  };
  std::vector<JoinedCustomerKey> customers(rows.size());
  std::vector<JoinedSiteKey> sites(rows.size());
  if (has("customer_row_key")) customers = store::decode_all<JoinedCustomerKey>(result);
  if (has("site_row_key")) sites = store::decode_all<JoinedSiteKey>(result);
  for (std::size_t i = 0; i < rows.size(); ++i)
    open(rows[i], customers[i].customer_row_key, sites[i].site_row_key);
  return rows;
}

// Customers whose name matches these words (whole or >= 3-character
// prefixes): the name tokens to bind, up to `n` (NULL for the rest).
template <std::size_t N>
std::array<std::optional<std::string>, N> name_tokens_of(store::OrgTx& tx,
                                                         const std::vector<std::string>& words) {
  std::array<std::optional<std::string>, N> out;
  for (std::size_t i = 0; i < N && i < words.size(); ++i) out[i] = name_token(tx, words[i]);
  return out;
}

}  // namespace bulwark::domain::customers
