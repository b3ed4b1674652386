#include "privacy/rotate_data.hpp"

#include <optional>
#include <string>
#include <vector>

#include "privacy/personal_tables.hpp"
#include "store/org_tx.hpp"

namespace bulwark::privacy {

namespace {

constexpr std::int64_t kPage = 500;

// One column of a row after the pass: the new envelope, or the old one when
// it is NULL or already under the target key.
std::optional<std::string> resealed(store::OrgTx& tx, const PersonalTable& t,
                                    std::string_view column, const std::string& row_key,
                                    const std::optional<std::string>& sealed, std::uint32_t target,
                                    bool& changed) {
  if (!sealed) return std::nullopt;
  auto& sealer = tx.sealer();
  if (sealer.key_id_of(*sealed) == target) return sealed;
  changed = true;
  return tx.seal(t.table, column, row_key, tx.open(t.table, column, row_key, *sealed));
}

store::Value value_of(const std::optional<std::string>& v) {
  return v ? store::Value(*v) : store::Value(nullptr);
}

// One page of one table; returns the last key read (an id, or the text key
// of a table without one), or nullopt at the end.
std::optional<store::Value> reseal_page(store::OrgTx& tx, const PersonalTable& t,
                                        const store::Value& after, std::uint32_t target,
                                        RotationPass& pass) {
  const store::Value page_params[] = {after, kPage};
  const auto page = tx.run_values(t.page, page_params);
  if (page.rows.empty()) return std::nullopt;
  store::Value last = after;
  for (const auto& row : page.rows) {
    last = t.text_key ? store::Value(row.text(0)) : store::Value(row.integer(0));
    const std::string row_key = row.text(1);
    ++pass.scanned;
    bool changed = false;
    std::vector<store::Value> params{last};
    std::vector<store::Value> old;
    for (std::size_t i = 0; i < t.columns.size(); ++i) {
      std::optional<std::string> sealed;
      if (!row.is_null(i + 2)) sealed = row.text(i + 2);
      params.push_back(value_of(resealed(tx, t, t.columns[i], row_key, sealed, target, changed)));
      old.push_back(value_of(sealed));
    }
    if (!changed) continue;
    params.insert(params.end(), old.begin(), old.end());
    if (tx.run_values(t.reseal, params).affected == 1)
      ++pass.rewritten;
    else
      ++pass.raced;
  }
  return last;
}

}  // namespace

std::int64_t count_sealed_rows(store::Database& db, std::int64_t org) {
  std::int64_t n = 0;
  store::read_org(db, org, [&](store::OrgTx& tx) {
    for (const auto& t : personal_tables()) n += tx.run(t.count).rows.at(0).integer(0);
  });
  return n;
}

RotationPass reseal_pass(store::Database& db, std::int64_t org, std::uint32_t target,
                         const std::function<void(std::int64_t)>& progress) {
  RotationPass pass;
  for (const auto& t : personal_tables()) {
    std::optional<store::Value> after = first_cursor(t);
    while (after) {
      // A short transaction per page: the API keeps serving between them.
      after = store::in_org(
          db, org, [&](store::OrgTx& tx) { return reseal_page(tx, t, *after, target, pass); });
      if (progress) progress(pass.scanned);
    }
  }
  return pass;
}

}  // namespace bulwark::privacy
