// The work-order rules (domain/work_orders/), called with no HTTP, on both
// engines (SQLite always, PostgreSQL when BULWARK_TEST_DATABASE_URL is set):
// the life cycle, technicians' scope, optimistic concurrency and the lock on
// an invoiced work order's time and parts.
#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "crypto/random.hpp"
#include "domain/work_orders/service.hpp"
#include "identity/users.hpp"
#include "resource/write.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
namespace wo = domain::work_orders;
using security::Role;
using store::OrgTx;
using store::Sql;

namespace {

constexpr std::int64_t kNow = 1'900'000'000'000;  // 2030-03-17
constexpr const char* kTomorrow = "2030-03-18T09:00:00Z";

// A request body as the endpoint reads it: the value and its problems.
template <class T>
struct Body {
  resource::Problems problems;
  resource::Read<T> read;
  explicit Body(std::string_view json)
      : read(resource::read_object<T>(boost::json::parse(json).as_object(), problems)) {}
  wo::Input<T> in() const { return {read, problems}; }
};

class WorkOrdersService : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    // Migrated, with a key ring: descriptions, comments and checklist values are sealed.
    db_ = bulwark::testing::open_test_database(GetParam(), 2);
    if (!db_) GTEST_SKIP() << bulwark::testing::kNeedsPostgres;
    const auto tag = crypto::random_token(6);
    db_->transaction([&](store::Connection& c) {
      org_ = identity::create_org(c, "wo-" + tag, "Work").id;
      auto user = [&](const char* name, Role role) {
        const auto id = identity::create_user(c, org_, std::string(name) + "-" + tag + "@x.example",
                                              name, role, "x")
                            .id;
        return wo::Caller{{org_, "user", id, "127.0.0.1"}, id, role};
      };
      dispatcher_ = user("dispatcher", Role::dispatcher);
      tech_ = user("tech", Role::technician);
      other_tech_ = user("other", Role::technician);
    });
  }

  template <class F>
  auto in_org(F&& work) {
    return store::in_org(*db_, org_, std::forward<F>(work));
  }

  wo::WorkOrderView create(const std::string& json) {
    Body<wo::NewWorkOrder> body(json);
    auto made = in_org([&](OrgTx& tx) { return wo::create(tx, dispatcher_, body.in(), kNow); });
    EXPECT_TRUE(made.has_value()) << (made ? "" : made.error().what());
    return made ? *made : wo::WorkOrderView{};
  }

  wo::Outcome<wo::WorkOrderView> move(const wo::Caller& by, const wo::WorkOrderView& w,
                                      const std::string& to) {
    Body<wo::WorkOrderTransition> body(R"({"to":")" + to + R"(","version":)" +
                                       std::to_string(w.version) + "}");
    return in_org([&](OrgTx& tx) { return wo::transition(tx, by, w.id, body.in(), kNow); });
  }

  std::unique_ptr<store::Database> db_;
  std::int64_t org_ = 0;
  wo::Caller dispatcher_, tech_, other_tech_;
};

std::string reason(const ApiError& e) { return e.reason; }

TEST_P(WorkOrdersService, TransitionsFollowTheLifeCycleAndAreRecorded) {
  auto w = create(R"({"title":"Pump tank"})");
  EXPECT_EQ(w.number.text().substr(0, 3), "WO-");
  EXPECT_EQ(w.status, "open");
  EXPECT_EQ(w.allowed_transitions.names(), (std::vector<std::string>{"scheduled", "cancelled"}));

  auto illegal = move(dispatcher_, w, "completed");
  ASSERT_FALSE(illegal);
  EXPECT_EQ(illegal.error().code, ErrorCode::conflict);
  EXPECT_EQ(reason(illegal.error()), "illegal_transition");

  for (const char* to : {"scheduled", "in_progress", "completed"}) {
    auto r = move(dispatcher_, w, to);
    ASSERT_TRUE(r) << to << ": " << r.error().what();
    w = *r;
  }
  EXPECT_EQ(w.status, "completed");
  EXPECT_TRUE(w.completed_at);
  EXPECT_EQ(w.version, 4);
  auto history =
      store::read_org(*db_, org_, [&](OrgTx& tx) { return wo::history(tx, dispatcher_, w.id); });
  ASSERT_TRUE(history);
  std::vector<std::string> to;
  for (const auto& h : history->items) to.push_back(h.to);
  EXPECT_EQ(to, (std::vector<std::string>{"open", "scheduled", "in_progress", "completed"}));
  EXPECT_FALSE(history->items[0].from);
}

