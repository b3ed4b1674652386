// The users service called directly, on both engines: rank, no change of
// one's own role, never an organization without an active owner, sessions
// ended on a privilege change.
#include "area_org_fixture.hpp"
#include "domain/users/service.hpp"
#include "identity/sessions.hpp"
#include "security/passwords.hpp"

using namespace bulwark;
namespace users = domain::users;
using security::Role;
using store::OrgTx;

namespace {

class UsersService : public bulwark::testing::OrgFixture {
 protected:
  users::Manager as(std::int64_t user, Role role) const { return {user, role}; }
  users::Outcome<users::User> change(const users::Manager& who, std::int64_t id,
                                     std::optional<std::string> role,
                                     std::optional<bool> active = std::nullopt) {
    resource::Read<users::UserChange> in{};
    if (role) in.value.role = resource::OneOf<users::kRoles>{*role};
    in.value.active = active;
    return in_org(
        [&](OrgTx& tx) { return users::change(tx, actor(who.user_id), who, id, in, now_); });
  }
  std::int64_t sessions_of(std::int64_t user) {
    return db_->query(store::Sql("SELECT COUNT(*) FROM sessions WHERE user_id = $1"), {user})
        .rows.at(0)
        .integer(0);
  }
  void log_in(std::int64_t user) {
    db_->transaction([&](store::Connection& c) {
      identity::create_session(c, user, org_, identity::SessionPolicy{}, "192.0.2.1");
    });
  }
};

// Inviting above one's rank: tests/unit/invitations_test.cpp.
TEST_P(UsersService, AdminCannotChangeOwners) {
  auto demote = change(as(admin_, Role::admin), owner_, std::nullopt, false);
  EXPECT_EQ(demote.error().reason, "rank_exceeded");
  auto promote = change(as(admin_, Role::admin), tech_, "owner");
  EXPECT_EQ(promote.error().reason, "rank_exceeded");
}

TEST_P(UsersService, RoleChangeAndDeactivationEndTheUsersSessions) {
  log_in(tech_);
  log_in(tech_);
  auto moved = change(as(owner_, Role::owner), tech_, "dispatcher");
  ASSERT_TRUE(moved);
  EXPECT_EQ(moved->role, "dispatcher");
  EXPECT_EQ(sessions_of(tech_), 0);
  log_in(tech_);
  auto same = change(as(owner_, Role::owner), tech_, "dispatcher");  // nothing changes
  ASSERT_TRUE(same);
  EXPECT_EQ(sessions_of(tech_), 1);
  auto off = change(as(owner_, Role::owner), tech_, std::nullopt, false);
  ASSERT_TRUE(off);
  EXPECT_FALSE(off->active);
  EXPECT_EQ(sessions_of(tech_), 0);
  EXPECT_EQ(audit_actions(), (std::vector<std::string>{"user.role_changed", "user.deactivated"}));
}

TEST_P(UsersService, NobodyChangesTheirOwnRoleOrDeactivatesThemselves) {
  EXPECT_EQ(change(as(admin_, Role::admin), admin_, "viewer").error().reason, "self_change");
  EXPECT_EQ(change(as(admin_, Role::admin), admin_, std::nullopt, false).error().reason,
            "self_change");
}

TEST_P(UsersService, TheLastActiveOwnerStays) {
  // A manager whose owner role was just taken away (a session read before the
  // change) is still told no: the count is of the owners now.
  const auto stale = as(admin_, Role::owner);
  EXPECT_EQ(change(stale, owner_, "admin").error().reason, "last_owner");
  EXPECT_EQ(change(stale, owner_, std::nullopt, false).error().reason, "last_owner");
  std::int64_t second = 0;
  db_->transaction([&](store::Connection& c) { second = add_user(c, "owner2", Role::owner); });
  EXPECT_TRUE(change(as(second, Role::owner), owner_, "admin"));  // two owners: fine
  EXPECT_EQ(change(stale, second, "admin").error().reason, "last_owner");
}

TEST_P(UsersService, AnotherOrganizationsUserIsNotFound) {
  const auto other = other_org();
  auto revoke = in_org(other, [&](OrgTx& tx) {
    return users::revoke_sessions(tx, actor(owner_), as(owner_, Role::owner), tech_);
  });
  EXPECT_EQ(revoke.error().code, ErrorCode::not_found);
  resource::Read<users::UserChange> in{};
  in.value.role = resource::OneOf<users::kRoles>{"viewer"};
  auto changed = in_org(other, [&](OrgTx& tx) {
    return users::change(tx, actor(owner_), as(owner_, Role::owner), tech_, in, now_);
  });
  EXPECT_EQ(changed.error().code, ErrorCode::not_found);
}

TEST_P(UsersService, RevokingEndsOneUsersOrEveryonesSessions) {
  log_in(tech_);
  log_in(admin_);
  log_in(owner_);
  auto one = in_org([&](OrgTx& tx) {
    return users::revoke_sessions(tx, actor(owner_), as(owner_, Role::owner), tech_);
  });
  EXPECT_EQ(one->sessions_ended, 1);
  auto all = in_org([&](OrgTx& tx) { return users::revoke_all_sessions(tx, actor(owner_)); });
  EXPECT_EQ(all->sessions_ended, 2);
  EXPECT_EQ(audit_actions(),
            (std::vector<std::string>{"session.revoked_user", "session.revoked_org"}));
}

TEST_P(UsersService, ListPagesByIdAndAuditLogPagesBySeq) {
  auto first = in_org([&](OrgTx& tx) { return users::list(tx, 0, 2); });
  ASSERT_EQ(first->items.size(), 2u);
  EXPECT_EQ(first->next_after, first->items[1].id);
  auto rest = in_org([&](OrgTx& tx) { return users::list(tx, *first->next_after, 2); });
  ASSERT_EQ(rest->items.size(), 1u);
  EXPECT_FALSE(rest->next_after);

  for (int i = 0; i < 3; ++i)
    (void)in_org([&](OrgTx& tx) { return users::revoke_all_sessions(tx, actor(owner_)); });
  audit::Query q;
  q.org_id = org_;
  q.limit = 2;
  auto page = users::audit_log(*db_, q);
  ASSERT_EQ(page->items.size(), 2u);
  EXPECT_EQ(page->items[0].action, "session.revoked_org");
  EXPECT_EQ(page->items[0].actor_id, owner_);
  EXPECT_EQ(page->next_before, page->items[1].seq);
}

INSTANTIATE_TEST_SUITE_P(Engines, UsersService, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
