// The link-token module (domain/links/tokens) called directly, on both
// engines: 256-bit tokens stored only as their SHA-256, and one refusal
// (404 link_not_found) for every way a token can be wrong.
#include <gtest/gtest.h>

#include <array>

#include "crypto/random.hpp"
#include "domain/links/tokens.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
namespace links = domain::links;
using links::Purpose;
using store::OrgTx;

namespace {
constexpr std::int64_t kNow = 1'000'000;
constexpr std::array kAppointment{Purpose::appointment};
constexpr std::array kAnyCustomer{Purpose::appointment, Purpose::invoice, Purpose::report};
}  // namespace

class LinkTokensTest : public bulwark::testing::EngineTest {
 protected:
  void prepare() override {
    org_ = new_org("links", "Links");
    other_ = new_org("links-other", "Other");
  }
  links::IssuedLink issue(std::int64_t org, Purpose p = Purpose::appointment,
                          std::chrono::milliseconds ttl = std::chrono::hours(1)) {
    return store::in_org(*db_, org, [&](OrgTx& tx) {
      return links::issue(
          tx, {.purpose = p, .subject_id = 42, .work_order_id = {}, .created_by = {}, .ttl = ttl},
          kNow);
    });
  }
  Expected<links::ResolvedLink, ApiError> resolve(const std::string& token,
                                                  std::span<const Purpose> allowed = kAppointment,
                                                  std::int64_t now = kNow + 1) {
    return links::resolve(*db_, token, allowed, now);
  }
  static void expect_refused(const Expected<links::ResolvedLink, ApiError>& r) {
    ASSERT_FALSE(r);
    EXPECT_EQ(r.error().code, ErrorCode::not_found);
    EXPECT_EQ(r.error().reason, "link_not_found");
  }
  std::int64_t org_ = 0, other_ = 0;
};

TEST_P(LinkTokensTest, TokensAre256RandomBitsAndOnlyTheirHashIsStored) {
  const auto a = issue(org_), b = issue(org_);
  EXPECT_EQ(a.token.size(), 43U);  // base64url of 32 bytes
  EXPECT_EQ(crypto::from_base64(a.token)->size(), 32U);
  EXPECT_NE(a.token, b.token);
  auto rows = db_->query(store::Sql("SELECT token_hash FROM link_tokens WHERE id = $1"), {a.id});
  ASSERT_EQ(rows.rows.size(), 1U);
  EXPECT_EQ(rows.rows[0].text(0), crypto::sha256_hex(a.token));
  EXPECT_EQ(a.expires_at, kNow + 3'600'000);
}

TEST_P(LinkTokensTest, ResolveFindsTheLinkItsOrganizationAndSubject) {
  const auto a = issue(org_);
  auto r = resolve(a.token);
  ASSERT_TRUE(r) << r.error().what();
  EXPECT_EQ(r->id, a.id);
  EXPECT_EQ(r->org_id, org_);
  EXPECT_EQ(r->subject_id, 42);
  EXPECT_EQ(r->purpose, Purpose::appointment);
}

TEST_P(LinkTokensTest, TamperedTruncatedAndUnknownTokensAreOneRefusal) {
  const auto a = issue(org_);
  auto flipped = a.token;
  flipped[10] = flipped[10] == 'A' ? 'B' : 'A';
  expect_refused(resolve(flipped));
  expect_refused(resolve(a.token.substr(0, 42)));
  expect_refused(resolve(a.token + "A"));
  expect_refused(resolve(crypto::random_token(32)));
  expect_refused(resolve(""));
  expect_refused(resolve(std::string(43, '.')));
}

TEST_P(LinkTokensTest, ExpiredRevokedAndOtherPurposeLinksAreRefusedAlike) {
  const auto a = issue(org_);
  expect_refused(resolve(a.token, kAppointment, a.expires_at));  // the first instant it is over
  EXPECT_TRUE(resolve(a.token, kAppointment, a.expires_at - 1));

  const auto report = issue(org_, Purpose::report);
  expect_refused(resolve(report.token, kAppointment));
  EXPECT_TRUE(resolve(report.token, kAnyCustomer));

  EXPECT_TRUE(
      store::in_org(*db_, org_, [&](OrgTx& tx) { return links::revoke(tx, a.id, {}, kNow); }));
  expect_refused(resolve(a.token));
}

TEST_P(LinkTokensTest, AnotherOrganizationCannotRevokeOrUseALink) {
  const auto a = issue(org_);
  EXPECT_FALSE(
      store::in_org(*db_, other_, [&](OrgTx& tx) { return links::revoke(tx, a.id, {}, kNow); }));
  EXPECT_FALSE(
      store::in_org(*db_, other_, [&](OrgTx& tx) { return links::mark_used(tx, a.id, kNow); }));
  EXPECT_FALSE(store::read_org(*db_, other_, [&](OrgTx& tx) { return links::find(tx, a.id); }));
  EXPECT_TRUE(resolve(a.token));
}

TEST_P(LinkTokensTest, ALinkIsMarkedUsedOnce) {
  const auto a = issue(org_);
  EXPECT_TRUE(
      store::in_org(*db_, org_, [&](OrgTx& tx) { return links::mark_used(tx, a.id, kNow); }));
  EXPECT_FALSE(
      store::in_org(*db_, org_, [&](OrgTx& tx) { return links::mark_used(tx, a.id, kNow + 1); }));
  auto r = resolve(a.token);
  ASSERT_TRUE(r);
  EXPECT_EQ(r->used_at.value_or(0), kNow);
}

TEST(LinkPurposes, NamesRoundTrip) {
  for (auto p : {Purpose::appointment, Purpose::invoice, Purpose::report, Purpose::invitation,
                 Purpose::password_reset, Purpose::request})
    EXPECT_EQ(links::parse_purpose(links::purpose_name(p)), p);
  EXPECT_FALSE(links::parse_purpose("admin"));
}

INSTANTIATE_TEST_SUITE_P(Engines, LinkTokensTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
