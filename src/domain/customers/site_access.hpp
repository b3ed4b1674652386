#pragma once
// A site's access notes (gate code, dog, lid) for the person at the gate:
// the office sees them with the site; the technician assigned to an open
// work order there reveals them with one tap, audited once per user, site
// and day. Anyone else is refused (403 not_assigned).
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/customers/model.hpp"
#include "security/roles.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::customers {

struct Revealer {
  audit::Actor actor;
  std::int64_t user_id = 0;
  security::Role role = security::Role::viewer;
};

// The day a reveal counts in, "YYYY-MM-DD": the UTC day for now. The one
// place to switch to the organization's time zone once it has one.
std::string access_reveal_day(store::OrgTx& tx, std::int64_t now);

// Retention: a reveal row only keeps the audit to once a day, so rows older
// than 2 days have done their work; the sweep (app/retention.cpp) deletes
// them in every organization. Returns how many.
inline constexpr std::int64_t kRevealRetentionMs = 2LL * 86'400'000;
std::int64_t purge_old_reveals(store::Database& db, std::int64_t now_ms);

Expected<SiteAccessView, ApiError> reveal_access(store::OrgTx& tx, const Revealer& by,
                                                 std::int64_t site, std::int64_t now);

}  // namespace bulwark::domain::customers
