// The work-order list's sort names and keyset cursors (list_query.hpp): a
// cursor names its sort and direction, so one handed back with another sort
// is refused instead of read as a key of a different column.
#include <gtest/gtest.h>

#include "domain/work_orders/list_query.hpp"

namespace wo = bulwark::domain::work_orders;

TEST(WorkOrderListQuery, SortNamesRoundTripAndUnknownOnesAreRefused) {
  for (auto s :
       {wo::ListSort::newest, wo::ListSort::due, wo::ListSort::created, wo::ListSort::priority,
        wo::ListSort::number, wo::ListSort::status, wo::ListSort::scheduled})
    EXPECT_EQ(wo::parse_list_sort(wo::list_sort_name(s)), s);
  EXPECT_FALSE(wo::parse_list_sort("title"));
  EXPECT_FALSE(wo::parse_list_sort("DUE"));
  EXPECT_FALSE(wo::parse_list_sort(""));
}

TEST(WorkOrderListQuery, NewestFirstKeepsThePlainIdCursor) {
  wo::WorkOrderQuery q;
  EXPECT_EQ(wo::list_cursor(q, 42, 42), "42");
  EXPECT_TRUE(wo::read_list_cursor("42", q));
  EXPECT_EQ(q.cursor, 42);
  EXPECT_FALSE(q.cursor_key);
  EXPECT_FALSE(wo::read_list_cursor("0", q));
  EXPECT_FALSE(wo::read_list_cursor("due.asc.1.2", q));
}

TEST(WorkOrderListQuery, ASortedCursorCarriesKeyAndIdAndOnlyFitsItsSort) {
  wo::WorkOrderQuery q;
  q.sort = wo::ListSort::due;
  q.ascending = true;
  const auto text = wo::list_cursor(q, -9223372036854775807, 7);
  EXPECT_EQ(text, "due.asc.-9223372036854775807.7");
  EXPECT_TRUE(wo::read_list_cursor(text, q));
  EXPECT_EQ(q.cursor_key, -9223372036854775807);
  EXPECT_EQ(q.cursor, 7);

  wo::WorkOrderQuery other;
  other.sort = wo::ListSort::due;  // descending: not the same order
  EXPECT_FALSE(wo::read_list_cursor(text, other));
  other.ascending = true;
  for (const char* bad : {"due.asc.1", "due.asc.x.2", "due.asc.1.0", "due.asc.1.2.3", "7"})
    EXPECT_FALSE(wo::read_list_cursor(bad, other)) << bad;
}
