#pragma once
// The requester's side of work requests (issue 14 item 6): a plant operator
// with an account (role `requester`) files requests from inside the app and
// follows the ones they filed, and sees nothing else of the organization.
// What they may report on is what the office put a label on: the assets and
// sites with a live request link, by name (the same name the label's public
// form shows anyone who scans it).
#include <cstdint>
#include <string>

#include "audit/actor.hpp"
#include "domain/requests/model.hpp"
#include "resource/page.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::requests {

// A requester's requests per hour (429 requester_rate_limited): the same
// bound as one label's (public_form.hpp), so an account is no wider a door.
inline constexpr std::int64_t kRequestsPerRequesterPerHour = 10;

struct Requester {
  audit::Actor actor;
  std::int64_t user_id = 0;
  std::string name;  // as the office will see it: the account's name (or email)
};

Expected<resource::Items<RequestPlace>, ApiError> request_places(store::OrgTx& tx,
                                                                 std::int64_t now);
// Only the caller's own requests, newest first.
Expected<resource::Items<MyRequestView>, ApiError> my_requests(store::OrgTx& tx,
                                                               std::int64_t user_id);
// 404 place_not_found unless the asset or site has a live request link.
Expected<MyRequestView, ApiError> file_my_request(store::OrgTx& tx, const Requester& by,
                                                  const MyNewRequest& in, std::int64_t now);

}  // namespace bulwark::domain::requests
