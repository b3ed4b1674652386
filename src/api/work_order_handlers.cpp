#include "api/work_order_handlers.hpp"

#include <charconv>
#include <chrono>

#include "api/query_params.hpp"
#include "domain/customers/blind.hpp"
#include "domain/timestamps.hpp"
#include "domain/work_order_status.hpp"

namespace bulwark::api {

namespace wo = domain::work_orders;
using store::OrgTx;

namespace {

ApiError bad_parameter(const std::string& message, const std::string& name, std::string problem) {
  return ApiError(ErrorCode::validation_failed, message, "invalid_parameter",
                  {{name, std::move(problem)}});
}

Result<std::optional<resource::Time>> time_param(const QueryParams& q, const std::string& name) {
  const auto text = q.text(name, 40);
  if (!text) return std::optional<resource::Time>{};
  const auto ms = domain::parse_rfc3339(*text);
  if (!ms) return unexpected(bad_parameter("bad time", name, "must be an RFC 3339 time"));
  return std::optional(resource::Time{*ms});
}

// "1042" or "WO-1042" is a work order's number.
std::optional<std::int64_t> number_in(std::string_view text) {
  if (text.size() > 3 && (text.starts_with("WO-") || text.starts_with("wo-")))
    text.remove_prefix(3);
  std::int64_t n = 0;
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), n);
  if (ec != std::errc{} || end != text.data() + text.size()) return std::nullopt;
  return n;
}

// "2026-12-02": a calendar date (not a time), checked for a real day.
std::optional<std::chrono::year_month_day> calendar_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  const auto read = [&](std::size_t from, std::size_t len, auto& out) {
    const auto* end = text.data() + from + len;
    const auto r = std::from_chars(text.data() + from, end, out);
    return r.ec == std::errc{} && r.ptr == end;
  };
  if (!read(0, 4, y) || !read(5, 2, m) || !read(8, 2, d)) return std::nullopt;
  const std::chrono::year_month_day day{std::chrono::year(y), std::chrono::month(m),
                                        std::chrono::day(d)};
  if (!day.ok()) return std::nullopt;
  return day;
}

Result<std::optional<std::chrono::year_month_day>> date_param(const QueryParams& q,
                                                              const std::string& name) {
  const auto text = q.text(name, 10);
  if (!text) return std::optional<std::chrono::year_month_day>{};
  const auto day = calendar_date(*text);
  if (!day) return unexpected(bad_parameter("bad date", name, "must be a date like 2026-12-02"));
  return day;
}

// overdue=true, due_after / due_before (local dates, both included).
Result<void> read_attention(const Ctx& ctx, const QueryParams& q, wo::WorkOrderQuery& query) {
  if (const auto overdue = q.text("overdue", 5)) {
    if (*overdue != "true" && *overdue != "false")
      return unexpected(bad_parameter("bad overdue", "overdue", "must be true or false"));
    if (*overdue == "true") query.overdue_at = ctx.now_ms();
  }
  BULWARK_TRY(query.due_after, date_param(q, "due_after"));
  BULWARK_TRY(query.due_before, date_param(q, "due_before"));
  if (query.due_after && query.due_before && *query.due_before < *query.due_after)
    return unexpected(bad_parameter("bad due range", "due_before", "is before due_after"));
  return {};
}

// sort= one of the keys, order=asc|desc (default: due, scheduled and status ascending,
// the others newest or highest first); the cursor must be one of that sort.
Result<void> read_sort(const QueryParams& q, wo::WorkOrderQuery& query) {
  if (const auto sort = q.text("sort", 20)) {
    const auto parsed = wo::parse_list_sort(*sort);
    if (!parsed)
      return unexpected(bad_parameter(
          "unknown sort", "sort", "must be due, scheduled, created, priority, number or status"));
    query.sort = *parsed;
    query.ascending = query.sort == wo::ListSort::due || query.sort == wo::ListSort::status ||
                      query.sort == wo::ListSort::scheduled;
  }
  if (const auto order = q.text("order", 4)) {
    if (*order != "asc" && *order != "desc")
      return unexpected(bad_parameter("unknown order", "order", "must be asc or desc"));
    query.ascending = *order == "asc";
  }
  if (const auto cursor = q.text("cursor", 80); cursor && !wo::read_list_cursor(*cursor, query))
    return unexpected(
        bad_parameter("bad cursor", "cursor", "is not a cursor of this list's sort and order"));
  return {};
}

}  // namespace

wo::Caller wo_caller(const Ctx& ctx) { return {ctx.actor(), ctx.who().user_id, ctx.who().role}; }

Result<Page<wo::WorkOrderView>> list_work_orders(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"status", "assignee_id", "customer_id", "from", "to", "limit", "cursor", "priority",
                "q", "overdue", "due_after", "due_before", "site_id", "asset_id", "sort", "order"});
  wo::WorkOrderQuery query;
  query.limit = q.integer("limit", 1, 200).value_or(50);
  query.status = q.text("status", 20);
  if (query.status && *query.status != wo::kActiveStatus && !domain::parse_status(*query.status))
    return unexpected(bad_parameter("unknown status", "status",
                                    "is not a work-order status (or active: still to be done)"));
  query.assignee_id = q.integer("assignee_id", 1, INT64_MAX);
  query.customer_id = q.integer("customer_id", 1, INT64_MAX);
  query.site_id = q.integer("site_id", 1, INT64_MAX);
  query.asset_id = q.integer("asset_id", 1, INT64_MAX);
  BULWARK_TRY(query.from, time_param(q, "from"));
  BULWARK_TRY(query.to, time_param(q, "to"));
  query.priority = q.text("priority", 20);
  if (query.priority &&
      std::ranges::find(wo::kPriorities, *query.priority) == wo::kPriorities.end())
    return unexpected(
        bad_parameter("unknown priority", "priority", "must be low, medium, high or urgent"));
  if (const auto search = q.text("q", 100)) {
    query.like = like_pattern(*search);
    query.customer_words = domain::customers::name_words(*search);
    query.number = number_in(*search);
  }
  BULWARK_TRY_VOID(read_attention(ctx, q, query));
  BULWARK_TRY_VOID(read_sort(q, query));
  return read_org(ctx, [&](OrgTx& tx) { return wo::list(tx, wo_caller(ctx), query); });
}

Result<Created<wo::WorkOrderView>> create_work_order(Ctx& ctx, LateBody<wo::NewWorkOrder> in) {
  return created(in_org(
      ctx, [&](OrgTx& tx) { return wo::create(tx, wo_caller(ctx), wo_input(in), ctx.now_ms()); }));
}

Result<wo::WorkOrderView> get_work_order(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return wo::get(tx, wo_caller(ctx), id); });
}

Result<wo::WorkOrderView> update_work_order(Ctx& ctx, PathId id, LateBody<wo::WorkOrderChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return wo::change(tx, wo_caller(ctx), id, wo_input(in), ctx.now_ms());
  });
}

Result<wo::WorkOrderView> transition_work_order(Ctx& ctx, PathId id,
                                                LateBody<wo::WorkOrderTransition> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return wo::transition(tx, wo_caller(ctx), id, wo_input(in), ctx.now_ms());
  });
}

Result<Items<wo::WorkOrderHistoryEntry>> work_order_history(Ctx& ctx, PathId id) {
  return read_org(ctx, [&](OrgTx& tx) { return wo::history(tx, wo_caller(ctx), id); });
}

}  // namespace bulwark::api
