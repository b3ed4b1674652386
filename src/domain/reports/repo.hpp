#pragma once
// The reports' SQL (repo.cpp): rows decoded by name, all in the caller's
// organization.
#include <boost/describe/class.hpp>
#include <optional>
#include <string>
#include <vector>

#include "store/org_tx.hpp"

namespace bulwark::domain::reports::repo {

struct PmWorkOrder {
  std::int64_t schedule_id = 0, due_at = 0;
  std::optional<std::int64_t> completed_at;
};
BOOST_DESCRIBE_STRUCT(PmWorkOrder, (), (schedule_id, due_at, completed_at))
// Generated PM work orders due in [from, to); completed_at only when done.
std::vector<PmWorkOrder> pm_work_orders(store::OrgTx& tx, std::int64_t from, std::int64_t to);

struct Repair {
  std::int64_t asset_id = 0, created_at = 0, completed_at = 0;
};
BOOST_DESCRIBE_STRUCT(Repair, (), (asset_id, created_at, completed_at))
// Reactive work orders on an asset completed in [from, to).
std::vector<Repair> repairs(store::OrgTx& tx, std::int64_t from, std::int64_t to);

struct StatusChange {
  std::int64_t asset_id = 0;
  std::string to_status;
  std::int64_t changed_at = 0;
};
BOOST_DESCRIBE_STRUCT(StatusChange, (), (asset_id, to_status, changed_at))
// Status changes in [from, to), by asset, oldest first.
std::vector<StatusChange> status_changes(store::OrgTx& tx, std::int64_t from, std::int64_t to);

struct AssetName {
  std::int64_t id = 0;
  std::string name;
  std::optional<std::string> site_name;
};
BOOST_DESCRIBE_STRUCT(AssetName, (), (id, name, site_name))
std::vector<AssetName> asset_names(store::OrgTx& tx);

}  // namespace bulwark::domain::reports::repo
