#include "api/sms_number_handlers.hpp"

#include "config/config.hpp"
#include "domain/messaging/service.hpp"

namespace bulwark::api {

namespace messaging = domain::messaging;
using store::OrgTx;

namespace {

messaging::Providers providers(const Ctx& ctx) {
  return {ctx.services.config.twilio_configured(), ctx.services.config.stripe_configured()};
}

}  // namespace

Result<SmsSettingsView> get_sms_settings(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return messaging::settings(tx, providers(ctx)); });
}

Result<Accepted<SmsSettingsView>> request_sms_number(Ctx& ctx, Body<NumberRequest> in) {
  return accepted(in_org(ctx, [&](OrgTx& tx) {
    return messaging::request_number(tx, ctx.actor(), in.value, providers(ctx), ctx.now_ms());
  }));
}

}  // namespace bulwark::api
