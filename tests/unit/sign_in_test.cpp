// Signing in and changing one's password, called directly on both engines:
// one answer for every refused login, a session and its view for the right
// password, and a password change that ends the other sessions.
#include "domain/users/sign_in.hpp"

#include <random>

#include "area_org_fixture.hpp"
#include "security/passwords.hpp"

using namespace bulwark;
namespace users = domain::users;

namespace {

class SignIn : public bulwark::testing::OrgFixture {
 protected:
  void SetUp() override {
    OrgFixture::SetUp();
    if (IsSkipped()) return;
    email_ = "signin-" + crypto::random_token(6) + "@example.com";
    db_->transaction([&](store::Connection& c) {
      user_ = identity::create_user(c, org_, email_, "Dana", security::Role::dispatcher,
                                    security::hash_password(kPassword, 12))
                  .id;
    });
    // A fresh address per test: failures are counted per address in the
    // database, which PostgreSQL runs share.
    std::random_device r;
    ip_ = "2001:db8:" + std::to_string(r() % 9000 + 1000) + ":" +
          std::to_string(r() % 9000 + 1000) + "::1";
  }
  Expected<users::SignedIn, users::LoginRefused> log_in(const std::string& email,
                                                        const std::string& password) {
    users::LoginRequest in;
    in.email.value = email;
    in.password.value = password;
    return users::log_in(*db_, in, ip_, users::SignInPolicy{});
  }
  std::int64_t sessions() {
    return db_->query(store::Sql("SELECT COUNT(*) FROM sessions WHERE user_id = $1"), {user_})
        .rows.at(0)
        .integer(0);
  }

  static constexpr const char* kPassword = "correct horse battery staple";
  std::string email_, ip_;
  std::int64_t user_ = 0;
};

TEST_P(SignIn, RightPasswordOpensASessionWithTheRolesPermissions) {
  auto in = log_in("  " + email_ + " ", kPassword);  // emails are trimmed
  ASSERT_TRUE(in) << in.error().error.what();
  EXPECT_EQ(in->view.user.id, user_);
  EXPECT_EQ(in->view.role, "dispatcher");
  EXPECT_EQ(in->view.user.role, "dispatcher");
  EXPECT_EQ(in->view.org.id, org_);
  EXPECT_FALSE(in->view.permissions.empty());
  EXPECT_EQ(in->view.csrf_token, in->session.csrf_token);
  EXPECT_FALSE(in->session.token.empty());
  EXPECT_EQ(sessions(), 1);
  EXPECT_EQ(audit_actions(), std::vector<std::string>{"auth.login"});
}

TEST_P(SignIn, WrongPasswordUnknownEmailAndDeactivatedUserGetOneAnswer) {
  auto wrong = log_in(email_, "not the password");
  auto unknown = log_in("nobody-" + crypto::random_token(6) + "@example.com", kPassword);
  db_->transaction([&](store::Connection& c) { identity::set_active(c, org_, user_, false); });
  auto inactive = log_in(email_, kPassword);
  for (const auto* r : {&wrong, &unknown, &inactive}) {
    ASSERT_FALSE(*r);
    EXPECT_EQ(r->error().error.reason, "invalid_credentials");
    EXPECT_EQ(r->error().error.code, ErrorCode::unauthenticated);
    EXPECT_FALSE(r->error().retry_after);
  }
  EXPECT_EQ(sessions(), 0);
}

TEST_P(SignIn, PasswordChangeChecksTheCurrentOneAndEndsOtherSessions) {
  auto first = log_in(email_, kPassword);
  auto second = log_in(email_, kPassword);
  ASSERT_TRUE(first && second);
  const users::SignedInUser who{org_, user_, email_, "Dana"};
  auto change = [&](const char* current, const char* next) {
    users::PasswordChange in;
    in.current_password.value = current;
    in.new_password.value = next;
    return users::change_password(*db_, actor(user_), who, in, users::SignInPolicy{});
  };
  EXPECT_EQ(change("wrong", "a much longer new passphrase").error().reason,
            "wrong_current_password");
  auto weak = change(kPassword, "short");
  ASSERT_FALSE(weak);
  EXPECT_EQ(weak.error().fields.count("new_password"), 1u);
  auto done = change(kPassword, "a much longer new passphrase");
  ASSERT_TRUE(done);
  EXPECT_EQ(done->view.other_sessions_ended, 1);
  EXPECT_EQ(done->view.csrf_token, done->session.csrf_token);
  EXPECT_EQ(sessions(), 1);
  EXPECT_TRUE(log_in(email_, "a much longer new passphrase"));
}

INSTANTIATE_TEST_SUITE_P(Engines, SignIn, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
