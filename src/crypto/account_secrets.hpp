#pragma once
// Keys for secrets that belong to an account rather than an organization
// (issue 15 item 1: the TOTP secret, recovery codes). An account signs in to
// several organizations, so no organization's key ring may seal them; they
// use keys derived from the server's master key instead (HMAC-SHA256 of the
// master over a purpose label, so neither key reveals the master or the
// other). Installed once at start-up, beside the key ring: the master key
// reaches nothing else, and the handlers' Services stay as they are.
#include <cstdint>
#include <string>
#include <string_view>

#include "core/expected.hpp"
#include "core/secret.hpp"
#include "crypto/field_cipher.hpp"

namespace bulwark::crypto {

class AccountSecrets {
 public:
  explicit AccountSecrets(const Secret& master);

  // An AES-256-GCM envelope (base64) bound to the account and the column,
  // so a sealed secret copied to another account or column does not open.
  std::string seal(std::int64_t account_id, std::string_view column, std::string_view plain) const;
  Expected<std::string, CipherError> open(std::int64_t account_id, std::string_view column,
                                          std::string_view sealed) const;
  // HMAC-SHA256 (hex) of a recovery code under its own key: the stored form,
  // and how a typed code is looked up.
  std::string code_mac(std::string_view code) const;

 private:
  Secret seal_key_, mac_key_;
};

// The process's instance (main installs it after loading the master key;
// unit tests install one of their own). account_secrets() throws
// std::logic_error when nothing was installed: a server without a master key
// must not store a TOTP secret in any other way.
void install_account_secrets(const Secret& master);
const AccountSecrets& account_secrets();

}  // namespace bulwark::crypto
