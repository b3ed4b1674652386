#include "domain/privacy/requests.hpp"

#include <chrono>
#include <cstdio>

#include "core/org_time.hpp"
#include "domain/customers/joined.hpp"
#include "domain/org/service.hpp"

namespace bulwark::domain::privacy {

namespace {

using store::OrgSql;

#define REQUEST_SELECT                                                                     \
  "SELECT r.id, r.customer_id, c.name AS customer_name, r.type, r.regime, r.received_on, " \
  "r.due_on, r.notes, r.completed_at, r.completed_by, u.name AS completed_by_name, "       \
  "r.created_at, c.row_key AS customer_row_key, r.row_key FROM privacy_requests r "        \
  "LEFT JOIN customers c ON c.org_id = $1 AND c.id = r.customer_id "                       \
  "LEFT JOIN users u ON u.org_id = $1 AND u.id = r.completed_by "
// Open ones first, by due date; then the completed, newest first.
constexpr OrgSql kList(REQUEST_SELECT
                       "WHERE r.org_id = $1 ORDER BY CASE WHEN r.completed_at IS NULL THEN 0 "
                       "ELSE 1 END, r.due_on, r.id DESC LIMIT 500");
constexpr OrgSql kOne(REQUEST_SELECT "WHERE r.org_id = $1 AND r.id = $2");
#undef REQUEST_SELECT
constexpr OrgSql kCustomerExists("SELECT id FROM customers WHERE org_id = $1 AND id = $2");
constexpr OrgSql kInsert(
    "INSERT INTO privacy_requests (org_id, customer_id, type, regime, received_on, due_on, "
    "notes, created_by, created_at, row_key) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) "
    "RETURNING id");
constexpr OrgSql kComplete(
    "UPDATE privacy_requests SET completed_at = $3, completed_by = $4 "
    "WHERE org_id = $1 AND id = $2 AND completed_at IS NULL");
constexpr OrgSql kOverdue(
    "SELECT COUNT(*) AS n FROM privacy_requests WHERE org_id = $1 AND completed_at IS NULL "
    "AND due_on < $2");

constexpr OrgSql kFlag("SELECT do_not_sell FROM customers WHERE org_id = $1 AND id = $2");
constexpr OrgSql kHistory(
    "SELECT h.do_not_sell, h.source, h.changed_by, u.name AS changed_by_name, h.changed_at "
    "FROM customer_do_not_sell h LEFT JOIN users u ON u.org_id = $1 AND u.id = h.changed_by "
    "WHERE h.org_id = $1 AND h.customer_id = $2 ORDER BY h.id DESC");
constexpr OrgSql kSetFlag(
    "UPDATE customers SET do_not_sell = $3, updated_at = $4 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kAddHistory(
    "INSERT INTO customer_do_not_sell (org_id, customer_id, do_not_sell, source, changed_by, "
    "changed_at) VALUES ($1, $2, $3, $4, $5, $6)");

std::string today(store::OrgTx& tx, std::int64_t now) {
  return core::iso_date(core::local_date(org::time_zone(tx), now));
}

// The customer's name and the notes (which may name them), opened.
PrivacyRequestRow& opened(store::OrgTx& tx, PrivacyRequestRow& r) {
  customers::open_joined(tx, "customers", "name", r.customer_row_key, r.customer_name);
  customers::open_joined(tx, "privacy_requests", "notes", r.row_key, r.notes);
  return r;
}
PrivacyRequestRow opened(store::OrgTx& tx, PrivacyRequestRow&& r) { return opened(tx, r); }

PrivacyRequestView view(const PrivacyRequestRow& r, const std::string& today) {
  PrivacyRequestView v;
  v.id = r.id;
  v.customer_id = r.customer_id;
  v.customer_name = r.customer_name;
  v.type = r.type;
  v.regime = r.regime;
  v.received_on = r.received_on;
  v.due_on = r.due_on;
  v.notes = r.notes;
  v.overdue = !r.completed_at && r.due_on < today;
  if (r.completed_at) v.completed_at = resource::Time{*r.completed_at};
  v.completed_by = r.completed_by;
  v.completed_by_name = r.completed_by_name;
  v.created_at.ms = r.created_at;
  return v;
}

ApiError no_such_request() { return ApiError(ErrorCode::not_found, "no such privacy request"); }
ApiError no_such_customer() { return ApiError(ErrorCode::not_found, "no such customer"); }

}  // namespace

std::optional<std::string> due_on(std::string_view received_on, std::string_view regime) {
  int y = 0;
  unsigned m = 0, d = 0;
  const std::string text(received_on);
  char extra = 0;
  if (std::sscanf(text.c_str(), "%4d-%2u-%2u%c", &y, &m, &d, &extra) != 3) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year{y}, std::chrono::month{m},
                                        std::chrono::day{d}};
  if (!day.ok()) return std::nullopt;
  const int days = regime == "ccpa" ? 45 : 30;
  return core::iso_date(std::chrono::sys_days(day) + std::chrono::days(days));
}

