#include "security/passwords.hpp"

#include <crypt.h>
#include <zxcvbn.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>

#include "core/utf8.hpp"
#include "crypto/random.hpp"

namespace bulwark::security {

std::string hash_password(std::string_view password, int cost) {
  if (cost < kMinBcryptCost || cost > 31) throw std::invalid_argument("bcrypt cost out of range");
  if (password.size() > kMaxPasswordBytes || password.find('\0') != std::string_view::npos)
    throw std::invalid_argument("password not hashable");
  const std::string random = crypto::random_bytes(16);
  char salt[CRYPT_GENSALT_OUTPUT_SIZE];
  if (!crypt_gensalt_rn("$2b$", static_cast<unsigned long>(cost), random.data(),
                        static_cast<int>(random.size()), salt, sizeof salt))
    throw std::runtime_error("crypt_gensalt_rn failed");
  const std::string pw(password);
  crypt_data data{};
  const char* out = crypt_r(pw.c_str(), salt, &data);
  if (!out || out[0] == '*') throw std::runtime_error("crypt_r failed");
  std::string result(out);
  explicit_bzero(&data, sizeof data);
  return result;
}

bool verify_password(std::string_view password, std::string_view stored_hash) {
  if (password.size() > kMaxPasswordBytes || password.find('\0') != std::string_view::npos)
    return false;
  if (!stored_hash.starts_with("$2b$")) return false;
  const std::string pw(password), setting(stored_hash);
  crypt_data data{};
  const char* out = crypt_r(pw.c_str(), setting.c_str(), &data);
  bool ok = out && out[0] != '*' && crypto::constant_time_equal(out, stored_hash);
  explicit_bzero(&data, sizeof data);
  return ok;
}

int bcrypt_cost_of(std::string_view h) {
  if (h.size() < 7 || !h.starts_with("$2b$") || h[6] != '$') return 0;
  if (h[4] < '0' || h[4] > '9' || h[5] < '0' || h[5] > '9') return 0;
  return (h[4] - '0') * 10 + (h[5] - '0');
}

bool importable_bcrypt_hash(std::string_view h) {
  const int cost = bcrypt_cost_of(h);
  if (cost < kMinBcryptCost || cost > 31 || h.size() != 60) return false;
  return std::ranges::all_of(h.substr(7), [](char c) {
    return c == '.' || c == '/' || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') ||
           (c >= '0' && c <= '9');
  });
}

const std::string& dummy_hash(int cost) {
  static std::mutex mutex;
  static std::map<int, std::string> hashes;
  std::lock_guard lock(mutex);
  auto it = hashes.find(cost);
  if (it == hashes.end())
    it = hashes.emplace(cost, hash_password(crypto::random_hex(16), cost)).first;
  return it->second;
}

std::optional<PasswordProblem> check_password_policy(std::string_view password,
                                                     const std::vector<std::string>& context) {
  if (!is_valid_utf8(password) || password.find('\0') != std::string_view::npos)
    return PasswordProblem{"invalid_characters", "the password contains invalid characters"};
  std::size_t characters = 0;
  for (unsigned char c : password)
    if ((c & 0xC0) != 0x80) ++characters;
  if (characters < kMinPasswordLength)
    return PasswordProblem{"too_short", "use at least 12 characters"};
  if (password.size() > kMaxPasswordBytes)
    return PasswordProblem{"too_long",
                           "use at most 72 bytes (bcrypt ignores the rest, so we refuse it)"};
  // zxcvbn knows common passwords, names, keyboard walks, dates and
  // repeats; the context words (email, name) count as known too.
  std::vector<std::string> words;
  for (const auto& w : context) {
    if (w.size() >= 3) words.push_back(w);
    auto at = w.find('@');
    if (at != std::string::npos && at >= 3) words.push_back(w.substr(0, at));
  }
  std::vector<const char*> dict;
  dict.reserve(words.size() + 1);
  for (const auto& w : words) dict.push_back(w.c_str());
  dict.push_back(nullptr);
  const std::string pw(password);
  const double bits = ZxcvbnMatch(pw.c_str(), dict.data(), nullptr);
  if (bits < kMinPasswordEntropyBits)
    return PasswordProblem{"too_guessable",
                           "this password is too easy to guess; try a few unrelated words"};
  return std::nullopt;
}

}  // namespace bulwark::security
