#pragma once
// Bulwark's own request and response types. Only http/server.cpp knows Beast;
// everything above it (router, middleware, handlers) works on these plain
// structs, which keeps Beast in one translation unit and makes the pipeline
// testable without sockets.
#include <chrono>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulwark::http {

enum class Method { get, head, post, put, patch, del, options, other };

std::string_view method_name(Method m);
Method parse_method(std::string_view name);
bool is_mutating(Method m);

// Header names keep the case they were given (responses read naturally);
// lookups ignore case, as HTTP does.
class Headers {
 public:
  void add(std::string_view name, std::string_view value);
  void set(std::string_view name, std::string_view value);
  std::optional<std::string_view> get(std::string_view name) const;
  const std::vector<std::pair<std::string, std::string>>& all() const { return fields_; }

 private:
  std::vector<std::pair<std::string, std::string>> fields_;
};

struct Request {
  Method method = Method::get;
  std::string method_text;  // as received, for 405 and logs of unknown methods
  std::string target;       // raw request-target, never logged (may hold PII in the query)
  std::string path;         // target before '?', still percent-encoded
  std::string query;        // target after '?', never logged
  Headers headers;
  std::string body;
  std::string client_ip;  // peer address, or the forwarded one from the trusted proxy
  bool secure = false;    // TLS here, or TLS at the trusted proxy
  std::string request_id;
  std::chrono::steady_clock::time_point received_at = std::chrono::steady_clock::now();
};

struct Response {
  int status = 200;
  Headers headers;
  // Constant header lines ("Name: value\r\n"...) with static storage, written
  // verbatim after `headers`: the security headers every response carries.
  std::string_view preset_headers;
  std::string body;
  bool close_connection = false;
};

}  // namespace bulwark::http
