#include "config/config.hpp"

#include <gtest/gtest.h>

#include <map>

using namespace bulwark::config;

namespace {
Getenv env(std::map<std::string, std::string> values) {
  return [values = std::move(values)](const char* name) -> std::optional<std::string> {
    auto it = values.find(name);
    if (it == values.end()) return std::nullopt;
    return it->second;
  };
}
const std::string kLongSecret(40, 'k');
}  // namespace

TEST(Config, SafeDefaultsForALocalRun) {
  auto c = load(env({}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->environment, Environment::development);
  EXPECT_EQ(c->listen.host, "127.0.0.1");
  EXPECT_EQ(c->listen.port, 8080);
  EXPECT_EQ(c->max_body_bytes, 1024u * 1024u);
  EXPECT_EQ(c->effective_database_url(), "./data/bulwark.sqlite3");
  EXPECT_TRUE(c->secret_key_generated);
  EXPECT_GE(c->secret_key.size(), 32u);
}

TEST(Config, ReadsEveryDocumentedVariable) {
  auto c = load(env({{"BULWARK_LISTEN", "0.0.0.0:9000"},
                     {"BULWARK_DATA_DIR", "/var/lib/bulwark"},
                     {"BULWARK_DATABASE_URL", "postgresql://u@db/bulwark"},
                     {"BULWARK_PUBLIC_URL", "https://bulwark.example"},
                     {"BULWARK_TLS_CERT", "/c.pem"},
                     {"BULWARK_TLS_KEY", "/k.pem"},
                     {"BULWARK_TRUSTED_PROXY", "10.0.0.1"},
                     {"BULWARK_WEB_DIR", "/srv/web"},
                     {"BULWARK_LOG_LEVEL", "debug"},
                     {"BULWARK_ENV", "production"},
                     {"BULWARK_HEADER_TIMEOUT", "2s"},
                     {"BULWARK_SECRET_KEY", kLongSecret}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->listen.port, 9000);
  EXPECT_EQ(c->effective_database_url(), "postgresql://u@db/bulwark");
  EXPECT_EQ(c->header_timeout, std::chrono::seconds(2));
  EXPECT_EQ(c->environment, Environment::production);
  EXPECT_TRUE(c->tls_enabled());
  EXPECT_TRUE(production_problems(*c).empty());
}

TEST(Config, MalformedValuesAreReportedByName) {
  auto c = load(env({{"BULWARK_LISTEN", "nohost"},
                     {"BULWARK_MAX_BODY_BYTES", "lots"},
                     {"BULWARK_HEADER_TIMEOUT", "5 parsecs"},
                     {"BULWARK_ENV", "staging"},
                     {"BULWARK_TLS_CERT", "/only-cert.pem"}}));
  ASSERT_FALSE(c);
  std::string all;
  for (const auto& p : c.error()) all += p + "\n";
  for (auto name : {"BULWARK_LISTEN", "BULWARK_MAX_BODY_BYTES", "BULWARK_HEADER_TIMEOUT",
                    "BULWARK_ENV", "BULWARK_TLS_KEY"})
    EXPECT_NE(all.find(name), std::string::npos) << name;
}

TEST(Config, must_not_007_production_refuses_plain_http_without_trusted_proxy) {
  auto c = load(env({{"BULWARK_ENV", "production"},
                     {"BULWARK_SECRET_KEY", kLongSecret},
                     {"BULWARK_PUBLIC_URL", "https://x.example"}}));
  ASSERT_TRUE(c);
  auto problems = production_problems(*c);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("MUST-NOT-007"), std::string::npos);

  auto proxied = load(env({{"BULWARK_ENV", "production"},
                           {"BULWARK_SECRET_KEY", kLongSecret},
                           {"BULWARK_PUBLIC_URL", "https://x.example"},
                           {"BULWARK_TRUSTED_PROXY", "127.0.0.1"}}));
  ASSERT_TRUE(proxied);
  EXPECT_TRUE(production_problems(*proxied).empty());
}

TEST(Config, must_008_production_requires_secret_from_environment) {
  auto missing = load(env({{"BULWARK_ENV", "production"},
                           {"BULWARK_TRUSTED_PROXY", "::1"},
                           {"BULWARK_PUBLIC_URL", "https://x.example"}}));
  ASSERT_TRUE(missing);
  EXPECT_FALSE(missing->secret_key_generated);  // never invented in production
  auto problems = production_problems(*missing);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("BULWARK_SECRET_KEY: required"), std::string::npos);

  auto short_key = load(env({{"BULWARK_ENV", "production"},
                             {"BULWARK_TRUSTED_PROXY", "::1"},
                             {"BULWARK_PUBLIC_URL", "https://x.example"},
                             {"BULWARK_SECRET_KEY", "short"}}));
  problems = production_problems(*short_key);
  ASSERT_EQ(problems.size(), 1u);
  EXPECT_NE(problems[0].find("too short"), std::string::npos);
  EXPECT_EQ(problems[0].find("short\""), std::string::npos);  // the value itself is not echoed
}

TEST(Config, DescribeNeverShowsSecretsOrDatabasePasswords) {
  auto c = load(env({{"BULWARK_SECRET_KEY", kLongSecret},
                     {"BULWARK_DATABASE_URL", "postgresql://bulwark:hunter2@db:5432/b"}}));
  ASSERT_TRUE(c);
  std::string all;
  for (const auto& [k, v] : describe(*c)) all.append(k).append("=").append(v).append("\n");
  EXPECT_EQ(all.find(kLongSecret), std::string::npos);
  EXPECT_EQ(all.find("hunter2"), std::string::npos);
  EXPECT_NE(all.find("(set, 40 bytes)"), std::string::npos);
}

TEST(Config, ParsesListenAddressesAndDurations) {
  EXPECT_EQ(parse_listen_address("[::1]:80")->host, "::1");
  EXPECT_EQ(parse_listen_address("localhost:0")->port, 0);
  EXPECT_FALSE(parse_listen_address("host:99999"));
  EXPECT_FALSE(parse_listen_address(":80"));
  EXPECT_EQ(*parse_duration("250ms"), std::chrono::milliseconds(250));
  EXPECT_EQ(*parse_duration("24h"), std::chrono::hours(24));
  EXPECT_EQ(*parse_duration("7"), std::chrono::seconds(7));
  EXPECT_FALSE(parse_duration("-1s"));
  EXPECT_FALSE(parse_duration("1d"));
}

TEST(Config, must_008_provider_secrets_come_from_the_environment_and_are_never_described) {
  auto c = load(env({{"BULWARK_TWILIO_ACCOUNT_SID", "AC123"},
                     {"BULWARK_TWILIO_AUTH_TOKEN", "twilio-token-value-1"},
                     {"BULWARK_TWILIO_AUTH_TOKEN_PREVIOUS", "twilio-token-value-0"},
                     {"BULWARK_STRIPE_API_KEY", "sk_test_value"},
                     {"BULWARK_STRIPE_WEBHOOK_SECRET", "whsec_value_1"},
                     {"BULWARK_STRIPE_WEBHOOK_SECRET_PREVIOUS", "whsec_value_0"}}));
  ASSERT_TRUE(c);
  EXPECT_TRUE(c->twilio_configured());
  EXPECT_TRUE(c->stripe_configured());
  EXPECT_EQ(c->twilio_auth_token_previous.reveal(), "twilio-token-value-0");
  for (const auto& [name, value] : describe(*c))
    for (auto secret : {"twilio-token-value", "sk_test_value", "whsec_value"})
      EXPECT_EQ(value.find(secret), std::string::npos) << name;
}

TEST(Config, provider_api_bases_must_be_https_except_loopback) {
  EXPECT_TRUE(load(env({{"BULWARK_TWILIO_API_BASE", "http://127.0.0.1:9999/"}})));
  EXPECT_FALSE(load(env({{"BULWARK_TWILIO_API_BASE", "http://api.twilio.com"}})));
  EXPECT_FALSE(load(env({{"BULWARK_TWILIO_API_BASE", "http://localhost.evil.example"}})));
  EXPECT_FALSE(load(env({{"BULWARK_TWILIO_API_BASE", "http://127.0.0.1.evil.example/"}})));
  EXPECT_FALSE(load(env({{"BULWARK_STRIPE_API_BASE", "ftp://x"}})));
  auto c = load(env({{"BULWARK_STRIPE_API_BASE", "https://api.stripe.com/"}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->stripe_api_base, "https://api.stripe.com");
  EXPECT_FALSE(load(env({{"BULWARK_SMS_CLAIM_LEASE", "10ms"}})));
}

TEST(Config, max_connections_per_ip_defaults_to_64_and_zero_means_unlimited) {
  auto c = load(env({}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->max_connections_per_ip, 64u);
  c = load(env({{"BULWARK_MAX_CONNECTIONS_PER_IP", "0"}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->max_connections_per_ip, 0u);
  c = load(env({{"BULWARK_MAX_CONNECTIONS_PER_IP", "3"}}));
  ASSERT_TRUE(c);
  EXPECT_EQ(c->max_connections_per_ip, 3u);
  bool described = false;
  for (const auto& [name, value] : describe(*c))
    if (name == "BULWARK_MAX_CONNECTIONS_PER_IP") described = value == "3";
  EXPECT_TRUE(described);
}

TEST(Config, max_connections_per_ip_rejects_malformed_values_by_name) {
  for (auto bad : {"-1", "many", "3x", "2000000"}) {
    auto c = load(env({{"BULWARK_MAX_CONNECTIONS_PER_IP", bad}}));
    ASSERT_FALSE(c) << bad;
    ASSERT_EQ(c.error().size(), 1u) << bad;
    EXPECT_TRUE(c.error()[0].starts_with("BULWARK_MAX_CONNECTIONS_PER_IP: ")) << c.error()[0];
  }
}
