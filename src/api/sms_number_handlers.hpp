#pragma once
// The organization's SMS number as the web app sees it: which number it has
// (and whether the operator verified it in the Twilio account), and a way for
// an admin to ask for one. Numbers are assigned by the operator only
// (`bulwark admin set-sms-number`): a number decides which organization
// receives inbound texts, STOPs included.
#include "app/context.hpp"

namespace bulwark::api {

http::Response get_sms_settings(app::RequestContext& ctx);
http::Response request_sms_number(app::RequestContext& ctx);

}  // namespace bulwark::api
