#pragma once
// The PM schedules' SQL, beside its only callers (service.cpp). The worker's
// cross-tenant SQL lives in domain/pm_generation.cpp.
#include <optional>
#include <vector>

#include "domain/pm/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::pm::repo {

std::optional<PmSchedule> find(store::OrgTx& tx, std::int64_t id);
std::vector<PmSchedule> list(store::OrgTx& tx);
bool site_exists(store::OrgTx& tx, std::int64_t site);
bool asset_at_site(store::OrgTx& tx, std::int64_t asset, std::int64_t site);
bool active_user(store::OrgTx& tx, std::int64_t user);
bool template_exists(store::OrgTx& tx, std::int64_t id);
std::int64_t insert(store::OrgTx& tx, const NewPmSchedule& s, std::optional<std::int64_t> first_due,
                    std::int64_t now);
void update(store::OrgTx& tx, std::int64_t id, const PmScheduleChange& c);

}  // namespace bulwark::domain::pm::repo
