// OAuth API clients called directly, with no HTTP (issue 15 item 3): the
// word lists a request carries, and the service's rules on both engines
// (SQLite always, PostgreSQL when BULWARK_TEST_DATABASE_URL names one):
// the role ceiling, the declared scopes, the secret kept only as a hash,
// tokens that stop with their client.
#include <gtest/gtest.h>

#include <boost/json/parse.hpp>

#include "area_org_fixture.hpp"
#include "crypto/random.hpp"
#include "domain/api_clients/service.hpp"
#include "domain/api_clients/tokens.hpp"

using namespace bulwark;
namespace ac = domain::api_clients;
using store::OrgTx;

TEST(ApiClientWords, ReadsAnArrayOfWordsOnceEach) {
  std::vector<std::string> out;
  std::string problem;
  ASSERT_TRUE(
      ac::read_word_list(boost::json::parse(R"(["a:read","b:write","a:read"])"), out, 5, problem));
  EXPECT_EQ(out, (std::vector<std::string>{"a:read", "b:write"}));
  EXPECT_EQ(ac::join_words(out), "a:read b:write");
  EXPECT_EQ(ac::split_words(" a:read  b:write "), out);
  for (const char* bad :
       {R"("a:read")", R"([1])", R"(["two words"])", R"([""])", R"(["a","b","c"])"}) {
    std::vector<std::string> o;
    EXPECT_FALSE(ac::read_word_list(boost::json::parse(bad), o, 2, problem)) << bad;
  }
}

class ApiClientsService : public bulwark::testing::OrgFixture {
 protected:
  const std::vector<std::string> known_{"customers:read", "work_orders:read"};
  ac::Outcome<ac::CreatedApiClient> create(security::Role creator_role, const std::string& role,
                                           std::vector<std::string> scopes) {
    resource::Read<ac::NewApiClient> in;
    in.value.name.value = "Sync";
    in.value.role.value = role;
    in.value.scopes.values = std::move(scopes);
    in.present = {"name", "role", "scopes"};
    const auto who = creator_role == security::Role::owner ? owner_ : admin_;
    const ac::Creator by{actor(who), creator_role, known_};
    return in_org([&](OrgTx& tx) { return ac::create(tx, by, in, 1'000); });
  }
};

TEST_P(ApiClientsService, TheCeilingIsNeverOwnerNorAboveTheCreator) {
  auto owner_role = create(security::Role::admin, "owner", {"customers:read"});
  ASSERT_FALSE(owner_role);
  EXPECT_EQ(owner_role.error().reason, "role_not_allowed");
  auto above = create(security::Role::dispatcher, "admin", {"customers:read"});
  ASSERT_FALSE(above);
  EXPECT_EQ(above.error().reason, "role_not_allowed");
  EXPECT_TRUE(create(security::Role::admin, "admin", {"customers:read"}));
}

TEST_P(ApiClientsService, OnlyScopesTheRouteTableDeclares) {
  auto unknown = create(security::Role::admin, "viewer", {"customers:read", "everything"});
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().reason, "unknown_scope");
  auto none = create(security::Role::admin, "viewer", {});
  ASSERT_FALSE(none);
  EXPECT_EQ(none.error().reason, "no_scope");
}

TEST_P(ApiClientsService, TheSecretAuthenticatesAndRevocationEndsTokens) {
  auto made = create(security::Role::admin, "viewer", {"customers:read", "work_orders:read"});
  ASSERT_TRUE(made) << made.error().what();
  EXPECT_GE(made->client_secret.size(), 43U);  // 256 bits, base64url
  EXPECT_FALSE(ac::authenticate_client(*db_, made->client_id, "wrong", 2'000, "192.0.2.1"));
  auto client =
      ac::authenticate_client(*db_, made->client_id, made->client_secret, 2'000, "192.0.2.1");
  ASSERT_TRUE(client);
  EXPECT_EQ(client->org_id, org_);
  const auto issued = ac::issue_token(*db_, *client, {"customers:read"}, 2'000, "192.0.2.1");
  auto holder = ac::find_token(*db_, issued.access_token, 3'000);
  ASSERT_TRUE(holder);
  EXPECT_EQ(holder->role, security::Role::viewer);
  EXPECT_EQ(holder->scopes, std::vector<std::string>{"customers:read"});
  EXPECT_FALSE(ac::find_token(*db_, issued.access_token, 2'000 + 3'600'000));  // an hour later
  ASSERT_TRUE(in_org([&](OrgTx& tx) { return ac::revoke(tx, actor(admin_), made->id, 4'000); }));
  EXPECT_FALSE(ac::find_token(*db_, issued.access_token, 5'000));
  EXPECT_FALSE(ac::authenticate_client(*db_, made->client_id, made->client_secret, 5'000, ""));
  // Another organization does not see the client.
  auto foreign = store::in_org(
      *db_, other_org(), [&](OrgTx& tx) { return ac::revoke(tx, actor(admin_), made->id, 6'000); });
  EXPECT_FALSE(foreign);
}

TEST(ApiClientAllowlist, EmptyMeansAnywhereAndRangesAreMatched) {
  EXPECT_TRUE(ac::allowed_from({}, "198.51.100.1"));
  EXPECT_TRUE(ac::allowed_from({"203.0.113.0/24"}, "203.0.113.4"));
  EXPECT_TRUE(ac::allowed_from({"203.0.113.0/24"}, "::ffff:203.0.113.4"));
  EXPECT_FALSE(ac::allowed_from({"203.0.113.0/24"}, "198.51.100.1"));
  EXPECT_TRUE(ac::allowed_from({"2001:db8::/32"}, "2001:db8::9"));
  EXPECT_FALSE(ac::allowed_from({"2001:db8::/32"}, "unknown"));
}

INSTANTIATE_TEST_SUITE_P(Engines, ApiClientsService, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
