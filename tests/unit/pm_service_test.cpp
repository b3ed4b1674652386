// The PM schedules service called directly, on both engines: the cross-field
// rules of a new schedule, the start more than a year back, references
// checked in the caller's organization, and changes that leave the cadence
// alone.
#include <boost/json/parse.hpp>

#include "area_org_fixture.hpp"
#include "domain/pm/service.hpp"
#include "domain/timestamps.hpp"

using namespace bulwark;
namespace pm = domain::pm;
using store::OrgTx;

namespace {

class PmService : public bulwark::testing::OrgFixture {
 protected:
  static resource::Read<pm::NewPmSchedule> calendar(std::int64_t site, std::int64_t first_due) {
    resource::Read<pm::NewPmSchedule> in{};
    in.value.site_id.value = site;
    in.value.title.value = "Pump tank";
    in.value.interval_unit.value = "months";
    in.value.interval_value.value = 6;
    in.value.first_due_at = resource::Time{first_due};
    return in;
  }
  pm::Outcome<pm::PmSchedule> create(const resource::Read<pm::NewPmSchedule>& in) {
    return in_org([&](OrgTx& tx) { return pm::create(tx, actor(owner_), in, now_); });
  }
  static resource::Problems problems_of(const char* json) {
    resource::Problems problems;
    resource::read_object<pm::NewPmSchedule>(boost::json::parse(json).as_object(), problems);
    return problems;
  }
};

constexpr std::int64_t kDay = 86'400'000;

TEST_P(PmService, CalendarScheduleStartsAtItsFirstDueDateWithDefaults) {
  auto made = create(calendar(site_, now_ + 3 * kDay));
  ASSERT_TRUE(made) << made.error().what();
  EXPECT_EQ(made->next_due_at, resource::Time{now_ + 3 * kDay});
  EXPECT_EQ(made->priority, "medium");
  EXPECT_EQ(made->lead_days, 14);
  EXPECT_TRUE(made->active);
  EXPECT_FALSE(made->next_meter_value);
  EXPECT_EQ(audit_actions(), std::vector<std::string>{"pm_schedule.created"});
  auto listed = in_org([&](OrgTx& tx) { return pm::list(tx); });
  ASSERT_EQ(listed->items.size(), 1u);
  EXPECT_EQ(listed->items[0].id, made->id);
}

TEST_P(PmService, StartMoreThanAYearBackIsRefused) {
  auto old = create(calendar(site_, now_ - 400 * kDay));
  ASSERT_FALSE(old);
  EXPECT_EQ(old.error().reason, "pm_start_too_far_in_past");
  EXPECT_EQ(old.error().fields.count("first_due_at"), 1u);
  EXPECT_TRUE(create(calendar(site_, now_ - 300 * kDay)));  // fell behind, really
}

TEST_P(PmService, ReferencesAreCheckedInTheCallersOrganization) {
  std::int64_t other_site = 0, inactive = 0;
  db_->transaction([&](store::Connection& c) {
    other_site = add_site(c, org_, customer_);
    inactive = add_user(c, "gone", security::Role::technician);
    identity::set_active(c, org_, inactive, false);
  });
  const auto tank = in_org([&](OrgTx& tx) {
    return tx
        .run(store::OrgSql("INSERT INTO assets (org_id, site_id, name, created_at) "
                           "VALUES ($1, $2, 'Tank', 0) RETURNING id"),
             other_site)
        .rows.at(0)
        .integer(0);
  });
  auto in = calendar(site_, now_ + kDay);
  in.value.asset_id = pm::Id{tank};  // at another site
  in.value.assignee_id = pm::Id{inactive};
  auto refused = create(in);
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().reason, "invalid_fields");
  EXPECT_EQ(refused.error().fields,
            (std::map<std::string, std::string>{{"asset_id", "does not exist at this site"},
                                                {"assignee_id", "does not exist"}}));
  auto elsewhere = in_org(other_org(), [&](OrgTx& tx) {
    return pm::create(tx, actor(owner_), calendar(site_, now_ + kDay), now_);
  });
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().fields.at("site_id"), "does not exist");
}

TEST_P(PmService, MeterAndCalendarSchedulesNeedTheirOwnFields) {
  EXPECT_EQ(problems_of(R"({"site_id": 1, "title": "x", "interval_unit": "meter",
                            "interval_value": 10})"),
            (resource::Problems{
                {"asset_id", "a meter schedule needs an asset"},
                {"first_meter_value", "is required for a meter schedule"},
                {"meter_kind", "must be hours, gallons or cycles for a meter schedule"}}));
  EXPECT_EQ(problems_of(R"({"site_id": 1, "title": "x", "interval_unit": "days",
                            "interval_value": 7})"),
            (resource::Problems{{"first_due_at", "is required for a calendar schedule"}}));
  EXPECT_EQ(problems_of(R"({"site_id": 1, "title": "x", "interval_unit": "fortnights",
                            "interval_value": 0, "first_due_at": "2026-12-01T00:00:00Z"})")
                .size(),
            2u);
  EXPECT_TRUE(problems_of(R"({"site_id": 1, "asset_id": 2, "title": "x", "interval_unit":
                             "meter", "interval_value": 500, "meter_kind": "hours",
                             "first_meter_value": 1000})")
                  .empty());
}

TEST_P(PmService, ChangePausesAndAuditsOnlyTheFieldsSent) {
  const auto id = create(calendar(site_, now_ + kDay))->id;
  resource::Read<pm::PmScheduleChange> change{};
  change.value.active = false;
  change.value.priority = resource::OneOf<pm::kPriorities>{"urgent"};
  change.present = {"active", "priority"};
  auto changed = in_org([&](OrgTx& tx) { return pm::change(tx, actor(owner_), id, &change); });
  ASSERT_TRUE(changed);
  EXPECT_FALSE(changed->active);
  EXPECT_EQ(changed->priority, "urgent");
  EXPECT_EQ(changed->title, "Pump tank");
  EXPECT_EQ(changed->interval_value, 6);
  auto fields = db_->query(store::Sql("SELECT fields FROM audit_log WHERE org_id = $1 AND "
                                      "action = 'pm_schedule.updated'"),
                           {org_});
  ASSERT_EQ(fields.rows.size(), 1u);
  EXPECT_NE(fields.rows[0].text(0).find("priority"), std::string::npos);
  EXPECT_EQ(fields.rows[0].text(0).find("title"), std::string::npos);

  change.value.assignee_id = pm::Id{tech_ + 100000};
  auto bad = in_org([&](OrgTx& tx) { return pm::change(tx, actor(owner_), id, &change); });
  EXPECT_EQ(bad.error().fields.at("assignee_id"), "is not an active user of this organization");
  // Another organization's schedule: 404, whatever the body says.
  const pm::Checked<pm::PmScheduleChange> bad_body =
      unexpected(ApiError(ErrorCode::validation_failed, "bad", "invalid_fields"));
  auto other =
      in_org(other_org(), [&](OrgTx& tx) { return pm::change(tx, actor(owner_), id, bad_body); });
  EXPECT_EQ(other.error().code, ErrorCode::not_found);
}

INSTANTIATE_TEST_SUITE_P(Engines, PmService, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
