#pragma once
// The rules for assets and their meters, callable from a unit test with no
// HTTP: every function runs inside the caller's organization-scoped
// transaction and audits what it changes (field names, never values).
#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/assets/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::assets {

template <class T>
using Outcome = Expected<T, ApiError>;
// A body whose problems are reported after the existence check.
template <class T>
using Checked = Expected<const resource::Read<T>*, ApiError>;

// A reading dated later than now by more than this is refused: a wrong clock
// or a typo. The allowance is for the recording device's clock running a
// little ahead of ours.
inline constexpr std::int64_t kClockSkewMs = 5 * 60 * 1000;

Outcome<AssetView> get(store::OrgTx& tx, std::int64_t id);
Outcome<resource::Items<AssetView>> at_site(store::OrgTx& tx, std::int64_t site);
Outcome<AssetPage> list(store::OrgTx& tx, const AssetQuery& q);
// `in` is checked after the site is found: another organization's site is a
// 404 whatever the body says.
Outcome<AssetView> create(store::OrgTx& tx, const audit::Actor& by, std::int64_t site,
                          const Checked<NewAsset>& in, std::int64_t now);

// Meters only go up: a reading lies between the readings of its kind dated
// before it (same time counts as before) and those dated after it.
Outcome<RecordedReading> add_reading(store::OrgTx& tx, const audit::Actor& by, std::int64_t asset,
                                     const Checked<NewReading>& in, std::int64_t now);
// Newest first.
Outcome<resource::Items<ReadingView>> readings(store::OrgTx& tx, std::int64_t asset,
                                               const std::optional<std::string>& kind,
                                               std::int64_t limit);

}  // namespace bulwark::domain::assets
