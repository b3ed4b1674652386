#include "store/database.hpp"
#include "store/engines.hpp"

namespace bulwark::store {

std::unique_ptr<Database> open_database(const DatabaseOptions& options) {
  const std::string& url = options.url;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return open_postgres(options);
  std::string path = url;
  if (path.starts_with("sqlite://"))
    path = path.substr(9);
  else if (path.starts_with("sqlite:"))
    path = path.substr(7);
  return open_sqlite(options, path);
}

std::string_view engine_name(Engine engine) {
  switch (engine) {
    case Engine::sqlite: return "sqlite";
    case Engine::postgres: return "postgres";
  }
  return "unknown";
}

unsigned default_handler_threads(Engine engine, unsigned cores) {
  switch (engine) {
    case Engine::sqlite: return cores + 1;
    case Engine::postgres: return 4 * cores;
  }
  return cores + 1;
}

}  // namespace bulwark::store