// A listed row is decoded straight into the view: the number is written as
// "WO-n" and allowed_transitions, not a column, is the caller's own.
TEST_P(WorkOrdersService, ListedViewsCarryTheirNumberAndTheCallersMoves) {
  const auto w =
      create(R"({"title":"Listed","assignee_id":)" + std::to_string(tech_.user_id) + "}");
  auto page = store::read_org(
      *db_, org_, [&](OrgTx& tx) { return wo::list(tx, dispatcher_, wo::WorkOrderQuery{}); });
  ASSERT_TRUE(page);
  ASSERT_FALSE(page->items.empty());
  const auto& first = page->items.front();
  EXPECT_EQ(first.id, w.id);
  const auto json = boost::json::parse(resource::to_json(first)).as_object();
  EXPECT_EQ(json.at("number").as_string(), "WO-" + std::to_string(first.number.value));
  EXPECT_EQ(json.at("allowed_transitions"), (boost::json::array{"scheduled", "cancelled"}));
  auto techs = store::read_org(
      *db_, org_, [&](OrgTx& tx) { return wo::list(tx, tech_, wo::WorkOrderQuery{}); });
  ASSERT_TRUE(techs);
  ASSERT_EQ(techs->items.size(), 1U);
  EXPECT_EQ(techs->items[0].allowed_transitions.names(),  // cancelling is the office's
            (std::vector<std::string>{"scheduled"}));
  const auto viewer = wo::Caller{tech_.actor, tech_.user_id, Role::viewer};
  auto viewed = store::read_org(*db_, org_, [&](OrgTx& tx) { return wo::get(tx, viewer, w.id); });
  ASSERT_TRUE(viewed);
  EXPECT_EQ(boost::json::parse(resource::to_json(*viewed)).at("allowed_transitions"),
            boost::json::array{});
}

TEST_P(WorkOrdersService, OnlyDispatchersReopenAndEachRoleIsOfferedWhatItMayDo) {
  auto w = create(R"({"title":"Reopen me","assignee_id":)" + std::to_string(tech_.user_id) + "}");
  for (const char* to : {"scheduled", "in_progress", "completed"}) w = *move(dispatcher_, w, to);
  EXPECT_EQ(w.allowed_transitions.names(), (std::vector<std::string>{"open", "closed"}));
  auto seen = store::read_org(*db_, org_, [&](OrgTx& tx) { return wo::get(tx, tech_, w.id); });
  ASSERT_TRUE(seen);
  EXPECT_TRUE(seen->allowed_transitions.moves.empty());  // closing is the office's decision
  auto not_theirs = move(tech_, w, "closed");
  ASSERT_FALSE(not_theirs);
  EXPECT_EQ(not_theirs.error().code, ErrorCode::forbidden);
  EXPECT_EQ(reason(not_theirs.error()), "office_decision");
  auto refused = move(tech_, w, "open");
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::forbidden);
  EXPECT_EQ(reason(refused.error()), "reopen_needs_dispatcher");
  EXPECT_TRUE(move(dispatcher_, w, "open"));
}

