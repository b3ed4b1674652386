#pragma once
// The owner's first-run checklist (issue 14 item 9): time zone, prices,
// texting, card payments, email, the team and the first job, each worked out
// from what the organization and the server have now.
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/org/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::org {

// What the server was started with (the operator's part of the setup).
struct ServerSetup {
  bool twilio = false;
  bool stripe = false;
  bool smtp = false;
};

Expected<Onboarding, ApiError> onboarding(store::OrgTx& tx, const ServerSetup& server);

}  // namespace bulwark::domain::org
