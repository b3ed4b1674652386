// The step_up stage (issue 15 item 1): a route declared step_up (exports,
// erasure, role changes, security-policy changes) runs only when the session
// proved a fresh factor through POST /api/v1/auth/step-up within the last 15
// minutes. A bearer token (session_id 0) never passes: an API client has no
// person to ask for a factor. The admin CLI does not go through here.
#include "app/pipeline.hpp"
#include "core/error.hpp"
#include "domain/users/mfa.hpp"
#include "identity/mfa.hpp"

namespace bulwark::app::stages {

Verdict step_up(Exchange& ex) {
  if (!ex.match.route->step_up || !ex.principal) return std::nullopt;
  const auto& who = *ex.principal;
  if (who.session_id != 0) {
    const auto state = identity::mfa::step_up_state(ex.services.db, who.org_id, who.session_id);
    // Ended while this request was on its way (a revocation, a demotion
    // racing it): the person must sign in again, not confirm a factor.
    if (!state.session_live)
      return error_response(ApiError(ErrorCode::unauthenticated, "authentication required"),
                            ex.request.request_id);
    const auto now = ex.services.clock.now_ms();
    if (state.at && now - *state.at < domain::users::kStepUpValidMs) return std::nullopt;
  }
  return error_response(
      ApiError(ErrorCode::forbidden, "confirm it is you: enter a code (or your password) again",
               "step_up_required"),
      ex.request.request_id);
}

}  // namespace bulwark::app::stages
