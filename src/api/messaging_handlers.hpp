#pragma once
// Customer messaging in the API: the organization's texts, a customer's SMS
// thread (and a message typed by the office), the outbox with the reason a
// message is waiting, and "technician on the way". The rules live in
// domain/messaging/service.cpp.
#include "api/endpoint.hpp"
#include "domain/messaging/model.hpp"

namespace bulwark::api {

namespace messaging = domain::messaging;

Result<Items<messaging::SmsTemplateView>> list_sms_templates(Ctx& ctx);
// PUT /api/v1/sms-templates/{kind:slug}
Result<messaging::SavedSmsTemplate> set_sms_template(Ctx& ctx,
                                                     LateBody<messaging::SmsTemplateChange> in);
Result<messaging::MessagePage> customer_messages(Ctx& ctx, PathId customer);
Result<Accepted<messaging::QueuedView>> send_customer_message(Ctx& ctx, PathId customer,
                                                              LateBody<messaging::NewMessage> in);
Result<messaging::MessagePage> list_messages(Ctx& ctx);
Result<Accepted<messaging::OnTheWayView>> technician_on_the_way(Ctx& ctx, PathId work_order);

}  // namespace bulwark::api
