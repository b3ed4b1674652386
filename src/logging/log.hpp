#pragma once
// Structured JSON-line logging to stdout with an allowlist (MUST-NOT-001).
// A log line is a literal message (consteval, like store::Sql, so no text
// built from request data can become a message) plus fields whose names come
// from the Field enum. There is no field for bodies, query strings, cookies,
// Authorization headers, signatures or customers' data, so they cannot be
// logged through this API.
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace bulwark::logging {

enum class Level { debug, info, warn, error };

enum class Field {
  request_id,
  method,
  route,  // the route pattern, never the concrete path
  status,
  duration_ms,
  org_id,
  user_id,
  client_ip,
  address,  // listen address
  reason,   // a named rejection reason or an internal error's description
  version,  // schema or program version
  count,
  name,  // a migration, setting or component name
  engine,
  path_kind,  // "api", "static", ...
};

class Message {
 public:
  template <std::size_t N>
  consteval Message(const char (&text)[N]) : text_(text, N - 1) {}  // NOLINT: implicit on purpose
  constexpr std::string_view text() const { return text_; }

 private:
  std::string_view text_;
};

using FieldValue = std::variant<std::int64_t, double, std::string_view>;
using Fields = std::initializer_list<std::pair<Field, FieldValue>>;

// Sets up the asynchronous stdout logger. Safe to call once at startup.
void init(Level level);
bool parse_level(std::string_view text, Level& out);
void flush();

void write(Level level, Message message, Fields fields = {});
inline void debug(Message m, Fields f = {}) { write(Level::debug, m, f); }
inline void info(Message m, Fields f = {}) { write(Level::info, m, f); }
inline void warn(Message m, Fields f = {}) { write(Level::warn, m, f); }
inline void error(Message m, Fields f = {}) { write(Level::error, m, f); }

// The JSON text of one line, without writing it (for tests).
std::string format_line(Level level, Message message, Fields fields);

}  // namespace bulwark::logging
