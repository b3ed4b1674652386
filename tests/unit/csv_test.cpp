// CSV downloads (issue 14 item 9): RFC 4180 quoting and the formula guard.
#include "core/csv.hpp"

#include <gtest/gtest.h>

namespace bulwark::csv {
namespace {

TEST(Csv, PlainTextIsWrittenAsItIs) {
  EXPECT_EQ(text("Ada Lovelace"), "Ada Lovelace");
  EXPECT_EQ(text(""), "");
  EXPECT_EQ(text("Zoë Müller"), "Zoë Müller");
}

TEST(Csv, CommasQuotesAndLineBreaksAreQuoted) {
  EXPECT_EQ(text("Smith, John"), "\"Smith, John\"");
  EXPECT_EQ(text("the \"big\" tank"), "\"the \"\"big\"\" tank\"");
  EXPECT_EQ(text("line one\nline two"), "\"line one\nline two\"");
  EXPECT_EQ(text("a\r\nb"), "\"a\r\nb\"");
}

TEST(Csv, CellsThatStartLikeAFormulaAreReadAsText) {
  EXPECT_EQ(text("=HYPERLINK(\"http://x\")"), "\"'=HYPERLINK(\"\"http://x\"\")\"");
  EXPECT_EQ(text("+1 555 0100"), "'+1 555 0100");
  EXPECT_EQ(text("-2+3"), "'-2+3");
  EXPECT_EQ(text("@SUM(A1:A9)"), "'@SUM(A1:A9)");
  EXPECT_EQ(text("\tcmd"), "'\tcmd");
  EXPECT_EQ(text("\r=1"), "\"'\r=1\"");
  // Only the first character counts.
  EXPECT_EQ(text("a=b"), "a=b");
  EXPECT_EQ(text(" =b"), " =b");
}

TEST(Csv, AmountsAreDecimalsOfWholeCents) {
  EXPECT_EQ(amount(11875), "118.75");
  EXPECT_EQ(amount(5), "0.05");
  EXPECT_EQ(amount(0), "0.00");
  EXPECT_EQ(amount(-1250), "-12.50");
  EXPECT_EQ(amount(-5), "-0.05");
  EXPECT_EQ(amount(INT64_MIN), "-92233720368547758.08");
  EXPECT_EQ(number(-3), "-3");
}

TEST(Csv, RowsEndInCrLfAfterAByteOrderMark) {
  Writer w;
  w.row({text("Number"), text("Customer")});
  w.row({text("INV-1"), text("=evil()")});
  EXPECT_EQ(std::move(w).finish(), "\xEF\xBB\xBFNumber,Customer\r\nINV-1,'=evil()\r\n");
}

}  // namespace
}  // namespace bulwark::csv
