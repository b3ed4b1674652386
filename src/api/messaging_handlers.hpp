#pragma once
// Customer messaging in the API: the organization's texts,
// a customer's SMS thread (and a message typed by the office), the outbox
// with the reason a message is waiting, and "technician on the way".
#include "app/context.hpp"

namespace bulwark::api {

http::Response list_sms_templates(app::RequestContext& ctx);
http::Response set_sms_template(app::RequestContext& ctx);
http::Response customer_messages(app::RequestContext& ctx);
http::Response send_customer_message(app::RequestContext& ctx);
http::Response list_messages(app::RequestContext& ctx);
http::Response technician_on_the_way(app::RequestContext& ctx);

}  // namespace bulwark::api
