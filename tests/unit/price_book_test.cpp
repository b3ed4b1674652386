// The price book called directly, with no HTTP: the invoice's rule for
// line items from the book (pure), and the service on both engines
// (SQLite always, PostgreSQL when BULWARK_TEST_DATABASE_URL names one).
#include <gtest/gtest.h>

#include "crypto/random.hpp"
#include "domain/invoice_lines.hpp"
#include "domain/price_book/repo.hpp"
#include "domain/price_book/service.hpp"
#include "identity/users.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
namespace pb = domain::price_book;
using domain::BillablePart;
using store::OrgTx;

TEST(PriceBookLines, WithoutBookItemsLabourIsBilledAsBefore) {
  const auto lines = domain::compose_invoice_lines(75, 9'500, {{"Lid", 2, 4'599, 0}});
  ASSERT_EQ(lines.size(), 2U);
  EXPECT_EQ(lines[0].description, "Labour (75 min)");
  EXPECT_EQ(lines[0].amount_cents, 11'875);
  EXPECT_EQ(lines[1].amount_cents, 9'198);
}

TEST(PriceBookLines, BookItemsReplaceTheMinutesAndFractionalGallonsRound) {
  const auto lines = domain::compose_invoice_lines(
      75, 9'500,
      {{"Pump-out", 1, 39'500, 1}, {"Disposal fee", 1'050.5, 12, 1}, {"Lid", 1, 4'599, 0}});
  ASSERT_EQ(lines.size(), 3U);  // no labour line: the book prices the job
  EXPECT_EQ(lines[0].description, "Pump-out");
  EXPECT_EQ(lines[1].amount_cents, 12'606);  // 1,050.5 x 12 = 12,606
  EXPECT_EQ(domain::invoice_total(lines), 39'500 + 12'606 + 4'599);
  // Half a cent rounds away from zero, as line_cents always did.
  EXPECT_EQ(domain::compose_invoice_lines(0, 0, {{"g", 0.5, 35, 1}})[0].amount_cents, 18);
}

class PriceBookServiceTest : public bulwark::testing::EngineTest {
 protected:
  void prepare() override {
    org_ = new_org("pb", "Price book");
    by_ = audit::Actor{org_, "cli", std::nullopt, "local"};
  }
  template <class F>
  auto in_org(F&& f) {
    return store::in_org(*db_, org_, std::forward<F>(f));
  }
  pb::Outcome<pb::PriceItemView> create(const std::string& name, std::int64_t cents) {
    resource::Read<pb::NewPriceItem> in;
    in.value.kind.value = "service";
    in.value.name.value = name;
    in.value.unit.value = "gallon";
    in.value.unit_price_cents.value = cents;
    in.present = {"kind", "name", "unit", "unit_price_cents"};
    return in_org([&](OrgTx& tx) { return pb::create(tx, by_, &in, 1'000); });
  }
  std::int64_t org_ = 0;
  audit::Actor by_;
};

TEST_P(PriceBookServiceTest, NamesAreUniqueAmongActiveItemsWhateverTheirCase) {
  ASSERT_TRUE(create("Disposal fee", 12));
  auto again = create("DISPOSAL FEE", 15);
  ASSERT_FALSE(again);
  EXPECT_EQ(again.error().reason, "name_taken");
}

// Two offices adding the same name at once: the unique index of active names
// refuses the second (the service answers 409 name_taken from it).
TEST_P(PriceBookServiceTest, TheDatabaseRefusesASecondActiveItemOfTheSameName) {
  ASSERT_TRUE(create("Riser install", 28'500));
  pb::NewPriceItem in;
  in.kind.value = "product";
  in.name.value = "riser INSTALL";
  in.unit.value = "each";
  EXPECT_THROW(in_org([&](OrgTx& tx) { return pb::repo::insert(tx, in, 2'000); }),
               store::ConstraintViolation);
}

TEST_P(PriceBookServiceTest, ArchivedItemsLeaveThePickerAndFreeTheirName) {
  const auto item = create("Trip fee", 7'500).value();
  resource::Read<pb::PriceItemArchive> archive;
  archive.value.version.value = item.version;
  archive.present = {"version"};
  ASSERT_TRUE(in_org([&](OrgTx& tx) { return pb::archive(tx, by_, item.id, &archive, 2'000); }));
  auto line = in_org([&](OrgTx& tx) { return pb::for_line_item(tx, item.id); });
  ASSERT_FALSE(line);
  EXPECT_EQ(line.error().reason, "price_item_archived");
  const auto active = in_org([&](OrgTx& tx) { return pb::list(tx, {}, true); }).value();
  EXPECT_TRUE(active.items.empty());
  EXPECT_TRUE(create("Trip fee", 8'000));
  // A stale version is refused.
  auto stale = in_org([&](OrgTx& tx) { return pb::archive(tx, by_, item.id, &archive, 3'000); });
  ASSERT_FALSE(stale);
  EXPECT_EQ(stale.error().reason, "version_conflict");
}

TEST_P(PriceBookServiceTest, PricesAreLeftOutForWhoeverMayNotSeeThem) {
  const auto item = create("Labour", 9'500).value();
  const auto hidden = in_org([&](OrgTx& tx) { return pb::get(tx, item.id, false); }).value();
  EXPECT_FALSE(hidden.unit_price_cents.has_value());
  EXPECT_EQ(hidden.unit, "gallon");
  const auto shown = in_org([&](OrgTx& tx) { return pb::get(tx, item.id, true); }).value();
  EXPECT_EQ(shown.unit_price_cents.value_or(0), 9'500);
}

INSTANTIATE_TEST_SUITE_P(Engines, PriceBookServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