TEST_P(WorkOrdersService, TechniciansReachOnlyTheirOwnWorkOrders) {
  const auto mine =
      create(R"({"title":"Mine","assignee_id":)" + std::to_string(tech_.user_id) + "}");
  const auto unassigned = create(R"({"title":"Nobody's"})");
  auto get = [&](const wo::Caller& by, std::int64_t id) {
    return store::read_org(*db_, org_, [&](OrgTx& tx) { return wo::get(tx, by, id); });
  };
  EXPECT_TRUE(get(tech_, mine.id));
  EXPECT_EQ(get(tech_, unassigned.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(get(other_tech_, mine.id).error().code, ErrorCode::not_found);
  EXPECT_EQ(move(other_tech_, mine, "scheduled").error().code, ErrorCode::not_found);

  wo::WorkOrderQuery all;
  all.assignee_id = other_tech_.user_id;  // asking for someone else's changes nothing
  auto listed = store::read_org(*db_, org_, [&](OrgTx& tx) { return wo::list(tx, tech_, all); });
  ASSERT_TRUE(listed);
  ASSERT_EQ(listed->items.size(), 1U);
  EXPECT_EQ(listed->items[0].id, mine.id);

  Body<wo::NewComment> comment(R"({"body":"hi"})");
  auto added = in_org(
      [&](OrgTx& tx) { return wo::add_comment(tx, other_tech_, mine.id, comment.in(), kNow); });
  EXPECT_EQ(added.error().code, ErrorCode::not_found);

  Body<wo::WorkOrderChange> change(R"({"title":"x","version":1})");
  auto edited =
      in_org([&](OrgTx& tx) { return wo::change(tx, tech_, mine.id, change.in(), kNow); });
  ASSERT_FALSE(edited);
  EXPECT_EQ(reason(edited.error()), "technician_read_only_fields");
}

TEST_P(WorkOrdersService, AStaleVersionIsAConflictAndChangesNothing) {
  const auto w = create(R"({"title":"Versioned"})");
  Body<wo::WorkOrderChange> first(R"({"priority":"urgent","version":1})");
  Body<wo::WorkOrderChange> stale(R"({"priority":"low","version":1})");
  auto change = [&](const Body<wo::WorkOrderChange>& b) {
    return in_org([&](OrgTx& tx) { return wo::change(tx, dispatcher_, w.id, b.in(), kNow); });
  };
  auto ok = change(first);
  ASSERT_TRUE(ok);
  EXPECT_EQ(ok->priority, "urgent");
  EXPECT_EQ(ok->version, 2);
  auto conflict = change(stale);
  ASSERT_FALSE(conflict);
  EXPECT_EQ(conflict.error().code, ErrorCode::conflict);
  EXPECT_EQ(reason(conflict.error()), "version_conflict");
  EXPECT_EQ(reason(move(dispatcher_, w, "scheduled").error()), "version_conflict");
  auto now = store::read_org(*db_, org_, [&](OrgTx& tx) { return wo::get(tx, dispatcher_, w.id); });
  EXPECT_EQ(now->priority, "urgent");
  EXPECT_EQ(now->version, 2);
}

TEST_P(WorkOrdersService, AnotherWorkOrderIsNotFoundBeforeTheBodyIsJudged) {
  Body<wo::WorkOrderChange> bad(R"({"priority":"whenever"})");
  auto missing =
      in_org([&](OrgTx& tx) { return wo::change(tx, dispatcher_, 999'999'999, bad.in(), kNow); });
  EXPECT_EQ(missing.error().code, ErrorCode::not_found);
  const auto w = create(R"({"title":"Judged"})");
  Body<wo::WorkOrderChange> foreign(R"({"customer_id":999999999,"priority":"x","version":1})");
  auto invalid =
      in_org([&](OrgTx& tx) { return wo::change(tx, dispatcher_, w.id, foreign.in(), kNow); });
  ASSERT_FALSE(invalid);
  EXPECT_EQ(invalid.error().code, ErrorCode::validation_failed);
  // The body's problems and the store's, all at once.
  EXPECT_TRUE(invalid.error().fields.contains("customer_id"));
  EXPECT_TRUE(invalid.error().fields.contains("priority"));
}

TEST_P(WorkOrdersService, AVisitIsNotScheduledIntoThePastUnlessNobodyIsTexted) {
  const auto tech = std::to_string(tech_.user_id);
  Body<wo::NewWorkOrder> past(R"({"title":"Late","assignee_id":)" + tech +
                              R"(,"scheduled_start":"2030-03-17T00:00:00Z"})");
  auto refused = in_org([&](OrgTx& tx) { return wo::create(tx, dispatcher_, past.in(), kNow); });
  ASSERT_FALSE(refused);
  EXPECT_EQ(reason(refused.error()), "scheduled_in_the_past");
  const auto done = create(R"({"title":"Done already","notify_customer":false,"assignee_id":)" +
                           tech + R"(,"scheduled_start":"2030-03-17T00:00:00Z"})");
  EXPECT_EQ(done.status, "scheduled");
  const auto ahead = create(R"({"title":"Ahead","assignee_id":)" + tech +
                            R"(,"scheduled_start":")" + kTomorrow + R"("})");
  EXPECT_EQ(ahead.status, "scheduled");
  EXPECT_TRUE(ahead.notify_customer);
}

TEST_P(WorkOrdersService, AnInvoicedWorkOrderRefusesTimeAndPartsAndADraftFollowsThem) {
  const auto w =
      create(R"({"title":"Billed","assignee_id":)" + std::to_string(tech_.user_id) + "}");
  db_->transaction([&](store::Connection& c) {
    c.query(Sql("INSERT INTO invoices (org_id, number, work_order_id, status, total_cents, "
                "created_at, updated_at) VALUES ($1, 1, $2, 'draft', 0, 1, 1)"),
            {org_, w.id});
  });
  Body<wo::NewTimeEntry> hour(R"({"minutes":60})");
  auto add_time = [&] {
    return in_org([&](OrgTx& tx) { return wo::add_time_entry(tx, tech_, w.id, hour.in(), kNow); });
  };
  ASSERT_TRUE(add_time());  // a draft follows the work order
  auto total = [&] {
    return db_
        ->query(Sql("SELECT total_cents, version FROM invoices WHERE org_id = $1 AND "
                    "work_order_id = $2"),
                {org_, w.id})
        .rows.at(0);
  };
  EXPECT_GT(total().integer(0), 0);
  EXPECT_EQ(total().integer(1), 2);

  db_->query(Sql("UPDATE invoices SET status = 'open' WHERE org_id = $1 AND work_order_id = $2"),
             {org_, w.id});
  auto refused = add_time();
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_EQ(reason(refused.error()), "work_order_invoiced");
  Body<wo::NewPart> part(R"({"name":"Filter","quantity":1})");
  auto part_refused =
      in_org([&](OrgTx& tx) { return wo::add_part(tx, dispatcher_, w.id, part.in(), kNow); });
  EXPECT_EQ(reason(part_refused.error()), "work_order_invoiced");
  auto details =
      store::read_org(*db_, org_, [&](OrgTx& tx) { return wo::details(tx, dispatcher_, w.id); });
  ASSERT_TRUE(details);
  EXPECT_EQ(details->time_entries.size(), 1U);
  EXPECT_TRUE(details->parts.empty());
}

TEST_P(WorkOrdersService, TechniciansRecordPartsAndNeverSeeOrSetTheirCost) {
  const auto w = create(R"({"title":"Parts","assignee_id":)" + std::to_string(tech_.user_id) + "}");
  Body<wo::NewPart> priced(R"({"name":"Lid","quantity":1,"unit_cost_cents":0})");
  auto refused =
      in_org([&](OrgTx& tx) { return wo::add_part(tx, tech_, w.id, priced.in(), kNow); });
  EXPECT_EQ(reason(refused.error()), "technician_cannot_price");
  Body<wo::NewPart> plain(R"({"name":"Lid","quantity":2})");
  auto added = in_org([&](OrgTx& tx) { return wo::add_part(tx, tech_, w.id, plain.in(), kNow); });
  ASSERT_TRUE(added);
  EXPECT_FALSE(added->unit_cost_cents);
  Body<wo::PartChange> price(R"({"unit_cost_cents":4599})");
  auto changed = in_org([&](OrgTx& tx) {
    return wo::change_part(tx, dispatcher_, w.id, added->id, price.in(), kNow);
  });
  ASSERT_TRUE(changed);
  EXPECT_EQ(changed->unit_cost_cents, std::optional<std::int64_t>(4599));
  auto seen = [&](const wo::Caller& by) {
    return store::read_org(*db_, org_, [&](OrgTx& tx) { return wo::details(tx, by, w.id); })
        ->parts.at(0);
  };
  EXPECT_FALSE(seen(tech_).unit_cost_cents);
  EXPECT_EQ(seen(dispatcher_).unit_cost_cents, std::optional<std::int64_t>(4599));
}

INSTANTIATE_TEST_SUITE_P(Engines, WorkOrdersService, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
