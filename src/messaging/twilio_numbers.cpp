#include "messaging/twilio_numbers.hpp"

#include <fmt/format.h>

#include <boost/json.hpp>

#include "net/http_client.hpp"

namespace bulwark::messaging {

NumberCheck check_twilio_number(const config::Config& config, const std::string& phone_e164) {
  net::PostRequest request;
  request.url = fmt::format("{}/2010-04-01/Accounts/{}/IncomingPhoneNumbers.json",
                            config.twilio_api_base, config.twilio_account_sid);
  request.form = {{"PhoneNumber", phone_e164}};
  request.basic_user = config.twilio_account_sid;
  request.basic_password = config.twilio_auth_token.reveal();
  const auto result = net::get_with_query(request);
  if (result.status == 0) return {NumberOwnership::unreachable, result.error};
  if (result.status != 200)
    return {NumberOwnership::unreachable, fmt::format("Twilio answered HTTP {}", result.status)};
  boost::system::error_code ec;
  const auto body = boost::json::parse(result.body, ec);
  const auto* list =
      !ec && body.is_object() ? body.as_object().if_contains("incoming_phone_numbers") : nullptr;
  if (!list || !list->is_array())
    return {NumberOwnership::unreachable, "Twilio's answer has no incoming_phone_numbers list"};
  for (const auto& entry : list->as_array()) {
    const auto* number =
        entry.is_object() ? entry.as_object().if_contains("phone_number") : nullptr;
    if (number && number->is_string() && number->as_string() == phone_e164)
      return {NumberOwnership::owned, ""};
  }
  return {NumberOwnership::not_owned, ""};
}

}  // namespace bulwark::messaging
