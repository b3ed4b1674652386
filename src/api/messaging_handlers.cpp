#include "api/messaging_handlers.hpp"

#include "api/query_params.hpp"
#include "config/config.hpp"
#include "domain/messaging/service.hpp"

namespace bulwark::api {

namespace messaging = domain::messaging;
using store::OrgTx;

namespace {

messaging::Providers providers(const Ctx& ctx) {
  return {ctx.services.config.twilio_configured(), ctx.services.config.stripe_configured()};
}

// ?status= &direction= &cursor= &limit=, after the endpoint's allow_only.
messaging::MessageQuery message_query(const QueryParams& q, std::optional<std::int64_t> customer) {
  return {customer, q.text("status", 20), q.text("direction", 20),
          q.integer("cursor", 1, INT64_MAX), q.integer("limit", 1, 200).value_or(50)};
}

}  // namespace

Result<Items<messaging::SmsTemplateView>> list_sms_templates(Ctx& ctx) {
  return read_org(ctx, [&](OrgTx& tx) { return messaging::templates(tx); });
}

Result<messaging::SavedSmsTemplate> set_sms_template(Ctx& ctx,
                                                     LateBody<messaging::SmsTemplateChange> in) {
  const auto& kind = ctx.params.text("kind");
  return in_org(ctx, [&](OrgTx& tx) {
    return messaging::set_template(tx, ctx.actor(), kind, in.checked(), ctx.now_ms());
  });
}

Result<messaging::MessagePage> customer_messages(Ctx& ctx, PathId customer) {
  QueryParams q(ctx.request.query);
  q.allow_only({"cursor", "limit"});
  return read_org(ctx, [&](OrgTx& tx) -> Result<messaging::MessagePage> {
    BULWARK_TRY_VOID(messaging::require_customer(tx, customer));
    return messaging::messages(tx, message_query(q, customer), providers(ctx));
  });
}

Result<Accepted<messaging::QueuedView>> send_customer_message(Ctx& ctx, PathId customer,
                                                              LateBody<messaging::NewMessage> in) {
  return accepted(in_org(ctx, [&](OrgTx& tx) {
    return messaging::send(tx, ctx.actor(), customer, in.checked(), ctx.now_ms());
  }));
}

Result<messaging::MessagePage> list_messages(Ctx& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"status", "direction", "cursor", "limit"});
  const auto query = message_query(q, std::nullopt);
  return read_org(ctx, [&](OrgTx& tx) { return messaging::messages(tx, query, providers(ctx)); });
}

Result<Accepted<messaging::OnTheWayView>> technician_on_the_way(Ctx& ctx, PathId work_order) {
  // Technicians: only their own work orders.
  std::optional<std::int64_t> only_assignee;
  if (ctx.who().role == security::Role::technician) only_assignee = ctx.who().user_id;
  return accepted(in_org(ctx, [&](OrgTx& tx) {
    return messaging::on_the_way(tx, ctx.actor(), work_order, only_assignee, providers(ctx),
                                 ctx.now_ms());
  }));
}

}  // namespace bulwark::api
