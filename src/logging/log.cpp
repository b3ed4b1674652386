#include "logging/log.hpp"

#include <spdlog/async.h>
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
  if (text == "debug") out = Level::debug;
  else if (text == "info") out = Level::info;
  else if (text == "warn") out = Level::warn;
  else if (text == "error") out = Level::error;
  else return false;
  return true;
}

void init(Level level) {
  g_level = level;
  if (logger()) return;
  // Asynchronous so a slow stdout never stalls the network threads; a full
  // queue blocks rather than dropping lines (the audit trail of what the
  // server did must not have silent holes).
  spdlog::init_thread_pool(16384, 1);
  auto sink = std::make_shared<spdlog::sinks::stdout_sink_mt>();
  auto l = std::make_shared<spdlog::async_logger>("bulwark", sink, spdlog::thread_pool(),
                                                  spdlog::async_overflow_policy::block);
  l->set_pattern("%v");
  l->set_level(spdlog::level::trace);
  l->flush_on(spdlog::level::warn);
  logger() = l;
  spdlog::flush_every(std::chrono::seconds(1));
}

void flush() {
  if (logger()) logger()->flush();
}

std::string format_line(Level level, Message message, Fields fields) {
  boost::json::object line;
  line["time"] = utc_now();
  line["level"] = level_name(level);
  line["msg"] = message.text();
  for (const auto& [field, value] : fields) {
    auto key = field_name(field);
    std::visit([&](const auto& v) { line[key] = v; }, value);
  }
  return boost::json::serialize(line);
}

void write(Level level, Message message, Fields fields) {
  if (level < g_level.load(std::memory_order_relaxed)) return;
  auto line = format_line(level, message, fields);
  if (auto& l = logger()) l->info(line);
  else std::fprintf(stdout, "%s\n", line.c_str());
}

}  // namespace bulwark::logging
