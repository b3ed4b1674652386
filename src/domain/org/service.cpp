#include "domain/org/service.hpp"

#include <boost/describe/class.hpp>

#include "core/org_time.hpp"

namespace bulwark::domain::org {

namespace {

using store::OrgSql;

constexpr OrgSql kSettings("SELECT id, slug, name, time_zone FROM orgs WHERE id = $1");
constexpr OrgSql kTimeZone("SELECT time_zone FROM orgs WHERE id = $1");
constexpr OrgSql kSetTimeZone("UPDATE orgs SET time_zone = $2 WHERE id = $1");

struct SettingsRow {
  std::int64_t id = 0;
  std::string slug, name, time_zone;
};
BOOST_DESCRIBE_STRUCT(SettingsRow, (), (id, slug, name, time_zone))
struct ZoneRow {
  std::string time_zone;
};
BOOST_DESCRIBE_STRUCT(ZoneRow, (), (time_zone))

}  // namespace

Expected<OrgSettings, ApiError> settings(store::OrgTx& tx) {
  auto r = tx.one<SettingsRow>(kSettings);
  if (!r) return unexpected(ApiError(ErrorCode::not_found, "no such organization"));
  return OrgSettings{r->id, std::move(r->slug), std::move(r->name), std::move(r->time_zone)};
}

Expected<OrgSettings, ApiError> change(store::OrgTx& tx, const audit::Actor& by,
                                       const OrgChange& in) {
  if (in.time_zone) {
    const auto& zone = in.time_zone->value;
    if (!core::is_valid_time_zone(zone))
      return unexpected(ApiError(ErrorCode::validation_failed,
                                 "time_zone must be an IANA time zone such as America/New_York",
                                 "unknown_time_zone", {{"time_zone", "unknown time zone"}}));
    if (zone != time_zone(tx)) {
      tx.run(kSetTimeZone, zone);
      by.record(tx.connection(), "org.settings_changed", "org", tx.org_id(), {"time_zone"});
    }
  }
  return settings(tx);
}

std::string time_zone(store::OrgTx& tx) {
  auto r = tx.one<ZoneRow>(kTimeZone);
  return r ? std::move(r->time_zone) : std::string(core::kDefaultTimeZone);
}

}  // namespace bulwark::domain::org
