// Per-client connection limit (issue 10, item 13): the key and the counting.
#include "http/address_limit.hpp"

#include <gtest/gtest.h>

#include <vector>

using namespace bulwark::http;

TEST(AddressLimit, ipv4_is_keyed_per_address_also_when_v4_mapped) {
  EXPECT_EQ(client_address_key("203.0.113.7"), "203.0.113.7");
  EXPECT_EQ(client_address_key("::ffff:203.0.113.7"), "203.0.113.7");
  EXPECT_NE(client_address_key("203.0.113.7"), client_address_key("203.0.113.8"));
}

TEST(AddressLimit, ipv6_is_keyed_per_64) {
  const auto a = client_address_key("2001:db8:1:2:aaaa:bbbb:cccc:dddd");
  EXPECT_EQ(a, "2001:db8:1:2::/64");
  // Any interface id in the same /64 (a client picks those freely) is the same client...
  EXPECT_EQ(client_address_key("2001:db8:1:2::1"), a);
  EXPECT_EQ(client_address_key("2001:0DB8:0001:0002:ffff:ffff:ffff:ffff"), a);
  EXPECT_EQ(client_address_key("fe80::1%eth0"), "fe80::/64");
  // ...another /64 is another client.
  EXPECT_NE(client_address_key("2001:db8:1:3::1"), a);
  EXPECT_EQ(client_address_key("::1"), "::/64");
}

TEST(AddressLimit, text_that_is_not_an_address_is_its_own_key) {
  EXPECT_EQ(client_address_key("not-an-ip"), "not-an-ip");
}

TEST(AddressLimit, refuses_past_the_limit_and_a_closed_slot_frees_a_place) {
  AddressLimit limit(3);
  std::vector<AddressLimit::Slot> held;
  for (int i = 0; i < 3; ++i) {
    auto slot = limit.acquire("198.51.100.1");
    ASSERT_TRUE(slot) << i;
    held.push_back(std::move(*slot));
  }
  EXPECT_FALSE(limit.acquire("198.51.100.1"));
  EXPECT_EQ(limit.open("198.51.100.1"), 3u);
  EXPECT_TRUE(limit.acquire("198.51.100.2"));  // another client is not affected
  held.pop_back();
  EXPECT_EQ(limit.open("198.51.100.1"), 2u);
  EXPECT_TRUE(limit.acquire("198.51.100.1"));
}

TEST(AddressLimit, moved_slot_is_released_once) {
  AddressLimit limit(1);
  {
    auto slot = limit.acquire("k");
    ASSERT_TRUE(slot);
    AddressLimit::Slot moved = std::move(*slot);
    AddressLimit::Slot again;
    again = std::move(moved);
    EXPECT_EQ(limit.open("k"), 1u);
  }
  EXPECT_EQ(limit.open("k"), 0u);
  EXPECT_TRUE(limit.acquire("k"));
}
