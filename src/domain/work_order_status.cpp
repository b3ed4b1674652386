#include "domain/work_order_status.hpp"

namespace bulwark::domain {

std::string_view status_name(WoStatus s) {
  switch (s) {
    case WoStatus::open: return "open";
    case WoStatus::scheduled: return "scheduled";
    case WoStatus::in_progress: return "in_progress";
    case WoStatus::on_hold: return "on_hold";
    case WoStatus::completed: return "completed";
    case WoStatus::closed: return "closed";
    case WoStatus::cancelled: return "cancelled";
  }
  return "open";
}

std::optional<WoStatus> parse_status(std::string_view name) {
  for (auto s : kAllStatuses)
    if (status_name(s) == name) return s;
  return std::nullopt;
}

bool is_final(WoStatus s) {
  return s == WoStatus::completed || s == WoStatus::closed || s == WoStatus::cancelled;
}

bool is_reopen(WoStatus from, WoStatus to) { return is_final(from) && to == WoStatus::open; }

bool transition_allowed(WoStatus from, WoStatus to) {
  using S = WoStatus;
  if (to == S::cancelled) return !is_final(from);
  if (is_reopen(from, to)) return true;
  switch (from) {
    case S::open: return to == S::scheduled;
    case S::scheduled: return to == S::in_progress;
    case S::in_progress: return to == S::on_hold || to == S::completed;
    case S::on_hold: return to == S::in_progress;
    case S::completed: return to == S::closed;
    case S::closed:
    case S::cancelled: return false;
  }
  return false;
}

bool may_reopen(security::Role role) {
  return security::role_rank(role) >= security::role_rank(security::Role::dispatcher);
}

bool is_office_decision(WoStatus to) { return to == WoStatus::cancelled || to == WoStatus::closed; }

bool may_decide(security::Role role) { return may_reopen(role); }

StatusSet allowed_moves(WoStatus from, security::Role role) {
  StatusSet out;
  if (!security::role_has(role, security::Permission::work_orders_write)) return out;
  for (auto to : kAllStatuses)
    if (transition_allowed(from, to) && (!is_reopen(from, to) || may_reopen(role)) &&
        (!is_office_decision(to) || may_decide(role)))
      out.add(to);
  return out;
}

std::vector<WoStatus> allowed_transitions(WoStatus from, security::Role role) {
  const auto moves = allowed_moves(from, role);
  std::vector<WoStatus> out;
  for (auto s : kAllStatuses)
    if (moves.has(s)) out.push_back(s);
  return out;
}

}  // namespace bulwark::domain
