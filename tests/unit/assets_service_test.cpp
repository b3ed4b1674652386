// The assets and meters service called directly, on both engines: meters
// only go up (a reading lies between its earlier- and later-dated
// neighbours), a reading from the future is refused, and another
// organization's site or asset is not found whatever the body says.
#include "area_org_fixture.hpp"
#include "domain/assets/service.hpp"
#include "domain/timestamps.hpp"

using namespace bulwark;
namespace assets = domain::assets;
using store::OrgTx;

namespace {

class AssetsService : public bulwark::testing::OrgFixture {
 protected:
  assets::AssetView add_asset(const std::string& name, std::int64_t site = 0) {
    resource::Read<assets::NewAsset> in{};
    in.value.name.value = name;
    in.value.serial = resource::Text<100, 0>{"SN-" + name};
    auto made = in_org([&](OrgTx& tx) {
      return assets::create(tx, actor(owner_), site ? site : site_, &in, now_);
    });
    EXPECT_TRUE(made.has_value());
    return made.value();
  }
  assets::Outcome<assets::RecordedReading> reading(std::int64_t asset, double value, const char* at,
                                                   const char* kind = "hours") {
    resource::Read<assets::NewReading> in{};
    in.value.kind.value = kind;
    in.value.value.value = value;
    if (at) in.value.read_at = resource::Time{*domain::parse_rfc3339(at)};
    return in_org(
        [&](OrgTx& tx) { return assets::add_reading(tx, actor(tech_), asset, &in, now_); });
  }
  static std::string reason(const assets::Outcome<assets::RecordedReading>& r) {
    return r ? std::string("ok") : r.error().reason;
  }
};

TEST_P(AssetsService, CreatedAssetIsListedAtItsSiteAndAudited) {
  const auto pump = add_asset("Lift pump");
  EXPECT_EQ(pump.site_id, site_);
  EXPECT_EQ(pump.serial, "SN-Lift pump");
  EXPECT_EQ(pump.created_at.ms, now_);
  auto listed = in_org([&](OrgTx& tx) { return assets::at_site(tx, site_); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].id, pump.id);
  EXPECT_EQ(audit_actions(), std::vector<std::string>{"asset.created"});
}

TEST_P(AssetsService, ListSearchesCustomerNamesAndPagesByCursor) {
  const auto a = add_asset("Tank A"), b = add_asset("Tank B");
  assets::AssetQuery q;
  q.like = "%cora%";
  q.customer_words = {"cora"};  // the customer's name (a blind-index token: it is sealed)
  q.limit = 1;
  auto first = in_org([&](OrgTx& tx) { return assets::list(tx, q); });
  ASSERT_TRUE(first);
  ASSERT_EQ(first->items.size(), 1u);
  EXPECT_EQ(first->items[0].id, a.id);
  EXPECT_EQ(first->items[0].customer_name, "Cora Tank");
  EXPECT_EQ(first->items[0].site_address, "1 Silo Rd");
  EXPECT_EQ(first->next_cursor, a.id);
  q.after_id = first->next_cursor;
  auto second = in_org([&](OrgTx& tx) { return assets::list(tx, q); });
  ASSERT_EQ(second->items.size(), 1u);
  EXPECT_EQ(second->items[0].id, b.id);
  EXPECT_FALSE(second->next_cursor);
}

TEST_P(AssetsService, AnotherOrganizationsSiteOrAssetIsNotFoundBeforeTheBodyIsChecked) {
  const auto pump = add_asset("Pump");
  const auto other = other_org();
  const assets::Checked<assets::NewAsset> bad_body =
      unexpected(ApiError(ErrorCode::validation_failed, "bad", "invalid_fields"));
  auto create = in_org(
      other, [&](OrgTx& tx) { return assets::create(tx, actor(owner_), site_, bad_body, now_); });
  ASSERT_FALSE(create);
  EXPECT_EQ(create.error().code, ErrorCode::not_found);
  EXPECT_EQ(std::string(create.error().what()), "no such site");
  auto get = in_org(other, [&](OrgTx& tx) { return assets::get(tx, pump.id); });
  EXPECT_EQ(get.error().code, ErrorCode::not_found);
  auto readings =
      in_org(other, [&](OrgTx& tx) { return assets::readings(tx, pump.id, std::nullopt, 10); });
  EXPECT_EQ(readings.error().code, ErrorCode::not_found);
  // Here, the body's problems come once the site is found.
  auto here =
      in_org([&](OrgTx& tx) { return assets::create(tx, actor(owner_), site_, bad_body, now_); });
  EXPECT_EQ(here.error().reason, "invalid_fields");
}

TEST_P(AssetsService, ReadingsLieBetweenTheirEarlierAndLaterDatedNeighbours) {
  const auto tank = add_asset("Tank").id;
  EXPECT_EQ(reason(reading(tank, 950, "2025-06-10T10:00:00Z")), "ok");
  EXPECT_EQ(reason(reading(tank, 1900, "2025-12-10T10:00:00Z")), "ok");
  EXPECT_EQ(reason(reading(tank, 10, "2025-12-20T00:00:00Z")), "meter_reading_below_earlier");
  EXPECT_EQ(reason(reading(tank, 2000, "2025-09-01T00:00:00Z")), "meter_reading_above_later");
  EXPECT_EQ(reason(reading(tank, 1200, "2025-09-01T00:00:00Z")), "ok");  // between: fine
  // Same time counts as before: equal is fine, lower is not.
  EXPECT_EQ(reason(reading(tank, 1900, "2025-12-10T10:00:00Z")), "ok");
  EXPECT_EQ(reason(reading(tank, 1899, "2025-12-10T10:00:00Z")), "meter_reading_below_earlier");
  // Another kind is another meter.
  EXPECT_EQ(reason(reading(tank, 5, "2025-12-20T00:00:00Z", "gallons")), "ok");
  auto listed = in_org([&](OrgTx& tx) {
    return assets::readings(tx, tank, std::optional<std::string>("hours"), 100);
  });
  std::vector<double> values;
  for (const auto& r : listed->items) values.push_back(r.value);
  EXPECT_EQ(values, (std::vector<double>{1900, 1900, 1200, 950}));  // newest first
  EXPECT_EQ(listed->items[0].recorded_by, tech_);
}

TEST_P(AssetsService, ReadingFromTheFutureIsRefusedBeyondTheClockSkew) {
  const auto tank = add_asset("Tank").id;
  const auto at = [&](std::int64_t ms) { return domain::format_rfc3339(ms); };
  auto future = reading(tank, 1, at(now_ + assets::kClockSkewMs + 1000).c_str());
  ASSERT_FALSE(future);
  EXPECT_EQ(future.error().reason, "meter_reading_in_future");
  EXPECT_EQ(future.error().fields.count("read_at"), 1u);
  auto undated = reading(tank, 1, nullptr);
  ASSERT_TRUE(undated);
  EXPECT_EQ(undated->read_at.ms, now_);                                  // now, when absent
  EXPECT_EQ(reason(reading(tank, 2, at(now_ + 60'000).c_str())), "ok");  // a fast device clock
}

INSTANTIATE_TEST_SUITE_P(Engines, AssetsService, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
