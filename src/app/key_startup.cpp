#include "app/key_startup.hpp"

#include <cstdlib>

#include "crypto/key_store.hpp"
#include "crypto/master_key.hpp"
#include "logging/log.hpp"

namespace bulwark::app {

using logging::Field;

Expected<Secret, std::string> load_server_master_key(const config::Config& c) {
  auto env = [](const char* name) -> std::optional<std::string> {
    if (const char* v = std::getenv(name)) return std::string(v);
    return std::nullopt;
  };
  auto key =
      crypto::load_master_key(env, c.environment == config::Environment::production, c.data_dir);
  if (!key) return unexpected(key.error());
  if (key->origin == crypto::MasterKeyOrigin::generated)
    logging::warn(
        "NO MASTER KEY CONFIGURED: generated a development master key into the data directory. "
        "Personal data is encrypted with it; losing that file loses the data. Never use this in "
        "production: set BULWARK_MASTER_KEY or BULWARK_MASTER_KEY_FILE",
        {{Field::name, key->path}});
  else if (key->origin == crypto::MasterKeyOrigin::data_dir_file)
    logging::warn(
        "using the development master key from the data directory (BULWARK_MASTER_KEY is not "
        "set); for development only",
        {{Field::name, key->path}});
  return key->key;  // Secret copies (it has no move); the original is wiped on destruction
}

Expected<void, std::string> check_server_master_key(store::Database& db, const Secret& master,
                                                    std::int64_t now_ms) {
  auto fingerprint = crypto::check_master_fingerprint(db, master, now_ms);
  if (!fingerprint) return unexpected(fingerprint.error());
  logging::info("master key fingerprint", {{Field::name, *fingerprint}});
  return {};
}

}  // namespace bulwark::app
