#pragma once
// /api/v1/work-orders: create, list (filters, keyset pages), read, update
// with optimistic concurrency, status transitions, history. Technicians see
// and move only the work orders assigned to them. The rules live in
// domain/work_orders/service.cpp.
#include "api/endpoint.hpp"
#include "domain/work_orders/model.hpp"
#include "domain/work_orders/service.hpp"

namespace bulwark::api {

namespace wo = domain::work_orders;

// The caller as the work-order services see them, and a late body as their input.
domain::work_orders::Caller wo_caller(const Ctx& ctx);
template <class T>
domain::work_orders::Input<T> wo_input(const LateBody<T>& in) {
  return {in.unchecked(), in.problems()};
}

Result<Page<wo::WorkOrderView>> list_work_orders(Ctx& ctx);
Result<Created<wo::WorkOrderView>> create_work_order(Ctx& ctx, LateBody<wo::NewWorkOrder> in);
Result<wo::WorkOrderView> get_work_order(Ctx& ctx, PathId id);
Result<wo::WorkOrderView> update_work_order(Ctx& ctx, PathId id, LateBody<wo::WorkOrderChange> in);
Result<wo::WorkOrderView> transition_work_order(Ctx& ctx, PathId id,
                                                LateBody<wo::WorkOrderTransition> in);
Result<Items<wo::WorkOrderHistoryEntry>> work_order_history(Ctx& ctx, PathId id);

}  // namespace bulwark::api
