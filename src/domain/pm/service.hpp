#pragma once
// The rules for preventive-maintenance schedules, callable from a unit test
// with no HTTP. The worker that turns due schedules into work orders is
// domain/pm_generation.hpp.
#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/pm/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::pm {

template <class T>
using Outcome = Expected<T, ApiError>;
template <class T>
using Checked = Expected<const resource::Read<T>*, ApiError>;

// A start years back is almost always a typo (1990 for 2026). A year back
// still lets the office enter a schedule that really fell behind.
inline constexpr std::int64_t kMaxPastStartMs = 365LL * 86'400'000;

Outcome<resource::Items<PmSchedule>> list(store::OrgTx& tx);
Outcome<PmSchedule> create(store::OrgTx& tx, const audit::Actor& by,
                           const resource::Read<NewPmSchedule>& in, std::int64_t now);
// `in` is checked after the schedule is found: another organization's
// schedule is a 404 whatever the body says.
Outcome<PmSchedule> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                           const Checked<PmScheduleChange>& in);

}  // namespace bulwark::domain::pm
