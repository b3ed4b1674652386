#pragma once
// The rules for managing an organization's users, callable from a unit test
// with no HTTP: rank (an admin manages users up to their own role), no
// change of one's own role, never an organization without an active owner,
// and a changed role or a deactivation ends the user's sessions at once.
#include <map>

#include "audit/actor.hpp"
#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/users/model.hpp"
#include "resource/read.hpp"
#include "security/roles.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::users {

template <class T>
using Outcome = Expected<T, ApiError>;

// Who is managing: their id and role (the audit actor says the rest).
struct Manager {
  std::int64_t user_id = 0;
  security::Role role = security::Role::viewer;
};

Outcome<UserPage> list(store::OrgTx& tx, std::int64_t after, std::int64_t limit);
// Adding a user is an invitation (domain/invitations/): the invitee sets
// their own password.
Outcome<User> change(store::OrgTx& tx, const audit::Actor& by, const Manager& who, std::int64_t id,
                     const resource::Read<UserChange>& in, std::int64_t now);
Outcome<SessionsEnded> revoke_sessions(store::OrgTx& tx, const audit::Actor& by, const Manager& who,
                                       std::int64_t id);
// Incident response: every session of the organization, the caller's too.
Outcome<SessionsEnded> revoke_all_sessions(store::OrgTx& tx, const audit::Actor& by);

// The audit log, newest first (q.org_id is the caller's organization).
Outcome<AuditPage> audit_log(store::Database& db, const audit::Query& q);
// The organization's members by id (their name, or their address when
// unnamed) and its API clients by id, for audit records.
struct AuditNames {
  std::map<std::int64_t, std::string> members, clients;
};
AuditNames audit_names(store::Database& db, std::int64_t org_id);
// One record as the API shows it, with the names of the people and clients.
AuditRecord audit_record(const audit::Record& r, const AuditNames& names);

}  // namespace bulwark::domain::users
