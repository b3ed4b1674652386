// Checklists and completion (domain/work_orders/checklist_service, completion),
// called with no HTTP, on both engines: a template is copied onto a new work
// order of its type, completion is refused while a required item is open, and
// the completion record's hash is in the audit chain and still matches.
#include "domain/work_orders/checklist_service.hpp"

#include <gtest/gtest.h>

#include <boost/json.hpp>

#include "crypto/random.hpp"
#include "identity/users.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
namespace wo = domain::work_orders;
using security::Role;
using store::OrgTx;

namespace {

constexpr std::int64_t kNow = 1'900'000'000'000;

template <class T>
struct Body {
  resource::Problems problems;
  resource::Read<T> read;
  explicit Body(std::string_view json)
      : read(resource::read_object<T>(boost::json::parse(json).as_object(), problems)) {}
  wo::Input<T> in() const { return {read, problems}; }
};

class ChecklistService : public ::testing::TestWithParam<std::string> {
 protected:
  void SetUp() override {
    // Migrated, with a key ring: descriptions, comments and checklist values are sealed.
    db_ = bulwark::testing::open_test_database(GetParam(), 2);
    if (!db_) GTEST_SKIP() << bulwark::testing::kNeedsPostgres;
    const auto tag = crypto::random_token(6);
    db_->transaction([&](store::Connection& c) {
      org_ = identity::create_org(c, "cl-" + tag, "Checklists").id;
      const auto id = identity::create_user(c, org_, "office-" + tag + "@x.example", "Office",
                                            Role::dispatcher, "x")
                          .id;
      office_ = wo::Caller{{org_, "user", id, "127.0.0.1"}, id, Role::dispatcher};
    });
  }

  template <class F>
  auto in_org(F&& work) {
    return store::in_org(*db_, org_, std::forward<F>(work));
  }

  wo::WorkOrderView move(wo::WorkOrderView w, const std::string& to, bool expect_ok = true) {
    Body<wo::WorkOrderTransition> body(R"({"to":")" + to + R"(","version":)" +
                                       std::to_string(w.version) + "}");
    auto r = in_org([&](OrgTx& tx) { return wo::transition(tx, office_, w.id, body.in(), kNow); });
    EXPECT_EQ(r.has_value(), expect_ok) << to;
    if (!r) last_error_ = r.error().reason;
    return r ? *r : w;
  }

  std::unique_ptr<store::Database> db_;
  std::int64_t org_ = 0;
  wo::Caller office_;
  std::string last_error_;
};

TEST_P(ChecklistService, ATemplateIsCopiedAndARequiredItemHoldsCompletion) {
  Body<wo::NewTemplateItem> item(
      R"({"work_type":"inspection","label":"Gallons pumped","kind":"number","unit":"gal",)"
      R"("required":true})");
  ASSERT_TRUE(
      in_org([&](OrgTx& tx) { return wo::add_template_item(tx, office_.actor, item.in(), kNow); }));
  Body<wo::NewWorkOrder> new_wo(R"({"title":"Pump-out","type":"inspection"})");
  auto w = *in_org([&](OrgTx& tx) { return wo::create(tx, office_, new_wo.in(), kNow); });
  auto details = *in_org([&](OrgTx& tx) { return wo::details(tx, office_, w.id); });
  ASSERT_EQ(details.checklist.size(), 1U);
  const auto gallons = details.checklist[0];
  EXPECT_EQ(gallons.kind, "number");
  EXPECT_TRUE(gallons.required);

  w = move(w, "scheduled");
  w = move(w, "in_progress");
  move(w, "completed", false);
  EXPECT_EQ(last_error_, "checklist_incomplete");

  Body<wo::ChecklistCheck> entry(R"({"number":980})");
  auto entered = in_org(
      [&](OrgTx& tx) { return wo::check_item(tx, office_, w.id, gallons.id, entry.in(), kNow); });
  ASSERT_TRUE(entered);
  EXPECT_EQ(entered->value, "980");
  w = move(w, "completed");
  EXPECT_EQ(w.status, "completed");

  auto rec = *in_org([&](OrgTx& tx) { return wo::completion_record(tx, office_, w.id); });
  EXPECT_TRUE(rec.matches);
  EXPECT_EQ(rec.audit_sha256, rec.sha256);
  EXPECT_EQ(crypto::sha256_hex(rec.record), rec.sha256);
  const auto body = boost::json::parse(rec.record);
  EXPECT_EQ(body.at("checklist").at(0).at("value"), "980");
  EXPECT_EQ(body.at("completed_by").at("name"), "Office");
}

INSTANTIATE_TEST_SUITE_P(Engines, ChecklistService, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
