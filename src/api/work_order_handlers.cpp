#include "api/work_order_handlers.hpp"

#include <charconv>

#include "api/query_params.hpp"
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

}  // namespace

wo::Caller wo_caller(const Ctx& ctx) { return {ctx.actor(), ctx.who().user_id, ctx.who().role}; }

Result<Page<wo::WorkOrderView>> list_work_orders(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only(
      {"status", "assignee_id", "customer_id", "from", "to", "limit", "cursor", "priority", "q"});
  wo::WorkOrderQuery query;
  query.limit = q.integer("limit", 1, 200).value_or(50);
  query.status = q.text("status", 20);
  if (query.status && !domain::parse_status(*query.status))
    return unexpected(bad_parameter("unknown status", "status", "is not a work-order status"));
  query.assignee_id = q.integer("assignee_id", 1, INT64_MAX);
  query.customer_id = q.integer("customer_id", 1, INT64_MAX);
  query.cursor = q.integer("cursor", 1, INT64_MAX);
  BULWARK_TRY(query.from, time_param(q, "from"));
  BULWARK_TRY(query.to, time_param(q, "to"));
  query.priority = q.text("priority", 20);
  if (query.priority &&
      std::ranges::find(wo::kPriorities, *query.priority) == wo::kPriorities.end())
    return unexpected(
        bad_parameter("unknown priority", "priority", "must be low, medium, high or urgent"));
  if (const auto search = q.text("q", 100)) {
    query.like = like_pattern(*search);
    query.number = number_in(*search);
  }
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
