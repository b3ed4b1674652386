// The backup cipher (crypto/chunked_stream.hpp): round trips at the chunk
// boundaries, and every kind of damage refused before any plain text of the
// damaged chunk is handed out.
#include "crypto/chunked_stream.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cstring>

#include "crypto/random.hpp"

namespace {

using bulwark::crypto::BackupKind;
using bulwark::crypto::ChunkedEncryptor;
using bulwark::crypto::kBackupChunk;
using bulwark::crypto::kBackupHeader;
using bulwark::crypto::kBackupTag;

const std::string kKey(32, '\x42');

std::string encrypt(const std::string& plain, const std::string& key = kKey,
                    std::size_t piece = 7777) {
  std::string out;
  ChunkedEncryptor enc(key, BackupKind::sqlite, [&](std::string_view c) { out.append(c); });
  for (std::size_t i = 0; i < plain.size(); i += piece)
    enc.write(std::string_view(plain).substr(i, piece));
  enc.finish();
  return out;
}

bulwark::Expected<std::string, std::string> decrypt(const std::string& file,
                                                    const std::string& key = kKey) {
  std::size_t pos = 0;
  std::string plain;
  auto r = bulwark::crypto::decrypt_backup(
      key,
      [&](char* buf, std::size_t n) {
        const std::size_t k = std::min(n, file.size() - pos);
        std::copy_n(file.data() + pos, k, buf);
        pos += k;
        return k;
      },
      [&](std::string_view p) { plain.append(p); });
  if (!r) return bulwark::unexpected(r.error());
  EXPECT_EQ(r->plain_bytes, plain.size());
  return plain;
}

TEST(ChunkedStream, RoundTripAtChunkBoundaries) {
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, kBackupChunk - 1, kBackupChunk,
                        kBackupChunk + 1, 3 * kBackupChunk}) {
    const std::string plain = bulwark::crypto::random_bytes(n);
    const std::string file = encrypt(plain);
    // Full chunks, then a final one shorter than a chunk (empty for a multiple).
    EXPECT_EQ(file.size(), kBackupHeader + n + (n / kBackupChunk + 1) * kBackupTag) << n;
    auto back = decrypt(file);
    ASSERT_TRUE(back) << n << ": " << back.error();
    EXPECT_EQ(*back, plain) << n;
    EXPECT_EQ(
        file.find(plain.substr(0, std::min<std::size_t>(n, 64))) == std::string::npos || n < 16,
        true);
  }
}

TEST(ChunkedStream, SameInputEncryptsDifferently) {
  const std::string plain(1000, 'x');
  EXPECT_NE(encrypt(plain), encrypt(plain));  // a fresh random nonce prefix per file
}

TEST(ChunkedStream, FlippedByteAnywhereIsRefused) {
  const std::string file = encrypt(bulwark::crypto::random_bytes(2 * kBackupChunk + 10));
  for (std::size_t at : {std::size_t{3}, std::size_t{9}, std::size_t{20}, kBackupHeader + 5,
                         kBackupHeader + kBackupChunk + 2, file.size() - 1}) {
    std::string bad = file;
    bad[at] = static_cast<char>(bad[at] ^ 1);
    EXPECT_FALSE(decrypt(bad)) << at;
  }
}

TEST(ChunkedStream, TruncationIsRefusedEvenAtAChunkBoundary) {
  const std::string file = encrypt(bulwark::crypto::random_bytes(2 * kBackupChunk + 10));
  const std::size_t record = kBackupChunk + kBackupTag;
  for (std::size_t keep : {std::size_t{0}, kBackupHeader, kBackupHeader + record,
                           kBackupHeader + 2 * record, file.size() - 1}) {
    auto r = decrypt(file.substr(0, keep));
    EXPECT_FALSE(r) << keep;
  }
}

TEST(ChunkedStream, SwappedChunksAndTrailingBytesAreRefused) {
  const std::string file = encrypt(bulwark::crypto::random_bytes(3 * kBackupChunk + 10));
  const std::size_t record = kBackupChunk + kBackupTag;
  std::string swapped = file;
  std::copy_n(file.data() + kBackupHeader + record, record, swapped.data() + kBackupHeader);
  std::copy_n(file.data() + kBackupHeader, record, swapped.data() + kBackupHeader + record);
  auto r = decrypt(swapped);
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("chunk 0"), std::string::npos) << r.error();
  EXPECT_FALSE(decrypt(file + "x"));
}

TEST(ChunkedStream, WrongKeyIsNamed) {
  const std::string file = encrypt("hello");
  auto r = decrypt(file, std::string(32, '\x43'));
  ASSERT_FALSE(r);
  EXPECT_NE(r.error().find("wrong backup key"), std::string::npos);
}

TEST(ChunkedStream, KeyTextIsHexOrBase64Of32Bytes) {
  const std::string hex(64, 'a');
  auto k = bulwark::crypto::parse_backup_key(" " + hex + "\n");
  ASSERT_TRUE(k);
  EXPECT_EQ(*k, std::string(32, '\xaa'));
  auto b =
      bulwark::crypto::parse_backup_key(bulwark::crypto::base64(std::string(32, '\x42')) + "\n");
  ASSERT_TRUE(b);
  EXPECT_EQ(*b, kKey);
  EXPECT_FALSE(bulwark::crypto::parse_backup_key("short"));
  EXPECT_FALSE(bulwark::crypto::parse_backup_key(""));
  EXPECT_FALSE(bulwark::crypto::parse_backup_key(bulwark::crypto::base64(std::string(31, 'a'))));
}

}  // namespace
