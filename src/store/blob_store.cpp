#include "store/blob_store.hpp"

#include <fcntl.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "crypto/random.hpp"

namespace bulwark::store {

namespace {

constexpr OrgSql kPutChunk(
    "INSERT INTO attachment_chunks (org_id, blob_key, seq, data) VALUES ($1, $2, $3, $4)");
constexpr OrgSql kGetChunk(
    "SELECT data FROM attachment_chunks WHERE org_id = $1 AND blob_key = $2 AND seq = $3");
constexpr OrgSql kRemove("DELETE FROM attachment_chunks WHERE org_id = $1 AND blob_key = $2");

bool valid_key(std::string_view key) {
  if (key.empty() || key.size() > 80) return false;
  for (char c : key)
    if (!((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || c == '-' || (c >= 'g' && c <= 'z')))
      return false;
  return true;
}

void write_all(int fd, std::string_view bytes) {
  while (!bytes.empty()) {
    const auto n = ::write(fd, bytes.data(), bytes.size());
    if (n <= 0) throw std::runtime_error("cannot write an attachment file");
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

// Temporary file, fsync, rename: a reader never sees half a file.
void write_atomically(const std::filesystem::path& path, std::string_view bytes) {
  std::filesystem::create_directories(path.parent_path());
  const auto tmp = path.string() + ".tmp-" + crypto::random_hex(8);
  const int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
  if (fd < 0) throw std::runtime_error("cannot create an attachment file");
  try {
    write_all(fd, bytes);
    if (::fsync(fd) != 0) throw std::runtime_error("cannot sync an attachment file");
  } catch (...) {
    ::close(fd);
    std::filesystem::remove(tmp);
    throw;
  }
  ::close(fd);
  std::filesystem::rename(tmp, path);
}

}  // namespace

std::string BlobStore::new_key() { return crypto::random_hex(16); }

std::string BlobStore::path_of(const OrgTx& tx, std::string_view key) const {
  if (!valid_key(key)) throw std::logic_error("invalid blob key");
  return (std::filesystem::path(data_dir_) / "attachments" / std::to_string(tx.org_id()) /
          std::string(key))
      .string();
}

void BlobStore::put(OrgTx& tx, std::string_view key, std::string_view bytes) const {
  if (tx.connection().engine() == Engine::sqlite) return write_atomically(path_of(tx, key), bytes);
  std::int64_t seq = 0;
  for (std::size_t at = 0; at == 0 || at < bytes.size(); at += kBlobChunkBytes, ++seq)
    tx.run_with_bytes(kPutChunk, bytes.substr(at, kBlobChunkBytes), std::string(key), seq);
}

std::optional<std::string> BlobStore::get(OrgTx& tx, std::string_view key) const {
  if (tx.connection().engine() == Engine::sqlite) {
    std::ifstream in(path_of(tx, key), std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    return std::move(out).str();
  }
  std::string out;
  bool any = false;
  for (std::int64_t seq = 0;; ++seq) {
    auto chunk = tx.bytes(kGetChunk, std::string(key), seq);
    if (!chunk) break;
    any = true;
    out += *chunk;
  }
  if (!any) return std::nullopt;
  return out;
}

void BlobStore::remove(OrgTx& tx, std::string_view key) const {
  if (tx.connection().engine() == Engine::sqlite) {
    std::error_code ignored;
    std::filesystem::remove(path_of(tx, key), ignored);
    return;
  }
  tx.run(kRemove, std::string(key));
}

bool BlobStore::removes_in_transaction(OrgTx& tx) {
  return tx.connection().engine() == Engine::postgres;
}

void BlobStore::put_sealed(OrgTx& tx, std::string_view key, const BlobSeal& seal,
                           std::string_view plain) const {
  put(tx, key, tx.sealer().seal_bytes(tx.org_id(), seal.table, seal.column, seal.row_key, plain));
}

std::optional<std::string> BlobStore::get_opened(OrgTx& tx, std::string_view key,
                                                 const BlobSeal& seal) const {
  auto sealed = get(tx, key);
  if (!sealed) return std::nullopt;
  return tx.sealer().open_bytes(tx.org_id(), seal.table, seal.column, seal.row_key, *sealed);
}

}  // namespace bulwark::store
