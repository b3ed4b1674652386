#include "crypto/chunked_stream.hpp"

#include <openssl/evp.h>

#include <memory>
#include <stdexcept>

#include "crypto/master_key.hpp"
#include "crypto/random.hpp"

namespace bulwark::crypto {

namespace {

constexpr std::string_view kMagic = "BWBACKUP";
constexpr std::string_view kKeyCheckLabel = "bulwark backup key check";

using CipherCtx = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

void put_u32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8)
    out.push_back(static_cast<char>((v >> shift) & 0xff));
}

std::uint32_t get_u32(std::string_view b) {
  std::uint32_t v = 0;
  for (int i = 0; i < 4; ++i)
    v = (v << 8) | static_cast<unsigned char>(b[static_cast<std::size_t>(i)]);
  return v;
}

std::string key_check(std::string_view key) {
  return hmac_sha256(key, kKeyCheckLabel).substr(0, 8);
}

std::string nonce_of(std::string_view prefix, std::uint32_t counter) {
  std::string n(prefix);
  put_u32(n, counter);
  return n;
}

std::string aad_of(std::string_view header, std::uint64_t counter, bool last) {
  std::string a(header);
  put_u32(a, static_cast<std::uint32_t>(counter >> 32));
  put_u32(a, static_cast<std::uint32_t>(counter));
  a.push_back(last ? '\1' : '\0');
  return a;
}

const unsigned char* u8(std::string_view s) {
  return reinterpret_cast<const unsigned char*>(s.data());
}
unsigned char* u8(std::string& s) { return reinterpret_cast<unsigned char*>(s.data()); }

// One AES-256-GCM operation over a whole chunk. Decryption returns false
// when the tag does not match (nothing of `out` may be used then).
bool gcm(bool encrypt, std::string_view key, std::string_view nonce, std::string_view aad,
         std::string_view in, std::string& out, std::string& tag) {
  CipherCtx ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  if (!ctx) throw std::runtime_error("EVP_CIPHER_CTX_new failed");
  if (EVP_CipherInit_ex(ctx.get(), EVP_aes_256_gcm(), nullptr, nullptr, nullptr, encrypt ? 1 : 0) !=
          1 ||
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_IVLEN, static_cast<int>(nonce.size()),
                          nullptr) != 1 ||
      EVP_CipherInit_ex(ctx.get(), nullptr, nullptr, u8(key), u8(nonce), -1) != 1)
    throw std::runtime_error("AES-256-GCM init failed");
  int len = 0;
  if (EVP_CipherUpdate(ctx.get(), nullptr, &len, u8(aad), static_cast<int>(aad.size())) != 1)
    throw std::runtime_error("AES-256-GCM aad failed");
  out.assign(in.size() + 16, '\0');
  int n = 0;
  if (!in.empty() &&
      EVP_CipherUpdate(ctx.get(), u8(out), &n, u8(in), static_cast<int>(in.size())) != 1)
    throw std::runtime_error("AES-256-GCM update failed");
  if (!encrypt && EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, static_cast<int>(kBackupTag),
                                      tag.data()) != 1)
    throw std::runtime_error("AES-256-GCM set tag failed");
  int fin = 0;
  const int ok = EVP_CipherFinal_ex(ctx.get(), u8(out) + n, &fin);
  out.resize(static_cast<std::size_t>(n) + static_cast<std::size_t>(fin));
  if (ok != 1) {
    if (encrypt) throw std::runtime_error("AES-256-GCM final failed");
    out.clear();
    return false;
  }
  if (encrypt) {
    tag.assign(kBackupTag, '\0');
    if (EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_GET_TAG, static_cast<int>(kBackupTag),
                            tag.data()) != 1)
      throw std::runtime_error("AES-256-GCM get tag failed");
  }
  return true;
}

// Reads exactly n bytes unless the stream ends first.
std::size_t read_full(const ReadFn& read, char* buf, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    const std::size_t r = read(buf + got, n - got);
    if (r == 0) break;
    got += r;
  }
  return got;
}

}  // namespace

Expected<BackupHeader, std::string> parse_backup_header(std::string_view b) {
  if (b.size() < kBackupHeader)
    return unexpected(std::string("not a Bulwark backup: file too short"));
  if (b.substr(0, 8) != kMagic) return unexpected(std::string("not a Bulwark backup: bad magic"));
  BackupHeader h;
  h.version = static_cast<std::uint8_t>(b[8]);
  if (h.version != kBackupVersion)
    return unexpected("unsupported backup format version " + std::to_string(h.version));
  const auto kind = static_cast<std::uint8_t>(b[9]);
  if (kind != static_cast<std::uint8_t>(BackupKind::sqlite) &&
      kind != static_cast<std::uint8_t>(BackupKind::pg_dump) &&
      kind != static_cast<std::uint8_t>(BackupKind::audit_archive))
    return unexpected("unknown backup kind " + std::to_string(kind));
  h.kind = static_cast<BackupKind>(kind);
  if (b[10] != '\0' || b[11] != '\0')
    return unexpected(std::string("bad header: reserved bytes set"));
  if (get_u32(b.substr(12, 4)) != kBackupChunk)
    return unexpected(std::string("bad header: chunk size"));
  h.nonce_prefix = std::string(b.substr(16, 8));
  h.key_check = std::string(b.substr(24, 8));
  return h;
}

