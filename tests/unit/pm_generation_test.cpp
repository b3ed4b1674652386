// PM generation against a real database, on both engines: a schedule whose
// start lies decades back (created before the API refused such starts)
// yields one work order, and the next only once that one is done.
#include "domain/pm_generation.hpp"

#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>

#include "crypto/random.hpp"
#include "domain/timestamps.hpp"
#include "identity/users.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
using store::Sql;

namespace {

class PmGenerationTest : public bulwark::testing::EngineTest {
 protected:
  void prepare() override {
    org_ = new_org("pm", "PM test");
    db_->transaction([&](store::Connection& c) {
      auto cust = c.query(Sql("INSERT INTO customers (org_id, name, created_at, updated_at) "
                              "VALUES ($1, 'C', 0, 0) RETURNING id"),
                          {org_});
      site_ = c.query(Sql("INSERT INTO sites (org_id, customer_id, name, address, created_at, "
                          "updated_at) VALUES ($1, $2, 'S', 'A', 0, 0) RETURNING id"),
                      {org_, cust.rows.at(0).integer(0)})
                  .rows.at(0)
                  .integer(0);
    });
  }

  std::int64_t schedule(const char* start, const char* unit, std::int64_t every) {
    return db_
        ->query(Sql("INSERT INTO pm_schedules (org_id, site_id, title, interval_unit, "
                    "interval_value, lead_days, next_due_at, created_at) VALUES ($1, $2, "
                    "'Pump tank', $3, $4, 14, $5, 0) RETURNING id"),
                {org_, site_, std::string(unit), every, *domain::parse_rfc3339(start)})
        .rows.at(0)
        .integer(0);
  }
  // The due dates of the schedule's work orders, oldest first.
  std::vector<std::string> generated(std::int64_t schedule) {
    std::vector<std::string> out;
    for (const auto& r : db_->query(Sql("SELECT w.due_at FROM pm_generated g JOIN work_orders w "
                                        "ON w.id = g.work_order_id WHERE g.schedule_id = $1 "
                                        "ORDER BY w.id"),
                                    {schedule})
                             .rows)
      out.push_back(domain::format_rfc3339(r.integer(0)));
    return out;
  }
  std::string next_due(std::int64_t schedule) {
    return domain::format_rfc3339(
        db_->query(Sql("SELECT next_due_at FROM pm_schedules WHERE id = $1"), {schedule})
            .rows.at(0)
            .integer(0));
  }
  void complete_all(std::int64_t schedule) {
    db_->query(Sql("UPDATE work_orders SET status = 'completed' WHERE id IN (SELECT "
                   "work_order_id FROM pm_generated WHERE schedule_id = $1)"),
               {schedule});
  }

  std::int64_t org_ = 0, site_ = 0;
};

TEST_P(PmGenerationTest, AScheduleFrom1990YieldsOneWorkOrderNotOnePerMissedMonth) {
  const auto id = schedule("1990-01-01T08:00:00Z", "months", 1);
  const auto now = *domain::parse_rfc3339("2026-12-01T22:00:00Z");
  for (int run = 0; run < 5; ++run) domain::generate_pm_work_orders(*db_, now + run * 60'000);
  EXPECT_EQ(generated(id), std::vector<std::string>{"1990-01-01T08:00:00Z"});
  EXPECT_EQ(next_due(id), "2027-01-01T08:00:00Z");  // past now, not 1990-02-01
}

TEST_P(PmGenerationTest, OneOpenGeneratedWorkOrderPerScheduleAtATime) {
  const auto id = schedule("2026-11-20T08:00:00Z", "weeks", 1);
  const auto now = *domain::parse_rfc3339("2026-12-01T22:00:00Z");
  domain::generate_pm_work_orders(*db_, now);
  ASSERT_EQ(generated(id).size(), 1u);
  EXPECT_EQ(next_due(id), "2026-12-04T08:00:00Z");
  // A week later the next occurrence is due, but the first is still open.
  const auto week_later = now + 7 * 86'400'000LL;
  domain::generate_pm_work_orders(*db_, week_later);
  EXPECT_EQ(generated(id).size(), 1u);
  complete_all(id);
  domain::generate_pm_work_orders(*db_, week_later);
  EXPECT_EQ(generated(id),
            (std::vector<std::string>{"2026-11-20T08:00:00Z", "2026-12-04T08:00:00Z"}));
  EXPECT_EQ(next_due(id), "2026-12-11T08:00:00Z");
}

INSTANTIATE_TEST_SUITE_P(Engines, PmGenerationTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
