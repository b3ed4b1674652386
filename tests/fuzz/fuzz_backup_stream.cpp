// A backup file may come from anywhere (a copied disk, an attacker's
// upload): the header and chunk parser must not crash on any bytes, must
// never accept garbage, and must hand out no plain text of a chunk whose tag
// fails. Inputs are tried as they are and as a genuine file with a byte
// changed, so the fuzzer also reaches the chunk loop behind the key check.
// scripts/fuzz.sh reads each directive as one line: clang-format must not wrap them.
// clang-format off
// fuzz-sources: src/crypto/chunked_stream.cpp src/crypto/random.cpp src/crypto/master_key.cpp src/crypto/field_cipher.cpp
// fuzz-libs: -lcrypto -lfmt
// clang-format on
#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>

#include "crypto/chunked_stream.hpp"

namespace {

const std::string kKey(32, '\x5a');

bool decrypts(const std::string& file, std::string& plain) {
  std::size_t pos = 0;
  auto r = bulwark::crypto::decrypt_backup(
      kKey,
      [&](char* buf, std::size_t n) {
        const std::size_t k = std::min(n, file.size() - pos);
        std::copy_n(file.data() + pos, k, buf);
        pos += k;
        return k;
      },
      [&](std::string_view p) { plain.append(p); });
  return static_cast<bool>(r);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);
  (void)bulwark::crypto::parse_backup_header(input);
  (void)bulwark::crypto::parse_backup_key(input);
  std::string plain;
  if (decrypts(input, plain)) std::abort();  // random bytes never carry a valid tag under kKey

  // A genuine file of the input, then one byte of it changed: always refused.
  std::string file;
  bulwark::crypto::ChunkedEncryptor enc(kKey, bulwark::crypto::BackupKind::sqlite,
                                        [&](std::string_view c) { file.append(c); });
  enc.write(input);
  enc.finish();
  plain.clear();
  if (!decrypts(file, plain) || plain != input) std::abort();
  if (size >= 2) {
    const std::size_t at = (static_cast<std::size_t>(data[0]) << 8 | data[1]) % file.size();
    file[at] = static_cast<char>(file[at] ^ 0x80);
    plain.clear();
    if (decrypts(file, plain)) std::abort();
  }
  return 0;
}
