// An invoice's totals in integer cents (domain/invoices/totals.hpp) and the
// receivables' aging, pure arithmetic with no database.
#include <gtest/gtest.h>

#include "domain/invoices/receivables.hpp"
#include "domain/invoices/totals.hpp"

using namespace bulwark::domain::invoices;

TEST(InvoiceTotals, NoDiscountNoTaxIsTheSumOfTheLines) {
  const auto t = compute_totals({{14250, "", 0}, {9198, "", 0}}, 0, 0);
  EXPECT_EQ(t.subtotal_cents, 23448);
  EXPECT_EQ(t.discount_cents, 0);
  EXPECT_TRUE(t.taxes.empty());
  EXPECT_EQ(t.total_cents, 23448);
}

TEST(InvoiceTotals, TaxIsRoundedHalfUpOncePerRateNotPerLine) {
  // 8.25 % of 3 x 101 cents: per line 8.3325 -> 8 each (24); once per rate
  // 303 x 0.0825 = 24.9975 -> 25.
  const auto t =
      compute_totals({{101, "State", 825}, {101, "State", 825}, {101, "State", 825}}, 0, 0);
  ASSERT_EQ(t.taxes.size(), 1U);
  EXPECT_EQ(t.taxes[0].base_cents, 303);
  EXPECT_EQ(t.taxes[0].tax_cents, 25);
  EXPECT_EQ(t.total_cents, 328);
}

TEST(InvoiceTotals, HalfACentRoundsUp) {
  // 10 cents at 5 % = 0.5 cent -> 1.
  EXPECT_EQ(compute_totals({{10, "T", 500}}, 0, 0).taxes[0].tax_cents, 1);
  // 9 cents at 5 % = 0.45 cent -> 0.
  EXPECT_EQ(compute_totals({{9, "T", 500}}, 0, 0).taxes[0].tax_cents, 0);
}

TEST(InvoiceTotals, BasisPointDiscountThenTaxOnTheDiscountedShare) {
  // 100.00 taxed at 10 % and 50.00 untaxed; 10 % off: discount 15.00, the
  // taxed share is 100.00 x 135/150 = 90.00, its tax 9.00.
  const auto t = compute_totals({{10000, "Sales", 1000}, {5000, "", 0}}, 0, 1000);
  EXPECT_EQ(t.subtotal_cents, 15000);
  EXPECT_EQ(t.discount_cents, 1500);
  ASSERT_EQ(t.taxes.size(), 1U);
  EXPECT_EQ(t.taxes[0].base_cents, 9000);
  EXPECT_EQ(t.taxes[0].tax_cents, 900);
  EXPECT_EQ(t.total_cents, 15000 - 1500 + 900);
}

TEST(InvoiceTotals, CentsDiscountIsCappedAtTheSubtotal) {
  const auto t = compute_totals({{500, "Sales", 1000}}, 900, 0);
  EXPECT_EQ(t.discount_cents, 500);
  EXPECT_EQ(t.taxes[0].tax_cents, 0);
  EXPECT_EQ(t.total_cents, 0);
}

TEST(InvoiceTotals, EachRateIsItsOwnRow) {
  const auto t =
      compute_totals({{1000, "State", 600}, {2000, "County", 200}, {1000, "State", 600}}, 0, 0);
  ASSERT_EQ(t.taxes.size(), 2U);
  EXPECT_EQ(t.taxes[0].name, "State");
  EXPECT_EQ(t.taxes[0].tax_cents, 120);
  EXPECT_EQ(t.taxes[1].name, "County");
  EXPECT_EQ(t.taxes[1].tax_cents, 40);
  EXPECT_EQ(t.total_cents, 4160);
}

TEST(InvoiceTotals, LargeAmountsDoNotOverflow) {
  // 1e12 cents x 1e12 cents x 10000 bp needs more than 64 bits inside.
  const std::int64_t big = 1'000'000'000'000;
  const auto t = compute_totals({{big, "T", 10000}}, 0, 5000);
  EXPECT_EQ(t.discount_cents, big / 2);
  EXPECT_EQ(t.taxes[0].tax_cents, big / 2);
  EXPECT_EQ(t.total_cents, big);
}

TEST(InvoiceTotals, MulDivRoundsHalfUp) {
  EXPECT_EQ(mul_div_round(1, 1, 2), 1);
  EXPECT_EQ(mul_div_round(1, 1, 3), 0);
  EXPECT_EQ(mul_div_round(2, 1, 3), 1);
}

TEST(Receivables, AgingBuckets) {
  EXPECT_EQ(aging_bucket(-3), "current");
  EXPECT_EQ(aging_bucket(0), "current");
  EXPECT_EQ(aging_bucket(1), "1-30");
  EXPECT_EQ(aging_bucket(30), "1-30");
  EXPECT_EQ(aging_bucket(31), "31-60");
  EXPECT_EQ(aging_bucket(60), "31-60");
  EXPECT_EQ(aging_bucket(61), "61-90");
  EXPECT_EQ(aging_bucket(90), "61-90");
  EXPECT_EQ(aging_bucket(91), "90+");
}

TEST(Receivables, DaysBetweenCalendarDates) {
  using namespace std::chrono;
  const year_month_day today{year{2026}, month{3}, day{1}};
  EXPECT_EQ(days_between("2026-02-28", today), 1);  // not a leap year
  EXPECT_EQ(days_between("2026-03-01", today), 0);
  EXPECT_EQ(days_between("2026-03-05", today), -4);
  EXPECT_EQ(days_between("2025-12-01", today), 90);
  EXPECT_FALSE(days_between("2026-02-30", today));
  EXPECT_FALSE(days_between("yesterday", today));
}
