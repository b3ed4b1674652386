#pragma once
// `bulwark gen-types [--out FILE]`: writes the web app's types
// (web/src/api/types.gen.ts) from the resources the route table's typed
// endpoints read and write, so the app and the server cannot drift apart.
// scripts/check-generated-types.sh fails when the committed file is stale.
#include <functional>
#include <string>

namespace CLI {  // NOLINT(readability-identifier-naming): CLI11's
class App;
}
namespace bulwark::http {
class Router;
}

namespace bulwark::cli {

// The file's text: a header, then every resource as an `export interface`,
// sorted by name, formatted as the web app's Prettier settings want.
std::string generated_types(const http::Router& router);

// Adds the gen-types subcommand to `cli`; returns it. `run` receives its runner.
CLI::App* register_gen_types(CLI::App& cli, std::function<int()>& run);

}  // namespace bulwark::cli
