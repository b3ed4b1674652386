// The domains an operator may verify for single sign-on (issue 15 item 4):
// a public mail service proves nothing about an organization.
#include <gtest/gtest.h>

#include "domain/sso/settings.hpp"

using namespace bulwark::domain::sso;

TEST(SsoDomains, sso_public_mail_domains_refused) {
  for (auto d : {"gmail.com", "googlemail.com", "outlook.com", "hotmail.com", "yahoo.com",
                 "yahoo.co.uk", "hotmail.fr", "icloud.com", "proton.me", "aol.com"})
    EXPECT_TRUE(is_public_mail_domain(d)) << d;
  for (auto d : {"acme.com", "septic-pros.example", "mail.acme.com"})
    EXPECT_FALSE(is_public_mail_domain(d)) << d;
}

TEST(SsoDomains, sso_domain_names_are_plain_dns_names) {
  for (auto d : {"acme.com", "a-b.example", "x1.y2.z3"}) EXPECT_TRUE(valid_domain(d)) << d;
  for (auto d : {"", "localhost", "-acme.com", "acme-.com", "acme..com", ".acme.com", "ACME.com",
                 "acme.com/", "a b.com", "ac me.com", "*.acme.com"})
    EXPECT_FALSE(valid_domain(d)) << d;
}
