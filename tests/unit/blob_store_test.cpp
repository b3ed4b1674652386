// Attachment bytes (store/blob_store.cpp) on both engines: PostgreSQL in 1
// MiB binary chunks, SQLite as files under the data directory; scoped to the
// organization like every tenant row.
#include "store/blob_store.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>

#include "area_org_fixture.hpp"

namespace bulwark::testing {
namespace {

class BlobStoreTest : public OrgFixture {
 protected:
  std::string data_dir() {
    static int n = 0;
    auto dir = std::filesystem::temp_directory_path() /
               ("bulwark-blobs-" + std::to_string(::getpid()) + "-" + std::to_string(++n));
    return dir.string();
  }
};

TEST_P(BlobStoreTest, BinaryBytesRoundTripAcrossChunksAndStayInTheirOrganization) {
  const store::BlobStore blobs(data_dir());
  // Every byte value, NULs included, over two chunk boundaries.
  std::string bytes;
  for (std::size_t i = 0; i < 2 * store::kBlobChunkBytes + 12345; ++i)
    bytes += static_cast<char>(i * 7 % 256);
  const std::string key = store::BlobStore::new_key();
  in_org([&](store::OrgTx& tx) { blobs.put(tx, key, bytes); });
  auto back = in_org([&](store::OrgTx& tx) { return blobs.get(tx, key); });
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, bytes);
  // Another organization does not find it under the same key.
  const auto other = other_org();
  EXPECT_FALSE(in_org(other, [&](store::OrgTx& tx) { return blobs.get(tx, key); }));
  in_org([&](store::OrgTx& tx) { blobs.remove(tx, key); });
  EXPECT_FALSE(in_org([&](store::OrgTx& tx) { return blobs.get(tx, key); }));
}

TEST_P(BlobStoreTest, AnEmptyBlobIsStillThere) {
  const store::BlobStore blobs(data_dir());
  const std::string key = store::BlobStore::new_key();
  in_org([&](store::OrgTx& tx) { blobs.put(tx, key, ""); });
  auto back = in_org([&](store::OrgTx& tx) { return blobs.get(tx, key); });
  ASSERT_TRUE(back);
  EXPECT_EQ(*back, "");
}

INSTANTIATE_TEST_SUITE_P(Engines, BlobStoreTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

}  // namespace
}  // namespace bulwark::testing
