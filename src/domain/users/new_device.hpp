#pragma once
// "A notification email on a new sign-in from an unknown device" (issue 15
// item 7). A browser that signed in once keeps a random device cookie; the
// account keeps its SHA-256 (known_devices). A sign-in without a cookie the
// account knows is from a new device: it is remembered, and unless it is the
// account's very first, the person is told by email where and when, with
// the way to end the session. The session row gets its device label too.
#include <cstdint>
#include <optional>
#include <string>

#include "store/database.hpp"

namespace bulwark::domain::users {

struct SignInDevice {
  std::int64_t org_id = 0, user_id = 0, session_id = 0;
  std::optional<std::string> cookie;  // the browser's device cookie, if it sent one
  std::string user_agent, client_ip;
  std::string public_url;  // for the Account page link in the mail
};

struct DeviceNote {
  std::string cookie;  // to set on the response (the same one when known)
  bool new_device = false;
  bool mailed = false;
};

// How many devices an account keeps; the least recently seen go first.
inline constexpr int kMaxKnownDevices = 20;

DeviceNote note_sign_in(store::Database& db, const SignInDevice& in, std::int64_t now_ms);

}  // namespace bulwark::domain::users
