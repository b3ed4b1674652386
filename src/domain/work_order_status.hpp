#pragma once
// The work-order life cycle: open → scheduled → in_progress ⇄ on_hold →
// completed → closed; cancelled from any state that is not final; reopened
// (back to open) from completed, closed or cancelled by a dispatcher.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

#include "security/roles.hpp"

namespace bulwark::domain {

enum class WoStatus { open, scheduled, in_progress, on_hold, completed, closed, cancelled };

std::string_view status_name(WoStatus s);
std::optional<WoStatus> parse_status(std::string_view name);
bool is_final(WoStatus s);  // completed, closed, cancelled
bool is_reopen(WoStatus from, WoStatus to);
bool transition_allowed(WoStatus from, WoStatus to);
// Reopening needs a dispatcher or above; technicians finish work, they do not revive it.
bool may_reopen(security::Role role);
// Cancelling and closing are office decisions (a dispatcher or above): a
// technician finishes the work; whether it is billed or dropped is not theirs.
bool is_office_decision(WoStatus to);
bool may_decide(security::Role role);
// The moves `role` may make from `from`: the life cycle, minus reopening for
// those who may not, and none at all for a role that cannot change work
// orders (viewers). The server sends this as `allowed_transitions`, so the web
// app offers exactly what the server will accept.
std::vector<WoStatus> allowed_transitions(WoStatus from, security::Role role);

// A set of statuses in one byte: what a listed work order carries for each
// row, with no allocation (a page writes 50 of them).
class StatusSet {
 public:
  void add(WoStatus s) { bits_ |= bit(s); }
  bool has(WoStatus s) const { return (bits_ & bit(s)) != 0; }
  bool empty() const { return bits_ == 0; }

 private:
  static std::uint8_t bit(WoStatus s) {
    return static_cast<std::uint8_t>(1U << static_cast<unsigned>(s));
  }
  std::uint8_t bits_ = 0;
};
// Every status, in life-cycle order (the order a StatusSet is written in).
inline constexpr WoStatus kAllStatuses[] = {
    WoStatus::open,      WoStatus::scheduled, WoStatus::in_progress, WoStatus::on_hold,
    WoStatus::completed, WoStatus::closed,    WoStatus::cancelled};
StatusSet allowed_moves(WoStatus from, security::Role role);

}  // namespace bulwark::domain
