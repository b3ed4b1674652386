// Personal<T> and OrgTx::seal/open (issue 13 item 1, "At Rest: AES-256"):
// what a repository writes is an envelope bound to organization, table,
// column and row, and only the same place opens it.
#include <gtest/gtest.h>

#include <boost/describe/class.hpp>

#include "store/personal.hpp"
#include "test_databases.hpp"

namespace {

using namespace bulwark;

struct Note {
  std::int64_t id = 0;
  std::string row_key;
  store::Personal<std::string> body;
  store::Personal<std::optional<std::string>> phone;
};
BOOST_DESCRIBE_STRUCT(Note, (), (id, row_key, body, phone))

class PersonalFieldsTest : public bulwark::testing::EngineTest {};

TEST_P(PersonalFieldsTest, AtRestAes256SealedFieldsOpenOnlyInTheirOwnRowAndOrganization) {
  const auto a = new_org("pf-a", "A"), b = new_org("pf-b", "B");
  store::in_org(*db_, a, [&](store::OrgTx& tx) {
    const auto key = tx.new_row_key();
    const auto sealed = tx.seal("notes", "body", key, "Gate code 4417");
    EXPECT_EQ(sealed.find("4417"), std::string::npos);
    const std::optional<std::string>
        no_phone;  // a named value: GCC 12's ASan build warns on a temporary
    Note note{1, key, {sealed}, {tx.seal("notes", "phone", key, no_phone)}};
    EXPECT_FALSE(note.phone.value);
    store::open_personal(tx, "notes", note);
    EXPECT_EQ(note.body.value, "Gate code 4417");
    // Another row's key, another column: refused, never garbage.
    EXPECT_THROW(tx.open("notes", "body", tx.new_row_key(), sealed), store::FieldSealError);
    EXPECT_THROW(tx.open("notes", "title", key, sealed), store::FieldSealError);
  });
  const auto sealed_in_a = store::in_org(*db_, a, [&](store::OrgTx& tx) {
    return tx.seal("notes", "body", "AAAAAAAAAAAAAAAAAAAAAA==", "x");
  });
  store::in_org(*db_, b, [&](store::OrgTx& tx) {
    EXPECT_THROW(tx.open("notes", "body", "AAAAAAAAAAAAAAAAAAAAAA==", sealed_in_a),
                 store::FieldSealError);
  });
  EXPECT_EQ(store::personal_columns<Note>(), (std::vector<std::string>{"body", "phone"}));
}

TEST_P(PersonalFieldsTest, BlindIndexesAreStablePerOrganizationAndTruncated) {
  const auto a = new_org("pf-c", "C"), b = new_org("pf-d", "D");
  auto token = [&](std::int64_t org) {
    return store::read_org(*db_, org,
                           [](store::OrgTx& tx) { return tx.blind("phone", "+15550100", 4); });
  };
  EXPECT_EQ(token(a), token(a));
  EXPECT_EQ(token(a).size(), 8u);
  EXPECT_NE(token(a), token(b));
}

INSTANTIATE_TEST_SUITE_P(Engines, PersonalFieldsTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
