// What the technician needs at the gate and the work orders of an asset
// (issue 12 items 2 and 3), called with no HTTP, on both engines: the
// access-notes reveal (assigned technician only, audited once per user, site
// and day), the day it counts in, and a work order's asset at its site.
#include <gtest/gtest.h>

#include <algorithm>

#include "area_org_fixture.hpp"
#include "domain/customers/site_access.hpp"
#include "domain/work_orders/service.hpp"

using namespace bulwark;
namespace customers = domain::customers;
namespace wo = domain::work_orders;
using security::Role;
using store::OrgTx;
using store::Sql;

namespace {

constexpr std::int64_t kDayMs = 86'400'000;

class FieldService : public bulwark::testing::OrgFixture {
 protected:
  void SetUp() override {
    OrgFixture::SetUp();
    if (IsSkipped()) return;
    db_->transaction([&](store::Connection& c) {
      // Sealed with the site's own row key (access notes are personal data).
      store::OrgTx tx(c, org_);
      const auto key =
          c.query(Sql("SELECT row_key FROM sites WHERE id = $1"), {site_}).rows.at(0).text(0);
      c.query(Sql("UPDATE sites SET access_notes = $3 WHERE org_id = $1 AND id = $2"),
              {org_, site_, tx.seal("sites", "access_notes", key, "Gate 4412")});
      other_tech_ = add_user(c, "other", Role::technician);
      viewer_ = add_user(c, "viewer", Role::viewer);
    });
  }

  std::int64_t add_work_order(std::int64_t assignee, const char* status) {
    std::int64_t id = 0;
    db_->transaction([&](store::Connection& c) {
      id = c.query(Sql("INSERT INTO work_orders (org_id, number, title, type, priority, status, "
                       "site_id, assignee_id, created_by, created_at, updated_at) VALUES ($1, "
                       "(SELECT COALESCE(MAX(number), 1000) + 1 FROM work_orders WHERE org_id = "
                       "$1), 'Pump out', 'corrective', 'medium', $2, $3, $4, $4, 0, 0) "
                       "RETURNING id"),
                   {org_, std::string(status), site_, assignee})
               .rows.at(0)
               .integer(0);
    });
    return id;
  }

  Expected<customers::SiteAccessView, ApiError> reveal(std::int64_t user, Role role,
                                                       std::int64_t now) {
    return in_org([&](OrgTx& tx) {
      return customers::reveal_access(tx, {actor(user), user, role}, site_, now);
    });
  }

  long reveals_audited() {
    const auto actions = audit_actions();
    return std::count(actions.begin(), actions.end(), "site.access_revealed");
  }

  std::int64_t other_tech_ = 0, viewer_ = 0;
};

TEST_P(FieldService, AssignedTechnicianRevealsAccessNotesAuditedOncePerDay) {
  add_work_order(tech_, "scheduled");
  const auto first = reveal(tech_, Role::technician, now_ + 3'600'000);
  ASSERT_TRUE(first) << first.error().what();
  EXPECT_EQ(first->access_notes, "Gate 4412");
  EXPECT_EQ(first->site_id, site_);
  EXPECT_TRUE(reveal(tech_, Role::technician, now_ + 7'200'000));
  EXPECT_EQ(reveals_audited(), 1);
  EXPECT_TRUE(reveal(tech_, Role::technician, now_ + kDayMs + 60'000));  // the next day
  EXPECT_EQ(reveals_audited(), 2);
}

TEST_P(FieldService, OthersAreRefusedAndTheOfficeReadsTheNotes) {
  add_work_order(tech_, "in_progress");
  for (auto [user, role] : {std::pair{other_tech_, Role::technician}, {viewer_, Role::viewer}}) {
    const auto refused = reveal(user, role, now_);
    ASSERT_FALSE(refused);
    EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
    EXPECT_EQ(refused.error().reason, "not_assigned");
  }
  EXPECT_EQ(reveal(admin_, Role::admin, now_)->access_notes, "Gate 4412");
  EXPECT_EQ(reveals_audited(), 1);
}

TEST_P(FieldService, FinishedWorkAndOtherTenantsSitesDoNotOpenTheGate) {
  add_work_order(tech_, "completed");
  add_work_order(tech_, "cancelled");
  EXPECT_EQ(reveal(tech_, Role::technician, now_).error().reason, "not_assigned");
  const auto elsewhere = in_org(other_org(), [&](OrgTx& tx) {
    return customers::reveal_access(tx, {actor(owner_), owner_, Role::owner}, site_, now_);
  });
  ASSERT_FALSE(elsewhere);
  EXPECT_EQ(elsewhere.error().code, ErrorCode::not_found);
}

// The one place the day is computed: UTC until the organization's time zone lands.
TEST_P(FieldService, RevealDayIsTheUtcDay) {
  const auto day = [&](std::int64_t now) {
    return store::read_org(*db_, org_, [&](OrgTx& tx) -> Expected<std::string, ApiError> {
      return customers::access_reveal_day(tx, now);
    });
  };
  EXPECT_EQ(*day(now_), "2026-01-01");
  EXPECT_EQ(*day(now_ - 1), "2025-12-31");
  EXPECT_EQ(*day(now_ + kDayMs - 1), "2026-01-01");
}

TEST_P(FieldService, AWorkOrdersAssetStandsAtItsSite) {
  std::int64_t asset = 0, barn = 0;
  db_->transaction([&](store::Connection& c) {
    barn = add_site(c, org_, customer_);
    asset = c.query(Sql("INSERT INTO assets (org_id, site_id, name, created_at) VALUES "
                        "($1, $2, 'Tank', 0) RETURNING id"),
                    {org_, site_})
                .rows.at(0)
                .integer(0);
  });
  const auto problems = [&](std::optional<std::int64_t> site, std::optional<std::int64_t> a) {
    resource::Problems p;
    store::read_org(*db_, org_, [&](OrgTx& tx) -> Expected<int, ApiError> {
      wo::check_asset(tx, site, a, p);
      return 0;
    });
    return p.contains("asset_id") ? p.at("asset_id") : std::string();
  };
  EXPECT_EQ(problems(site_, asset), "");
  EXPECT_EQ(problems(site_, std::nullopt), "");
  EXPECT_EQ(problems(barn, asset), "is not at the work order's site");
  EXPECT_NE(problems(std::nullopt, asset).find("needs the work order's site"), std::string::npos);
  EXPECT_EQ(problems(site_, asset + 1000), "does not exist");
}

INSTANTIATE_TEST_SUITE_P(Engines, FieldService, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
