#pragma once
// The demo plant's maintenance history (issue 14 item 7), so the Reports
// page shows something believable on first look: past PM work orders of its
// schedules (most done on time, a few late, one missed), repairs on its
// machines with the labour and parts they took.
#include <cstdint>

#include "store/org_tx.hpp"

namespace bulwark::cli {

struct DemoPlant {
  std::int64_t site = 0, customer = 0, tech = 0;
  std::int64_t conveyor = 0, filler = 0, compressor = 0;
  std::int64_t weekly_schedule = 0, monthly_schedule = 0;
  std::int64_t weekly_next_due = 0, monthly_next_due = 0;
};

void seed_demo_pm_history(store::OrgTx& tx, const DemoPlant& plant, std::int64_t now);

}  // namespace bulwark::cli
