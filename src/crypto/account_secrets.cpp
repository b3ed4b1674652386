#include "crypto/account_secrets.hpp"

#include <memory>
#include <mutex>
#include <stdexcept>

#include "crypto/random.hpp"

namespace bulwark::crypto {

namespace {

// Purpose labels of the derived keys; changing one makes every stored
// secret of that kind unreadable.
constexpr std::string_view kSealLabel = "bulwark account secrets v1";
constexpr std::string_view kMacLabel = "bulwark recovery codes v1";
constexpr std::uint32_t kKeyId = 1;

std::mutex g_mutex;
std::shared_ptr<const AccountSecrets> g_secrets;

// The field cipher binds a 128-bit row key; an account's is derived from its
// id, so the envelope opens only on that account's row.
std::string row_key_of(std::int64_t account_id) {
  return sha256("bulwark account row " + std::to_string(account_id)).substr(0, kRowKeyBytes);
}

FieldContext context_of(const std::string& row, std::string_view column) {
  return {.org_id = 0, .table = "accounts", .column = column, .row_key = row};
}

}  // namespace

AccountSecrets::AccountSecrets(const Secret& master)
    : seal_key_(hmac_sha256(master.reveal(), kSealLabel)),
      mac_key_(hmac_sha256(master.reveal(), kMacLabel)) {}

std::string AccountSecrets::seal(std::int64_t account_id, std::string_view column,
                                 std::string_view plain) const {
  const auto row = row_key_of(account_id);
  auto sealed = seal_field(seal_key_.reveal(), kKeyId, context_of(row, column), plain);
  if (!sealed) throw std::runtime_error("cannot seal an account secret");
  return base64(*sealed);
}

Expected<std::string, CipherError> AccountSecrets::open(std::int64_t account_id,
                                                        std::string_view column,
                                                        std::string_view sealed) const {
  auto bytes = from_base64(sealed);
  if (!bytes) return unexpected(CipherError::malformed);
  const auto row = row_key_of(account_id);
  const std::string key(seal_key_.reveal());
  return open_field([&](std::uint32_t id) { return id == kKeyId ? &key : nullptr; },
                    context_of(row, column), *bytes);
}

std::string AccountSecrets::code_mac(std::string_view code) const {
  return to_hex(hmac_sha256(mac_key_.reveal(), code));
}

void install_account_secrets(const Secret& master) {
  auto next = std::make_shared<const AccountSecrets>(master);
  std::lock_guard lock(g_mutex);
  g_secrets = std::move(next);
}

const AccountSecrets& account_secrets() {
  std::lock_guard lock(g_mutex);
  if (!g_secrets) throw std::logic_error("account secrets need the master key: none installed");
  return *g_secrets;
}

}  // namespace bulwark::crypto
