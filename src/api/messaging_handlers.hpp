#pragma once
// Customer messaging in the API: the organization's texts, a customer's SMS
// thread (and a message typed by the office), the outbox with the reason a
// message is waiting, and "technician on the way". The rules live in
// domain/messaging/service.cpp.
#include "api/endpoint.hpp"
#include "domain/messaging/model.hpp"

namespace bulwark::api {

using domain::messaging::MessagePage;
using domain::messaging::NewMessage;
using domain::messaging::QueuedView;
using domain::messaging::SavedSmsTemplate;
using domain::messaging::SmsTemplateChange;
using domain::messaging::SmsTemplateView;

Result<Items<SmsTemplateView>> list_sms_templates(Ctx& ctx);
// PUT /api/v1/sms-templates/{kind:slug}
Result<SavedSmsTemplate> set_sms_template(Ctx& ctx, LateBody<SmsTemplateChange> in);
Result<MessagePage> customer_messages(Ctx& ctx, PathId customer);
Result<Accepted<QueuedView>> send_customer_message(Ctx& ctx, PathId customer,
                                                   LateBody<NewMessage> in);
Result<MessagePage> list_messages(Ctx& ctx);
Result<Accepted<QueuedView>> technician_on_the_way(Ctx& ctx, PathId work_order);

}  // namespace bulwark::api