ChunkedEncryptor::ChunkedEncryptor(std::string_view key, BackupKind kind, Sink sink)
    : key_(key), nonce_prefix_(random_bytes(8)), sink_(std::move(sink)) {
  if (key_.size() != 32) throw std::invalid_argument("backup key must be 32 bytes");
  header_ = std::string(kMagic);
  header_.push_back(static_cast<char>(kBackupVersion));
  header_.push_back(static_cast<char>(kind));
  header_.append(2, '\0');
  put_u32(header_, static_cast<std::uint32_t>(kBackupChunk));
  header_ += nonce_prefix_;
  header_ += key_check(key_);
  sink_(header_);
  pending_.reserve(kBackupChunk);
}

void ChunkedEncryptor::seal(std::string_view plain, bool last) {
  // 2^32 chunks of 64 KiB = 256 TiB: the counter never wraps in practice.
  if (counter_ == UINT32_MAX) throw std::runtime_error("backup too large for one file");
  std::string out, tag;
  gcm(true, key_, nonce_of(nonce_prefix_, counter_), aad_of(header_, counter_, last), plain, out,
      tag);
  out += tag;
  sink_(out);
  ++counter_;
}

void ChunkedEncryptor::write(std::string_view plain) {
  if (finished_) throw std::logic_error("write after finish");
  while (!plain.empty()) {
    const std::size_t take = std::min(plain.size(), kBackupChunk - pending_.size());
    pending_.append(plain.substr(0, take));
    plain.remove_prefix(take);
    // A full chunk is sealed only when more follows, so the last one is short.
    if (pending_.size() == kBackupChunk && !plain.empty()) {
      seal(pending_, false);
      pending_.clear();
    }
  }
}

void ChunkedEncryptor::finish() {
  if (finished_) return;
  if (pending_.size() == kBackupChunk) {
    seal(pending_, false);
    pending_.clear();
  }
  seal(pending_, true);
  pending_.clear();
  finished_ = true;
}

Expected<DecryptStats, std::string> decrypt_backup(std::string_view key, const ReadFn& read,
                                                   const PlainSink& sink) {
  if (key.size() != 32) return unexpected(std::string("backup key must be 32 bytes"));
  std::string header(kBackupHeader, '\0');
  header.resize(read_full(read, header.data(), kBackupHeader));
  auto h = parse_backup_header(header);
  if (!h) return unexpected(h.error());
  if (!constant_time_equal(h->key_check, key_check(key)))
    return unexpected(std::string("wrong backup key (the key check does not match)"));
  DecryptStats stats;
  stats.kind = h->kind;
  constexpr std::size_t kRecord = kBackupChunk + kBackupTag;
  std::string record(kRecord, '\0'), plain;
  for (std::uint64_t i = 0;; ++i) {
    if (i > UINT32_MAX) return unexpected(std::string("too many chunks"));
    record.resize(kRecord);
    record.resize(read_full(read, record.data(), kRecord));
    if (record.size() < kBackupTag)
      return unexpected("truncated: chunk " + std::to_string(i) + " is missing or cut");
    const bool last = record.size() < kRecord;
    std::string tag = record.substr(record.size() - kBackupTag);
    std::string_view body(record.data(), record.size() - kBackupTag);
    if (!gcm(false, key, nonce_of(h->nonce_prefix, static_cast<std::uint32_t>(i)),
             aad_of(header, i, last), body, plain, tag))
      return unexpected("chunk " + std::to_string(i) +
                        " failed authentication (tampered, reordered or truncated)");
    stats.plain_bytes += plain.size();
    ++stats.chunks;
    if (sink) sink(plain);
    if (last) break;
  }
  char extra = 0;
  if (read_full(read, &extra, 1) != 0)
    return unexpected(std::string("bytes after the final chunk"));
  return stats;
}

// The same text forms as the master key (64 hex digits or base64 of 32
// bytes, surrounding whitespace ignored): one parser for both.
Expected<std::string, std::string> parse_backup_key(std::string_view text) {
  auto key = parse_master_key(text);
  if (!key) return unexpected("the backup key " + key.error());
  return std::string(key->reveal());
}

}  // namespace bulwark::crypto
