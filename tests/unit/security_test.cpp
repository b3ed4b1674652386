// Passwords, cookies, roles: the pieces of identity that need no database.
#include <gtest/gtest.h>

#include <chrono>

#include "http/cookies.hpp"
#include "security/passwords.hpp"
#include "security/roles.hpp"

using namespace bulwark;
using namespace bulwark::security;

TEST(Passwords, must_009_hash_is_bcrypt_2b_at_cost_12) {
  auto h = hash_password("test-only Granite Kettle 42", 12);
  EXPECT_TRUE(h.starts_with("$2b$12$")) << h.substr(0, 7);
  EXPECT_EQ(bcrypt_cost_of(h), 12);
  EXPECT_TRUE(verify_password("test-only Granite Kettle 42", h));
  EXPECT_FALSE(verify_password("test-only Granite Kettle 43", h));
}

TEST(Passwords, must_009_cost_below_12_is_refused) {
  EXPECT_THROW(hash_password("whatever whatever", 11), std::invalid_argument);
  EXPECT_THROW(hash_password("whatever whatever", 4), std::invalid_argument);
}

TEST(Passwords, SaltsDiffer) {
  EXPECT_NE(hash_password("same password here", 12), hash_password("same password here", 12));
}

TEST(Passwords, NeverTruncatesSilently) {
  const std::string base(72, 'a');
  // bcrypt would treat these two as equal; we refuse to hash or verify beyond 72 bytes.
  EXPECT_THROW(hash_password(base + "b", 12), std::invalid_argument);
  auto h = hash_password(base, 12);
  EXPECT_FALSE(verify_password(base + "b", h));
  EXPECT_FALSE(verify_password(std::string("abc\0def", 7), h));
}

TEST(Passwords, VerifyRejectsNonBcryptHashes) {
  EXPECT_FALSE(verify_password("x", ""));
  EXPECT_FALSE(verify_password("x", "$1$abc$def"));  // MD5-crypt (MUST-NOT-008)
  EXPECT_FALSE(verify_password("x", "plain"));
  EXPECT_EQ(bcrypt_cost_of("$2a$12$xyz"), 0);
}

TEST(Passwords, must_009_only_whole_2b_hashes_of_cost_12_or_more_are_importable) {
  const auto real = hash_password("test-only Granite Kettle 42", 12);
  EXPECT_TRUE(importable_bcrypt_hash(real));
  auto cheap = real;
  cheap.replace(4, 2, "10");
  EXPECT_FALSE(importable_bcrypt_hash(cheap));               // below MUST-009's cost
  EXPECT_FALSE(importable_bcrypt_hash(real.substr(0, 59)));  // cut short
  EXPECT_FALSE(importable_bcrypt_hash(real + "A"));
  auto odd = real;
  odd[30] = '$';
  EXPECT_FALSE(importable_bcrypt_hash(odd));
  auto other = real;
  other.replace(0, 4, "$2a$");
  EXPECT_FALSE(importable_bcrypt_hash(other));
  EXPECT_FALSE(importable_bcrypt_hash("$1$abc$def"));  // MD5-crypt (MUST-NOT-008)
  EXPECT_FALSE(importable_bcrypt_hash(""));
}

TEST(Passwords, DummyHashIsARealHashAtTheGivenCost) {
  EXPECT_EQ(bcrypt_cost_of(dummy_hash(12)), 12);
}

TEST(PasswordPolicy, LengthLimitsInCharactersAndBytes) {
  EXPECT_EQ(check_password_policy("short")->reason, "too_short");
  EXPECT_EQ(check_password_policy(std::string(73, 'x'))->reason, "too_long");
  std::string accents;
  for (int i = 0; i < 40; ++i) accents += "\xC3\xA9";  // 40 characters, 80 bytes
  EXPECT_EQ(check_password_policy(accents)->reason, "too_long");
  EXPECT_EQ(check_password_policy("\xC3\x28 invalid utf8 here")->reason, "invalid_characters");
}

