#include "logging/log.hpp"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include <boost/json.hpp>
#include <chrono>
#include <ctime>

namespace bulwark::logging {

namespace {

std::shared_ptr<spdlog::logger>& logger() {
  static std::shared_ptr<spdlog::logger> instance;
  return instance;
}
std::atomic<Level> g_level{Level::info};

std::string_view field_name(Field f) {
  switch (f) {
    case Field::request_id: return "request_id";
    case Field::method: return "method";
    case Field::route: return "route";
    case Field::status: return "status";
    case Field::duration_ms: return "duration_ms";
    case Field::org_id: return "org_id";
    case Field::user_id: return "user_id";
    case Field::client_ip: return "client_ip";
    case Field::address: return "address";
    case Field::reason: return "reason";
    case Field::version: return "version";
    case Field::count: return "count";
    case Field::name: return "name";
    case Field::engine: return "engine";
    case Field::path_kind: return "path_kind";
  }
  return "unknown";
}

std::string_view level_name(Level l) {
  switch (l) {
    case Level::debug: return "debug";
    case Level::info: return "info";
    case Level::warn: return "warn";
    case Level::error: return "error";
  }
  return "info";
}

std::string utc_now() {
  using namespace std::chrono;
  const auto now = system_clock::now();
  const auto secs = time_point_cast<seconds>(now);
  const auto ms = duration_cast<milliseconds>(now - secs).count();
  const std::time_t t = system_clock::to_time_t(secs);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[40];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S", &tm);
  char out[48];
  std::snprintf(out, sizeof out, "%s.%03dZ", buf, static_cast<int>(ms));
  return out;
}

}  // namespace

bool parse_level(std::string_view text, Level& out) {
  if (text == "debug")
    out = Level::debug;
  else if (text == "info")
    out = Level::info;
  else if (text == "warn")
    out = Level::warn;
  else if (text == "error")
    out = Level::error;
  else
    return false;
  return true;
}

void init(Level level) {
  g_level = level;
  if (logger()) return;
  // Synchronous into a 64 KiB stdio buffer, flushed every second and at
  // every warning: an asynchronous logger woke its thread for every line,
  // and that context switch cost more than the formatting (bench/README.md).
  std::setvbuf(stdout, nullptr, _IOFBF, 64 * 1024);
  auto sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  auto l = std::make_shared<spdlog::logger>("bulwark", sink);
  l->set_pattern("%v");
  l->set_level(spdlog::level::trace);
  l->flush_on(spdlog::level::warn);
  logger() = l;
  spdlog::flush_every(std::chrono::seconds(1));
}

void flush() {
  if (logger()) logger()->flush();
}

namespace {

// JSON string escaping (RFC 8259): quotes, backslash and control characters.
// Field values are ours or allowlisted; escaping still keeps a hostile value
// from forging a second log line.
void append_json_string(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += '"';
  for (unsigned char c : text) {
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      default:
        if (c < 0x20) {
          out += "\\u00";
          out += kHex[c >> 4];
          out += kHex[c & 0xf];
        } else {
          out += static_cast<char>(c);
        }
    }
  }
  out += '"';
}

}  // namespace

// Written by hand rather than through boost::json::object: this runs once
// per request, and the object's allocations showed in the /health profile.
std::string format_line(Level level, Message message, Fields fields) {
  std::string out;
  out.reserve(256);
  out += "{\"time\":";
  append_json_string(out, utc_now());
  out += ",\"level\":";
  append_json_string(out, level_name(level));
  out += ",\"msg\":";
  append_json_string(out, message.text());
  for (const auto& [field, value] : fields) {
    out += ',';
    append_json_string(out, field_name(field));
    out += ':';
    if (auto* i = std::get_if<std::int64_t>(&value)) {
      out += std::to_string(*i);
    } else if (auto* d = std::get_if<double>(&value)) {
      char buf[32];
      std::snprintf(buf, sizeof buf, "%.3f", *d);
      out += buf;
    } else {
      append_json_string(out, std::get<std::string_view>(value));
    }
  }
  out += '}';
  return out;
}

void write(Level level, Message message, Fields fields) {
  if (level < g_level.load(std::memory_order_relaxed)) return;
  auto line = format_line(level, message, fields);
  if (auto& l = logger())
    l->info(line);
  else
    std::fprintf(stdout, "%s\n", line.c_str());
}

}  // namespace bulwark::logging
