#pragma once
// A person's own sessions in this organization (issue 15 item 7): where they
// are signed in (device, address, last seen), ending one, and "sign out
// everywhere else". Another person's session is 404 here, as is another
// organization's: the membership is the principal's.
#include <cstdint>
#include <string>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/users/model.hpp"  // SessionsEnded
#include "resource/fields.hpp"
#include "resource/page.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::users {

struct OwnSession {
  std::int64_t id = 0;
  bool current = false;  // the session making this request
  std::string device;    // "Chrome on Android"; "" when not known
  std::string ip;        // the address it signed in from
  resource::Time signed_in_at, last_seen_at, expires_at;
};
BULWARK_RESOURCE(OwnSession, id, current, device, ip, signed_in_at, last_seen_at, expires_at)

struct Me {  // the principal, as the pipeline found it
  std::int64_t user_id = 0, session_id = 0;
};

// Newest sign-in first; live sessions only (an expired row awaits the purge).
resource::Items<OwnSession> own_sessions(store::OrgTx& tx, const Me& me, std::int64_t now_ms);
// 404 when the session is not the person's own.
Expected<void, ApiError> end_own_session(store::OrgTx& tx, const audit::Actor& by, const Me& me,
                                         std::int64_t session_id);
SessionsEnded end_other_sessions(store::OrgTx& tx, const audit::Actor& by, const Me& me);

}  // namespace bulwark::domain::users