TEST(PasswordPolicy, CommonAndPersonalPasswordsAreTooGuessable) {
  for (auto weak :
       {"password1234", "qwertyuiopasdf", "111111111111", "abcdefghijkl", "Password123!"})
    EXPECT_EQ(check_password_policy(weak)->reason, "too_guessable") << weak;
  EXPECT_EQ(check_password_policy("janedoe2024janedoe", {"janedoe@example.com"})->reason,
            "too_guessable");
  EXPECT_FALSE(check_password_policy("test-only Granite Kettle 42 orbit"));
  EXPECT_FALSE(check_password_policy("correct horse battery staple"));
}

TEST(Cookies, FindsNamedCookieAmongOthers) {
  using http::find_cookie;
  EXPECT_EQ(find_cookie("a=1; __Host-session=tok; csrf_token=c", "__Host-session"), "tok");
  EXPECT_EQ(find_cookie("csrf_token=\"quoted\"", "csrf_token"), "quoted");
  EXPECT_EQ(find_cookie("xcsrf_token=1; csrf_token=2", "csrf_token"), "2");
  EXPECT_FALSE(find_cookie("garbage;;=;  ;a", "a"));
  EXPECT_FALSE(find_cookie("", "a"));
}

TEST(Cookies, must_004_set_cookie_is_secure_strict_and_httponly) {
  auto h =
      http::set_cookie_header({.name = "__Host-session", .value = "v", .max_age_seconds = 86400});
  EXPECT_EQ(h, "__Host-session=v; Path=/; Secure; SameSite=Strict; HttpOnly; Max-Age=86400");
  auto csrf = http::set_cookie_header({.name = "csrf_token", .value = "c", .http_only = false});
  EXPECT_EQ(csrf.find("HttpOnly"), std::string::npos);
  EXPECT_NE(csrf.find("Secure"), std::string::npos);
  EXPECT_NE(csrf.find("SameSite=Strict"), std::string::npos);
}

TEST(Roles, PermissionTable) {
  EXPECT_TRUE(role_has(Role::owner, Permission::audit_read));
  EXPECT_TRUE(role_has(Role::admin, Permission::users_manage));
  EXPECT_FALSE(role_has(Role::dispatcher, Permission::users_manage));
  EXPECT_TRUE(role_has(Role::dispatcher, Permission::work_orders_assign));
  EXPECT_FALSE(role_has(Role::technician, Permission::invoices_manage));
  EXPECT_FALSE(role_has(Role::technician, Permission::work_orders_assign));
  EXPECT_FALSE(role_has(Role::viewer, Permission::work_orders_write));
  EXPECT_TRUE(role_has(Role::viewer, Permission::none));
  for (auto r : {Role::owner, Role::admin, Role::dispatcher, Role::technician, Role::viewer,
                 Role::requester})
    EXPECT_EQ(parse_role(role_name(r)), r);
  EXPECT_FALSE(parse_role("root"));
  EXPECT_GT(role_rank(Role::owner), role_rank(Role::admin));
}

// Issue 14 item 6: a requester holds requests_own and nothing else, and
// ranks below every other role (manages no one).
TEST(Roles, RequesterHoldsOnlyItsOwnRequests) {
  ASSERT_EQ(permissions_of(Role::requester).size(), 1U);
  EXPECT_TRUE(role_has(Role::requester, Permission::requests_own));
  EXPECT_TRUE(role_has(Role::requester, Permission::none));
  for (auto p : {Permission::work_orders_read, Permission::customers_read,
                 Permission::work_orders_assign, Permission::users_manage})
    EXPECT_FALSE(role_has(Role::requester, p));
  for (auto r : all_roles()) {
    if (r != Role::requester) {
      EXPECT_LT(role_rank(Role::requester), role_rank(r));
    }
  }
  EXPECT_EQ(all_roles().front(), Role::requester);
}
