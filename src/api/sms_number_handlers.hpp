#pragma once
// The organization's SMS number as the web app sees it: which number it has
// (and whether the operator verified it in the Twilio account), and a way for
// an admin to ask for one. Numbers are assigned by the operator only
// (`bulwark admin set-sms-number`): a number decides which organization
// receives inbound texts, STOPs included.
#include "api/endpoint.hpp"
#include "domain/messaging/model.hpp"

namespace bulwark::api {

using domain::messaging::NumberRequest;
using domain::messaging::SmsSettingsView;

Result<SmsSettingsView> get_sms_settings(Ctx& ctx);
Result<Accepted<SmsSettingsView>> request_sms_number(Ctx& ctx, Body<NumberRequest> in);

}  // namespace bulwark::api
