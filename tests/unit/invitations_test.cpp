// Invitations (issue 14 item 4) called directly, on both engines: the same
// answer for a new address, a member of this organization and an account of
// another organization; mail for the first and the last, none for the
// member; rank; and a link accepted once.
#include "area_org_fixture.hpp"
#include "domain/invitations/service.hpp"
#include "domain/links/tokens.hpp"

using namespace bulwark;
namespace inv = domain::invitations;
namespace links = domain::links;
using security::Role;
using store::OrgTx;

namespace {

class Invitations : public bulwark::testing::OrgFixture {
 protected:
  inv::Outcome<inv::InvitationAnswer> invite(const std::string& email, const char* role = "viewer",
                                             Role as = Role::admin) {
    inv::NewInvitation in{};
    in.email.value = email;
    in.role.value = role;
    return in_org([&](OrgTx& tx) {
      return inv::invite(tx, actor(admin_), {admin_, as}, in, "https://bulwark.example/", now_);
    });
  }
  std::int64_t mails() {
    return db_->query(store::Sql("SELECT COUNT(*) FROM email_outbox WHERE org_id = $1"), {org_})
        .rows.at(0)
        .integer(0);
  }
  std::string email_of(std::int64_t user) {
    return db_->query(store::Sql("SELECT email FROM users WHERE id = $1"), {user})
        .rows.at(0)
        .text(0);
  }
};

TEST_P(Invitations, SameAnswerForNewMemberAndAnotherOrgsAddress_ISSUE14_4) {
  const auto other = other_org();
  std::string elsewhere = "elsewhere-" + crypto::random_hex(6) + "@example.com";
  db_->transaction([&](store::Connection& c) {
    identity::create_user(c, other, elsewhere, "E", Role::viewer, "$2b$12$notarealhash");
  });
  const auto before = mails();
  auto fresh = invite("new-" + crypto::random_hex(6) + "@example.com");
  auto known = invite(elsewhere);
  auto member = invite(email_of(tech_));
  ASSERT_TRUE(fresh && known && member);
  for (const auto* a : {&*fresh, &*known, &*member}) {
    EXPECT_EQ(a->invitation.status, "pending");
    EXPECT_EQ(a->invitation.expires_at.ms, now_ + 72LL * 3600 * 1000);
  }
  EXPECT_EQ(known->invitation.email, elsewhere);
  // Mail for the new address and the other organization's, none for the member.
  EXPECT_EQ(mails(), before + 2);
}

TEST_P(Invitations, AdminCannotInviteAnOwner) {
  auto owner = invite("o-" + crypto::random_hex(6) + "@example.com", "owner");
  ASSERT_FALSE(owner);
  EXPECT_EQ(owner.error().reason, "rank_exceeded");
}

TEST_P(Invitations, RevokedInvitationsLinkNoLongerResolves) {
  auto made = invite("r-" + crypto::random_hex(6) + "@example.com");
  ASSERT_TRUE(made);
  auto revoked = in_org([&](OrgTx& tx) {
    return inv::revoke(tx, actor(admin_), {admin_, Role::admin}, made->invitation.id, now_);
  });
  ASSERT_TRUE(revoked);
  EXPECT_EQ(revoked->status, "revoked");
  auto again = in_org([&](OrgTx& tx) {
    return inv::resend(tx, actor(admin_), {admin_, Role::admin}, made->invitation.id,
                       "https://bulwark.example", now_);
  });
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().reason, "invitation_not_pending");
}

}  // namespace

INSTANTIATE_TEST_SUITE_P(Engines, Invitations, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
