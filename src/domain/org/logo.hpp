#pragma once
// The organization's logo on its invoices and reports (issue 14 item 2).
// The upload passes the attachment checks first (size, malware scan, type
// from the bytes, decoded and encoded again: SVG and PDF are not images
// here), then files::logo_png makes the PNG that is kept and drawn.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::org {

// Replaces the logo with `png` (a PNG made by files::logo_png); audited.
void set_logo(store::OrgTx& tx, const audit::Actor& by, std::string_view png, std::int64_t now);
// Removes it; audited when there was one. False when there was none.
bool remove_logo(store::OrgTx& tx, const audit::Actor& by);
// The PNG, or nullopt without one.
std::optional<std::string> logo(store::OrgTx& tx);

}  // namespace bulwark::domain::org
