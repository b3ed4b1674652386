#pragma once
// The demo's plant (issue 14 item 7): a customer whose site is a bottling
// plant, an area with machines under it, one of them down right now, so the
// Assets page shows a hierarchy, statuses and downtime on first look.
#include <cstdint>

#include "store/org_tx.hpp"

namespace bulwark::cli {

// `tech`: the technician the plant's PM schedules and past work are assigned to.
void seed_demo_plant(store::OrgTx& tx, std::int64_t now, std::int64_t tech);

}  // namespace bulwark::cli
