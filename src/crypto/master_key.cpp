#include "crypto/master_key.hpp"

#include <fmt/format.h>
#include <sys/stat.h>

#include <cctype>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <vector>

#include "crypto/field_cipher.hpp"
#include "crypto/random.hpp"

namespace bulwark::crypto {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

std::optional<std::string> from_hex(std::string_view s) {
  if (s.size() % 2 != 0) return std::nullopt;
  std::string out;
  out.reserve(s.size() / 2);
  for (std::size_t i = 0; i < s.size(); i += 2) {
    const int hi = hex_value(s[i]), lo = hex_value(s[i + 1]);
    if (hi < 0 || lo < 0) return std::nullopt;
    out.push_back(static_cast<char>(hi * 16 + lo));
  }
  return out;
}

std::string aad_for_wrap(std::int64_t org_id, std::uint32_t key_id, std::string_view purpose) {
  return fmt::format("bulwark-key-wrap|{}|{}|{}", org_id, key_id, purpose);
}

std::optional<std::string> read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return std::nullopt;
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

std::string line_checksum(std::string_view digits) { return to_hex(sha256(digits)).substr(0, 4); }

}  // namespace

Expected<Secret, std::string> parse_master_key(std::string_view text) {
  text = trim(text);
  std::optional<std::string> raw;
  if (text.size() == 2 * kKeyBytes) raw = from_hex(text);
  if (!raw) raw = from_base64(text);
  if (!raw || raw->size() != kKeyBytes) {
    if (raw) cleanse(*raw);
    return unexpected(
        std::string("must be 32 bytes written as 64 hex digits or base64 (e.g. "
                    "`openssl rand -base64 32`)"));
  }
  Secret key(std::move(*raw));
  return key;
}

std::string master_fingerprint(const Secret& master) {
  return to_hex(hmac_sha256(master.reveal(), "bulwark master fingerprint")).substr(0, 16);
}

Expected<std::optional<MasterKey>, std::string> read_key_variable(const EnvLookup& env,
                                                                  const std::string& prefix) {
  auto value = env(prefix.c_str());
  auto file = env((prefix + "_FILE").c_str());
  if (value && value->empty()) value.reset();
  if (file && file->empty()) file.reset();
  if (value && file) return unexpected(prefix + " and " + prefix + "_FILE: set only one");
  if (!value && !file) return std::optional<MasterKey>{};
  MasterKey out;
  if (file) {
    auto text = read_file(*file);
    if (!text) return unexpected(prefix + "_FILE: cannot read " + *file);
    value = std::move(text);
    out.origin = MasterKeyOrigin::file;
    out.path = *file;
  }
  auto key = parse_master_key(*value);
  cleanse(*value);
  if (!key) return unexpected((file ? prefix + "_FILE: " : prefix + ": ") + key.error());
  out.key = *key;  // Secret copies; the original is wiped
  return std::optional<MasterKey>(std::move(out));
}

Expected<MasterKey, std::string> load_master_key(const EnvLookup& env, bool production,
                                                 const std::string& data_dir) {
  auto given = read_key_variable(env, "BULWARK_MASTER_KEY");
  if (!given) return unexpected(given.error());
  if (*given) return std::move(**given);
  if (production)
    return unexpected(std::string(
        "BULWARK_MASTER_KEY or BULWARK_MASTER_KEY_FILE is required in production: it encrypts "
        "every organization's personal data. Generate one with `openssl rand -base64 32`, keep "
        "an offline copy (`bulwark admin keys escrow`), and pass it as a secret"));
  MasterKey out;
  out.path = (std::filesystem::path(data_dir) / "master.key").string();
  if (auto text = read_file(out.path)) {
    auto key = parse_master_key(*text);
    cleanse(*text);
    if (!key) return unexpected(out.path + ": " + key.error());
    out.key = *key;  // Secret copies; the original is wiped
    out.origin = MasterKeyOrigin::data_dir_file;
    return out;
  }
  std::error_code ec;
  std::filesystem::create_directories(data_dir, ec);
  std::string raw = random_bytes(kKeyBytes);
  std::string text = to_hex(raw) + "\n";
  {
    // Created 0600 before anything is written: no window where others can read it.
    const mode_t old = ::umask(077);
    std::ofstream f(out.path, std::ios::binary | std::ios::trunc);
    ::umask(old);
    f << text;
    if (!f) return unexpected("cannot write the development master key to " + out.path);
  }
  std::filesystem::permissions(
      out.path, std::filesystem::perms::owner_read | std::filesystem::perms::owner_write, ec);
  cleanse(text);
  out.key = Secret(std::move(raw));
  out.origin = MasterKeyOrigin::generated;
  return out;
}

