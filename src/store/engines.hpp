#pragma once
// The two engines behind store::Database (store/ only).
#include <memory>
#include <string>

#include "store/database.hpp"

namespace bulwark::store {

std::unique_ptr<Database> open_sqlite(const DatabaseOptions& options, const std::string& path);
std::unique_ptr<Database> open_postgres(const DatabaseOptions& options);

}  // namespace bulwark::store
