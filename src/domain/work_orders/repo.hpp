#pragma once
// The work orders' SQL, beside its only callers (the services of this
// directory): named compile-time OrgSql constants, rows decoded by name.
// `only_assignee` scopes a read to one technician's work orders.
#include <optional>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/work_orders/field_model.hpp"
#include "domain/work_orders/model.hpp"
#include "domain/work_orders/schedule_model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::work_orders::repo {

using Scope = std::optional<std::int64_t>;  // the technician's own user id, or everyone

struct NewId {  // RETURNING id
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(NewId, (), (id))

std::optional<WorkOrderView> find(store::OrgTx& tx, std::int64_t id, Scope only_assignee);
bool visible(store::OrgTx& tx, std::int64_t id, Scope only_assignee);
// Up to q.limit + 1 rows (the extra one says there is a next page).
std::vector<WorkOrderView> list(store::OrgTx& tx, const WorkOrderQuery& q);
// The value of `sort`'s key in `row`, as the list's SQL computes it (repo_list.cpp).
std::int64_t sort_key(const WorkOrderView& row, ListSort sort, bool ascending);

std::int64_t next_number(store::OrgTx& tx);  // WO-1001, WO-1002, ... per organization
std::int64_t insert(store::OrgTx& tx, const NewWorkOrder& w, std::int64_t number,
                    std::string_view status, std::int64_t created_by, std::int64_t now);
Expected<void, ApiError> update(store::OrgTx& tx, std::int64_t id, const WorkOrderChange& c,
                                bool notify_customer, std::int64_t now);
Expected<void, ApiError> set_status(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                    std::string_view status, std::int64_t now);
void add_history(store::OrgTx& tx, std::int64_t id, std::optional<std::string_view> from,
                 std::string_view to, std::int64_t actor, std::int64_t now);
std::vector<HistoryRow> history(store::OrgTx& tx, std::int64_t id);

// References a work order may hold: live customers, sites, active users.
bool customer_exists(store::OrgTx& tx, std::int64_t id);
bool site_exists(store::OrgTx& tx, std::int64_t id);
bool active_user_exists(store::OrgTx& tx, std::int64_t id);

// What is recorded while working (repo_items.cpp).
std::vector<CommentView> comments(store::OrgTx& tx, std::int64_t wo);
std::vector<TimeEntryView> time_entries(store::OrgTx& tx, std::int64_t wo);
std::vector<PartRow> parts(store::OrgTx& tx, std::int64_t wo);
std::optional<PartRow> part(store::OrgTx& tx, std::int64_t wo, std::int64_t part);

std::int64_t insert_comment(store::OrgTx& tx, std::int64_t wo, std::int64_t author,
                            const std::string& body, std::int64_t now);
std::int64_t insert_time_entry(store::OrgTx& tx, std::int64_t wo, std::int64_t user,
                               std::int64_t minutes, const std::string& note, std::int64_t now);
// A part as stored: named by the office or copied from the price book.
struct NewPartRow {
  std::string name;
  double quantity = 0;
  std::int64_t unit_cost_cents = 0;
  std::optional<std::int64_t> price_item_id;
};
std::int64_t insert_part(store::OrgTx& tx, std::int64_t wo, const NewPartRow& p, std::int64_t by,
                         std::int64_t now);
void update_part(store::OrgTx& tx, std::int64_t wo, std::int64_t part, const PartChange& c);

// The board (repo_items.cpp).
inline constexpr std::int64_t kMaxBoardItems = 500;
// Up to `limit` scheduled in [from, to), optionally of one technician.
std::vector<BoardRow> scheduled_between(store::OrgTx& tx, std::int64_t from, std::int64_t to,
                                        std::optional<std::int64_t> assignee, std::int64_t limit);
std::vector<BoardRow> unplanned(store::OrgTx& tx);
std::vector<DispatchTechnician> technicians(store::OrgTx& tx);
// One technician's visits in [from, to), cancelled and closed left out.
std::vector<BoardRow> day_of(store::OrgTx& tx, std::int64_t user, std::int64_t from,
                             std::int64_t to);

// The board's schedule change (repo_schedule.cpp): the version check, and
// the technician's other jobs intersecting [start, end).
Expected<void, ApiError> set_schedule(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                      std::optional<std::int64_t> assignee,
                                      std::optional<std::int64_t> start,
                                      std::optional<std::int64_t> end, std::string_view status,
                                      std::int64_t now);
std::vector<OverlapRow> overlaps(store::OrgTx& tx, std::int64_t assignee, std::int64_t id,
                                 std::int64_t start, std::int64_t end);

// The field facts and an asset's work history (repo_field.cpp).
std::optional<FieldFactsRow> field_facts(store::OrgTx& tx, std::int64_t wo);
std::optional<std::int64_t> asset_site(store::OrgTx& tx, std::int64_t asset);  // none: no asset
// Up to `limit` of the asset's work orders, newest first, with labour minutes.
std::vector<AssetWorkRow> asset_work(store::OrgTx& tx, std::int64_t asset, Scope only_assignee,
                                     std::int64_t limit);
// The parts of the asset's work orders from `from_work_order` on (by id).
std::vector<AssetPartRow> asset_parts(store::OrgTx& tx, std::int64_t asset,
                                      std::int64_t from_work_order);
std::int64_t labour_rate_cents(store::OrgTx& tx);

}  // namespace bulwark::domain::work_orders::repo
