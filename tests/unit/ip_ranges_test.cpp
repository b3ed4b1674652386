// IP allowlists (issue 15 item 5): CIDR parsing and matching.
#include "net/ip_ranges.hpp"

#include <gtest/gtest.h>

namespace bulwark::net {
namespace {

IpRange range(std::string_view text) {
  auto r = parse_ip_range(text);
  EXPECT_TRUE(r.has_value()) << text << ": " << (r ? "" : r.error());
  return r.value_or(IpRange{});
}

TEST(IpRanges, Ipv4RangesMatchTheirAddressesOnly) {
  const std::vector<IpRange> list{range("203.0.113.0/24")};
  EXPECT_TRUE(any_range_contains(list, "203.0.113.0"));
  EXPECT_TRUE(any_range_contains(list, "203.0.113.255"));
  EXPECT_FALSE(any_range_contains(list, "203.0.114.1"));
  EXPECT_FALSE(any_range_contains(list, "2001:db8::1"));
}

TEST(IpRanges, Ipv6RangesMatchTheirAddressesOnly) {
  const std::vector<IpRange> list{range("2001:db8:1234::/48")};
  EXPECT_TRUE(any_range_contains(list, "2001:db8:1234:ffff::7"));
  EXPECT_FALSE(any_range_contains(list, "2001:db8:1235::1"));
  EXPECT_FALSE(any_range_contains(list, "203.0.113.7"));
}

TEST(IpRanges, Ipv4MappedAddressesAreNormalisedBeforeMatching) {
  const std::vector<IpRange> list{range("10.0.0.0/8")};
  EXPECT_TRUE(any_range_contains(list, "::ffff:10.20.30.40"));
  EXPECT_TRUE(any_range_contains(list, "10.20.30.40"));
  // A range written in its mapped form is the same range.
  EXPECT_EQ(range("::ffff:10.0.0.0/104"), range("10.0.0.0/8"));
  EXPECT_EQ(ip_range_text(range("::ffff:10.0.0.0/104")), "10.0.0.0/8");
}

TEST(IpRanges, ASingleAddressIsAFullLengthRange) {
  EXPECT_EQ(ip_range_text(range("198.51.100.7")), "198.51.100.7/32");
  EXPECT_EQ(ip_range_text(range("::1")), "::1/128");
  EXPECT_TRUE(any_range_contains({range("::1")}, "::1"));
  EXPECT_FALSE(any_range_contains({range("::1")}, "::2"));
}

TEST(IpRanges, ZeroPrefixesCoverTheirWholeFamily) {
  EXPECT_TRUE(any_range_contains({range("0.0.0.0/0")}, "198.51.100.7"));
  EXPECT_FALSE(any_range_contains({range("0.0.0.0/0")}, "2001:db8::1"));
  EXPECT_TRUE(any_range_contains({range("::/0")}, "2001:db8::1"));
}

TEST(IpRanges, CanonicalTextIsCompressed) {
  EXPECT_EQ(ip_range_text(range("2001:0db8:0000::/32")), "2001:db8::/32");
}

TEST(IpRanges, MalformedRangesAreRefusedWithAReason) {
  for (std::string_view bad :
       {"", "10.0.0.0/33", "2001:db8::/129", "10.0.0.0/-1", "10.0.0.0/", "10.0.0.0/8x", "10.0.0/8",
        "999.1.1.1", "example.com", "fe80::1%eth0/64", "10.0.0.0/8/8", " 10.0.0.0/8"}) {
    auto r = parse_ip_range(bad);
    EXPECT_FALSE(r.has_value()) << bad;
  }
}

TEST(IpRanges, HostBitsBeyondThePrefixAreRefusedWithTheLikelyMeaning) {
  auto r = parse_ip_range("10.0.0.1/8");
  ASSERT_FALSE(r.has_value());
  EXPECT_NE(r.error().find("did you mean 10.0.0.0/8?"), std::string::npos) << r.error();
}

TEST(IpRanges, AnythingButOneAddressNeverMatches) {
  const std::vector<IpRange> all{range("::/0"), range("0.0.0.0/0")};
  EXPECT_FALSE(any_range_contains(all, ""));
  EXPECT_FALSE(any_range_contains(all, "unknown"));
  EXPECT_FALSE(any_range_contains(all, "fe80::1%eth0"));
  EXPECT_FALSE(any_range_contains({}, "10.0.0.1"));
}

}  // namespace
}  // namespace bulwark::net
