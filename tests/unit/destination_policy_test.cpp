// The outbound destination policy (issue 15 item 4): the address classes an
// admin-set URL must never reach, and the URL rules around them.
#include "net/destination_policy.hpp"

#include <gtest/gtest.h>

using namespace bulwark::net;

namespace {

AddressClass cls(const char* text) {
  auto c = classify_address(text);
  EXPECT_TRUE(c.has_value()) << text;
  return c.value_or(AddressClass::reserved);
}

}  // namespace

TEST(DestinationPolicy, sso_ipv4_classes) {
  EXPECT_EQ(cls("127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(cls("127.255.0.9"), AddressClass::loopback);
  EXPECT_EQ(cls("10.1.2.3"), AddressClass::private_use);
  EXPECT_EQ(cls("172.16.0.1"), AddressClass::private_use);
  EXPECT_EQ(cls("172.31.255.255"), AddressClass::private_use);
  EXPECT_EQ(cls("172.32.0.1"), AddressClass::global);
  EXPECT_EQ(cls("192.168.1.1"), AddressClass::private_use);
  EXPECT_EQ(cls("100.64.0.1"), AddressClass::private_use);
  EXPECT_EQ(cls("169.254.169.254"), AddressClass::link_local);  // cloud metadata
  EXPECT_EQ(cls("0.0.0.0"), AddressClass::unspecified);
  EXPECT_EQ(cls("224.0.0.1"), AddressClass::multicast);
  EXPECT_EQ(cls("255.255.255.255"), AddressClass::reserved);
  EXPECT_EQ(cls("93.184.216.34"), AddressClass::global);
  EXPECT_EQ(cls("8.8.8.8"), AddressClass::global);
}

TEST(DestinationPolicy, sso_ipv6_classes_and_mapped_ipv4) {
  EXPECT_EQ(cls("::1"), AddressClass::loopback);
  EXPECT_EQ(cls("::"), AddressClass::unspecified);
  EXPECT_EQ(cls("fe80::1"), AddressClass::link_local);
  EXPECT_EQ(cls("fd00::1"), AddressClass::unique_local);
  EXPECT_EQ(cls("fc12:3456::1"), AddressClass::unique_local);
  EXPECT_EQ(cls("ff02::1"), AddressClass::multicast);
  EXPECT_EQ(cls("::ffff:127.0.0.1"), AddressClass::loopback);
  EXPECT_EQ(cls("::ffff:169.254.169.254"), AddressClass::link_local);
  EXPECT_EQ(cls("::ffff:10.0.0.1"), AddressClass::private_use);
  EXPECT_EQ(cls("::ffff:8.8.8.8"), AddressClass::global);
  EXPECT_EQ(cls("64:ff9b::a00:1"), AddressClass::private_use);  // NAT64 of 10.0.0.1
  EXPECT_EQ(cls("2606:4700::1111"), AddressClass::global);
  EXPECT_FALSE(classify_address("example.com").has_value());
  EXPECT_FALSE(classify_address("127.1").has_value());  // no shorthand forms
}

TEST(DestinationPolicy, sso_https_only_and_no_credentials_in_url) {
  const OutboundSettings none;
  EXPECT_FALSE(check_destination_with("http://idp.example.com/", none, {"93.184.216.34"}));
  EXPECT_FALSE(check_destination_with("ftp://idp.example.com/", none, {"93.184.216.34"}));
  EXPECT_FALSE(check_destination_with("https://u:p@idp.example.com/", none, {"93.184.216.34"}));
  EXPECT_FALSE(check_destination_with("not a url", none, {"93.184.216.34"}));
  auto ok = check_destination_with("https://IdP.Example.com/realms/a", none, {"93.184.216.34"});
  ASSERT_TRUE(ok) << ok.error();
  EXPECT_EQ(ok->host, "idp.example.com");
  EXPECT_EQ(ok->port, 443);
  EXPECT_EQ(ok->resolve, "idp.example.com:443:93.184.216.34");
}

TEST(DestinationPolicy, sso_internal_addresses_refused_unless_listed) {
  const OutboundSettings none;
  EXPECT_FALSE(check_destination_with("https://127.0.0.1:9443/", none, {"127.0.0.1"}));
  EXPECT_FALSE(check_destination_with("https://[::1]/", none, {"::1"}));
  EXPECT_FALSE(check_destination_with("https://meta.internal/", none, {"169.254.169.254"}));
  // One bad address among good ones is enough to refuse (DNS rebinding).
  EXPECT_FALSE(check_destination_with("https://idp.example.com/", none, {"8.8.8.8", "10.0.0.1"}));
  EXPECT_FALSE(check_destination_with("https://nowhere.example/", none, {}));
  const auto allow = parse_outbound_settings(" 127.0.0.1 , [::1],Idp.Test ", "");
  ASSERT_EQ(allow.allow_hosts.size(), 3U);
  auto ok = check_destination_with("https://127.0.0.1:9443/x", allow, {"127.0.0.1"});
  ASSERT_TRUE(ok) << ok.error();
  EXPECT_EQ(ok->resolve, "127.0.0.1:9443:127.0.0.1");
  auto v6 = check_destination_with("https://[::1]:8443/", allow, {"::1"});
  ASSERT_TRUE(v6) << v6.error();
  EXPECT_EQ(v6->resolve, "[::1]:8443:[::1]");
  EXPECT_TRUE(check_destination_with("https://idp.test/", allow, {"10.0.0.5"}));
  // The allowlist names hosts, not whole networks.
  EXPECT_FALSE(check_destination_with("https://127.0.0.2/", allow, {"127.0.0.2"}));
}
