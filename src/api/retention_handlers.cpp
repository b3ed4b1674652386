#include "api/retention_handlers.hpp"

#include "domain/retention/settings.hpp"

namespace bulwark::api {

using store::OrgTx;

Result<RetentionSettings> get_retention(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) {
    return Expected<RetentionSettings, ApiError>(domain::retention::settings(tx));
  });
}

Result<RetentionSettings> update_retention(Ctx& ctx, Body<RetentionChange> in) {
  return in_org(ctx, [&](OrgTx& tx) {
    return domain::retention::change_settings(tx, ctx.actor(), in.value);
  });
}

}  // namespace bulwark::api
