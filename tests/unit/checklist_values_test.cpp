// The pure rules of a checklist entry (domain/work_orders/checklist_values):
// which member fits which kind, and how a number is kept.
#include "domain/work_orders/checklist_values.hpp"

#include <gtest/gtest.h>

namespace wo = bulwark::domain::work_orders;

namespace {

wo::ChecklistCheck number(double n) {
  wo::ChecklistCheck c;
  c.number = wo::Measurement{n};
  return c;
}

}  // namespace

TEST(ChecklistValues, a_number_item_keeps_the_number_as_entered) {
  auto e = wo::entry_for("number", number(1200));
  ASSERT_TRUE(e);
  EXPECT_TRUE(e->done);
  EXPECT_EQ(e->value, "1200");
  EXPECT_EQ(wo::entry_for("number", number(12.5))->value, "12.5");
  EXPECT_EQ(wo::number_text(-3), "-3");
}

TEST(ChecklistValues, a_member_of_another_kind_is_refused) {
  auto text_on_number = wo::ChecklistCheck{};
  text_on_number.text = bulwark::resource::Text<2000, 0>{"lots"};
  auto e = wo::entry_for("number", text_on_number);
  ASSERT_FALSE(e);
  EXPECT_TRUE(e.error().contains("text"));
  EXPECT_TRUE(e.error().contains("number"));  // and the number is still missing
  EXPECT_FALSE(wo::entry_for("checkbox", number(1)));
  EXPECT_FALSE(wo::entry_for("pass_fail", number(1)));
}

TEST(ChecklistValues, done_alone_completes_only_a_checkbox) {
  wo::ChecklistCheck done;
  done.done = true;
  EXPECT_TRUE(wo::entry_for("checkbox", done));
  for (auto kind : {"number", "pass_fail", "text", "photo", "signature"})
    EXPECT_FALSE(wo::entry_for(kind, done)) << kind;
}

TEST(ChecklistValues, done_false_alone_clears_any_item) {
  wo::ChecklistCheck clear;
  clear.done = false;
  for (auto kind : {"checkbox", "number", "pass_fail", "text", "photo", "signature"}) {
    auto e = wo::entry_for(kind, clear);
    ASSERT_TRUE(e) << kind;
    EXPECT_FALSE(e->done);
    EXPECT_FALSE(e->value);
  }
  auto mixed = number(3);
  mixed.done = false;
  EXPECT_FALSE(wo::entry_for("number", mixed));
}

TEST(ChecklistValues, a_signature_needs_the_png_and_the_signers_name) {
  wo::ChecklistCheck c;
  c.attachment_id = bulwark::resource::Ref<wo::AttachmentRef>{7};
  EXPECT_FALSE(wo::entry_for("signature", c));  // no name
  c.text = bulwark::resource::Text<2000, 0>{"   "};
  EXPECT_FALSE(wo::entry_for("signature", c));  // a blank name
  c.text = bulwark::resource::Text<2000, 0>{"Dana Reyes"};
  auto e = wo::entry_for("signature", c);
  ASSERT_TRUE(e);
  EXPECT_EQ(e->value, "Dana Reyes");
  EXPECT_EQ(e->attachment_id, 7);
  EXPECT_FALSE(wo::entry_for("photo", c));  // a photo takes no text
}
