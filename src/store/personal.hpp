#pragma once
// Personal<T>: a member of a row struct whose column holds personal data
// sealed by the organization's data key (issue 13 item 1). Decoding a row
// reads the sealed text; the repository then calls open_personal(tx, table,
// row), which opens every Personal member with the row's `row_key` member,
// the table and the member's name (= the column's name) as associated data.
// A Personal member that is not opened before the row leaves the repository
// is a bug that the raw-bytes tests catch: handlers only see plain values.
//
//   struct CustomerRow { std::int64_t id; std::string row_key;
//                        Personal<std::string> name; Personal<std::optional<std::string>> phone; };
//   auto row = tx.one<CustomerRow>(kFind, id);
//   if (row) open_personal(tx, "customers", *row);
#include <boost/describe/members.hpp>
#include <boost/mp11/algorithm.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "store/org_tx.hpp"
#include "store/typed_rows.hpp"

namespace bulwark::store {

template <class T>
struct Personal {
  static_assert(std::is_same_v<T, std::string> || std::is_same_v<T, std::optional<std::string>>,
                "Personal holds text or optional text");
  T value{};
  static constexpr bool kPersonal = true;
};

template <class T>
void from_column(const Row& r, std::size_t i, Personal<T>& out) {
  decode_column(r, i, out.value);
}

template <class M>
concept PersonalMember = requires {
  M::kPersonal;
};

template <class Row, class F>
void for_each_personal(Row& row, F&& f) {
  boost::mp11::mp_for_each<boost::describe::describe_members<Row, boost::describe::mod_public>>(
      [&](auto member) {
        if constexpr (PersonalMember<MemberType<Row, decltype(member)>>)
          f(std::string_view(member.name), (row.*member.pointer).value);
      });
}

// Opens every Personal member of `row` in place.
template <class Row>
void open_personal(OrgTx& tx, std::string_view table, Row& row) {
  for_each_personal(row, [&](std::string_view column, auto& value) {
    if constexpr (std::is_same_v<std::remove_cvref_t<decltype(value)>, std::string>)
      value = tx.open(table, column, row.row_key, value);
    else if (value)
      *value = tx.open(table, column, row.row_key, *value);
  });
}

template <class Row>
void open_personal(OrgTx& tx, std::string_view table, std::vector<Row>& rows) {
  for (auto& row : rows) open_personal(tx, table, row);
}

// The columns of `Row` that hold personal data (the raw-bytes test and
// `bulwark personal-fields` list them).
template <class Row>
std::vector<std::string> personal_columns() {
  std::vector<std::string> out;
  Row row{};
  for_each_personal(row, [&](std::string_view column, auto&) { out.emplace_back(column); });
  return out;
}

}  // namespace bulwark::store