Expected<resource::Items<PrivacyRequestView>, ApiError> list_requests(store::OrgTx& tx,
                                                                      std::int64_t now) {
  const auto day = today(tx, now);
  resource::Items<PrivacyRequestView> out;
  for (auto& r : tx.all<PrivacyRequestRow>(kList)) out.items.push_back(view(opened(tx, r), day));
  return out;
}

Expected<PrivacyRequestView, ApiError> create_request(store::OrgTx& tx, const audit::Actor& by,
                                                      const NewPrivacyRequest& in,
                                                      std::int64_t now) {
  if (in.customer_id && tx.run(kCustomerExists, *in.customer_id).rows.empty())
    return unexpected(ApiError(ErrorCode::validation_failed, "no such customer", "invalid_fields",
                               {{"customer_id", "is not a customer"}}));
  const auto due = due_on(in.received_on.value, in.regime.value);
  if (!due)
    return unexpected(ApiError(ErrorCode::validation_failed, "bad date", "invalid_fields",
                               {{"received_on", "must be a date like 2026-01-31"}}));
  const auto row_key = tx.new_row_key();
  const auto notes =
      tx.seal("privacy_requests", "notes", row_key, in.notes ? in.notes->value : std::string());
  const auto id = tx.run(kInsert, in.customer_id, in.type.value, in.regime.value,
                         in.received_on.value, *due, notes, by.user_id.value_or(0), now, row_key)
                      .rows.at(0)
                      .integer(0);
  by.record(tx.connection(), "privacy_request.created", "privacy_request", id,
            {"type", "regime", "received_on", "customer_id", "notes"});
  return view(opened(tx, *tx.one<PrivacyRequestRow>(kOne, id)), today(tx, now));
}

Expected<PrivacyRequestView, ApiError> complete_request(store::OrgTx& tx, const audit::Actor& by,
                                                        std::int64_t id, std::int64_t now) {
  if (!tx.one<PrivacyRequestRow>(kOne, id)) return unexpected(no_such_request());
  if (tx.run(kComplete, id, now, by.user_id.value_or(0)).affected == 0)
    return unexpected(
        ApiError(ErrorCode::conflict, "this request is already completed", "already_completed"));
  by.record(tx.connection(), "privacy_request.completed", "privacy_request", id);
  return view(opened(tx, *tx.one<PrivacyRequestRow>(kOne, id)), today(tx, now));
}

std::int64_t overdue_count(store::OrgTx& tx, std::int64_t now) {
  return tx.run(kOverdue, today(tx, now)).rows.at(0).integer(0);
}

Expected<DoNotSellView, ApiError> do_not_sell(store::OrgTx& tx, std::int64_t customer) {
  const auto flag = tx.run(kFlag, customer);
  if (flag.rows.empty()) return unexpected(no_such_customer());
  DoNotSellView v;
  v.customer_id = customer;
  v.do_not_sell = flag.rows[0].integer(0) != 0;
  for (const auto& r : tx.all<DoNotSellRow>(kHistory, customer))
    v.history.push_back(
        {r.do_not_sell != 0, r.source, r.changed_by, r.changed_by_name, {r.changed_at}});
  return v;
}

// API clients with a purpose (a later issue): every export to a third party
// will leave out customers whose do_not_sell is set; that filter goes there.
Expected<DoNotSellView, ApiError> set_do_not_sell(store::OrgTx& tx, const audit::Actor& by,
                                                  std::int64_t customer, const DoNotSellChange& in,
                                                  std::int64_t now) {
  if (tx.run(kSetFlag, customer, in.do_not_sell, now).affected == 0)
    return unexpected(no_such_customer());
  tx.run(kAddHistory, customer, in.do_not_sell, in.source.value, by.user_id, now);
  by.record(tx.connection(), "customer.do_not_sell_changed", "customer", customer,
            {"do_not_sell", "source"});
  return do_not_sell(tx, customer);
}

}  // namespace bulwark::domain::privacy
