#pragma once
// The work-order life cycle: open → scheduled → in_progress ⇄ on_hold →
// completed → closed; cancelled from any state that is not final; reopened
// (back to open) from completed, closed or cancelled by a dispatcher.
#include <optional>
#include <string_view>
#include <vector>

namespace bulwark::domain {

enum class WoStatus { open, scheduled, in_progress, on_hold, completed, closed, cancelled };

std::string_view status_name(WoStatus s);
std::optional<WoStatus> parse_status(std::string_view name);
bool is_final(WoStatus s);  // completed, closed, cancelled
bool is_reopen(WoStatus from, WoStatus to);
bool transition_allowed(WoStatus from, WoStatus to);
std::vector<WoStatus> allowed_transitions(WoStatus from);

}  // namespace bulwark::domain
