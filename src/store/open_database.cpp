#include "store/database.hpp"
#include "store/engines.hpp"

namespace bulwark::store {

std::unique_ptr<Database> open_database(const DatabaseOptions& options) {
  const std::string& url = options.url;
  if (url.starts_with("postgresql://") || url.starts_with("postgres://"))
    return open_postgres(options);
  std::string path = url;
  if (path.starts_with("sqlite://")) path = path.substr(9);
  else if (path.starts_with("sqlite:")) path = path.substr(7);
  return open_sqlite(options, path);
}

}  // namespace bulwark::store
