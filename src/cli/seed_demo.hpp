#pragma once
#include <functional>
// `bulwark admin seed-demo`: a believable septic-service company to click
// through: a dispatcher, three technicians, 200 customers with their sites,
// 1,000 work orders over the past year.
namespace CLI {
class App;
}

namespace bulwark::cli {

// Adds the seed-demo subcommand; `chosen` receives its runner when picked.
void register_seed_demo(CLI::App& admin, std::function<int()>& chosen);

}  // namespace bulwark::cli