std::string wrap_key(const Secret& master, std::int64_t org_id, std::uint32_t key_id,
                     std::string_view purpose, std::string_view key) {
  const std::string nonce = random_bytes(kNonceBytes);
  auto sealed = gcm_seal(master.reveal(), nonce, aad_for_wrap(org_id, key_id, purpose), key);
  if (!sealed) throw std::runtime_error("key wrap failed: the master key has the wrong length");
  return to_hex(nonce + *sealed);
}

Expected<std::string, std::string> unwrap_key(const Secret& master, std::int64_t org_id,
                                              std::uint32_t key_id, std::string_view purpose,
                                              std::string_view wrapped_hex) {
  auto raw = from_hex(wrapped_hex);
  if (!raw || raw->size() < kNonceBytes + kTagBytes)
    return unexpected(fmt::format("org {} key {}: the wrapped key is malformed", org_id, key_id));
  std::string_view all(*raw);
  auto key =
      gcm_open(master.reveal(), all.substr(0, kNonceBytes), aad_for_wrap(org_id, key_id, purpose),
               all.substr(kNonceBytes, all.size() - kNonceBytes - kTagBytes),
               all.substr(all.size() - kTagBytes));
  if (!key)
    return unexpected(fmt::format("org {} key {} ({}): does not unwrap with this master key",
                                  org_id, key_id, purpose));
  return std::move(*key);
}

std::string escrow_text(const Secret& master) {
  const std::string hex = to_hex(master.reveal());
  std::string out;
  for (std::size_t line = 0; line < 2; ++line) {
    const std::string digits = hex.substr(line * 32, 32);
    for (std::size_t g = 0; g < 8; ++g) out += digits.substr(g * 4, 4) + " ";
    out += "  " + line_checksum(digits) + "\n";
  }
  return out;
}

Expected<Secret, std::string> parse_escrow(std::string_view text) {
  std::string digits;
  std::size_t line_no = 0;
  std::istringstream in{std::string(text)};
  std::string line;
  while (std::getline(in, line)) {
    std::vector<std::string> groups;
    std::istringstream words(line);
    for (std::string w; words >> w;) {
      for (auto& ch : w) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
      groups.push_back(w);
    }
    if (groups.empty()) continue;
    ++line_no;
    std::string line_digits;
    for (std::size_t i = 0; i < groups.size() && i < 8; ++i) line_digits += groups[i];
    if (groups.size() == 9 && line_checksum(line_digits) != groups[8])
      return unexpected(
          fmt::format("line {}: the checksum does not match: a digit is mistyped", line_no));
    if (groups.size() > 9 || line_digits.size() != 32)
      return unexpected(
          fmt::format("line {}: expected 8 groups of 4 hex digits and a checksum", line_no));
    digits += line_digits;
  }
  if (digits.size() != 2 * kKeyBytes)
    return unexpected(std::string("expected two lines of 8 groups of 4 hex digits"));
  auto raw = from_hex(digits);
  cleanse(digits);
  if (!raw) return unexpected(std::string("only hex digits 0-9 and a-f are allowed"));
  return Secret(std::move(*raw));
}

}  // namespace bulwark::crypto
