#pragma once
// The organization switcher (issue 14 item 4): a person whose account belongs
// to several organizations (a bookkeeper, a contractor) sees them all and
// moves between them. A switch ends the current session and opens one for
// the membership in the other organization, so a session always belongs to
// exactly one organization and every tenant check stays as it is.
#include <cstdint>
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/users/sign_in.hpp"
#include "resource/fields.hpp"
#include "resource/page.hpp"

namespace bulwark::domain::users {

struct MembershipItem {
  std::int64_t org_id = 0;
  std::string org_slug, org_name, role;
  bool current = false;
};
BULWARK_RESOURCE(MembershipItem, org_id, org_slug, org_name, role, current)

struct OrgSwitch {  // POST /api/v1/auth/switch-org
  resource::Int<1, INT64_MAX> org_id;
};
BULWARK_RESOURCE(OrgSwitch, org_id)

// The signed-in person's session, as the pipeline found it.
struct CurrentSession {
  std::int64_t org_id = 0, user_id = 0, session_id = 0;
};

// The active memberships of the account behind the session, by name.
resource::Items<MembershipItem> memberships(store::Database& db, const CurrentSession& who);

// Ends this session and opens one in `org_id`, where the account must hold an
// active membership (otherwise 404, like any object of another tenant).
Expected<SignedIn, ApiError> switch_org(store::Database& db, const CurrentSession& who,
                                        std::int64_t org_id, const std::string& client_ip,
                                        const identity::SessionPolicy& policy);

}  // namespace bulwark::domain::users
