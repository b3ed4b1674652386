// The email settings (issue 14 item 3, config/smtp.hpp): which relays are
// loopback (STARTTLS optional there only), and what is refused.
#include <gtest/gtest.h>

#include <map>
#include <utility>
#include <vector>

#include "config/config.hpp"
#include "config/smtp.hpp"

namespace {

using namespace bulwark::config;

Getenv env(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const char* name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}

SmtpSettings with_url(const char* url) {
  SmtpSettings s;
  s.url = url;
  return s;
}

TEST(SmtpConfig, only_loopback_hosts_may_skip_starttls_ISSUE14_3) {
  for (auto url : {"smtp://127.0.0.1:2525", "smtp://localhost", "smtp://[::1]:25",
                   "smtp://127.1.2.3/ehlo.example"})
    EXPECT_TRUE(with_url(url).loopback()) << url;
  for (auto url : {"smtp://mail.example.com:587", "smtp://127.0.0.1.evil.example",
                   "smtp://localhost.evil.example:25", "smtp://10.0.0.1", "smtp://[::2]:25"})
    EXPECT_FALSE(with_url(url).loopback()) << url;
  EXPECT_TRUE(with_url("smtps://mail.example.com").implicit_tls());
  EXPECT_FALSE(with_url("smtp://mail.example.com").implicit_tls());
}

TEST(SmtpConfig, bad_settings_are_refused_ISSUE14_3) {
  const std::map<std::string, std::string> good{{"BULWARK_SMTP_URL", "smtp://mail.example:587"},
                                                {"BULWARK_MAIL_FROM", "office@example.com"}};
  auto c = load(env(good));
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->smtp.configured());
  EXPECT_FALSE(load(env({})).value().smtp.configured());
  for (const auto& [name, value] : std::vector<std::pair<std::string, std::string>>{
           {"BULWARK_SMTP_URL", "http://mail.example"},
           {"BULWARK_SMTP_URL", "smtp://user:secret@mail.example"},
           {"BULWARK_MAIL_FROM", "Office <office@example.com>"},
           {"BULWARK_SMTP_USER", "only-a-user"}}) {
    auto bad = good;
    bad[name] = value;
    EXPECT_FALSE(load(env(bad))) << name << "=" << value;
  }
  EXPECT_FALSE(load(env({{"BULWARK_MAIL_FROM", "office@example.com"}})));
}

TEST(SmtpConfig, show_config_says_only_set_or_not_set_ISSUE14_3) {
  auto c = load(env({{"BULWARK_SMTP_URL", "smtps://mail.example"},
                     {"BULWARK_MAIL_FROM", "office@example.com"},
                     {"BULWARK_SMTP_USER", "u"},
                     {"BULWARK_SMTP_PASSWORD", "hunter2-smtp"}}));
  ASSERT_TRUE(c);
  bool seen = false;
  for (const auto& [name, value] : describe(*c)) {
    EXPECT_EQ(value.find("hunter2"), std::string::npos) << name;
    if (name == "BULWARK_SMTP_PASSWORD") {
      EXPECT_EQ(value, "(set)");
      seen = true;
    }
  }
  EXPECT_TRUE(seen);
}

}  // namespace
