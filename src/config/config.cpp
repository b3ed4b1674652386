#include "config/config.hpp"

#include <fmt/format.h>

#include <charconv>
#include <cstdlib>
#include <filesystem>

#include "crypto/random.hpp"

namespace bulwark::config {

namespace {

constexpr std::size_t kMinSecretBytes = 32;

template <typename T>
Expected<T, std::string> parse_number(std::string_view text, T min, T max) {
  T value{};
  auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc{} || end != text.data() + text.size())
    return unexpected(fmt::format("'{}' is not a number", text));
  if (value < min || value > max)
    return unexpected(fmt::format("must be between {} and {}", min, max));
  return value;
}

// Collects "NAME: problem" lines while reading the environment.
class Reader {
 public:
  explicit Reader(const Getenv& getenv) : getenv_(getenv) {}

  std::optional<std::string> raw(const char* name) {
    auto v = getenv_(name);
    if (v && v->empty()) return std::nullopt;
    return v;
  }
  void text(const char* name, std::string& out) {
    if (auto v = raw(name)) out = *v;
  }
  template <typename T>
  void number(const char* name, T& out, T min, T max) {
    auto v = raw(name);
    if (!v) return;
    if (auto n = parse_number<T>(*v, min, max))
      out = *n;
    else
      problem(name, n.error());
  }
  void duration(const char* name, std::chrono::milliseconds& out) {
    auto v = raw(name);
    if (!v) return;
    if (auto d = parse_duration(*v))
      out = *d;
    else
      problem(name, d.error());
  }
  void flag(const char* name, bool& out) {
    auto v = raw(name);
    if (!v) return;
    if (*v == "1" || *v == "true" || *v == "yes")
      out = true;
    else if (*v == "0" || *v == "false" || *v == "no")
      out = false;
    else
      problem(name, "must be true or false");
  }
  void problem(const char* name, std::string_view what) {
    problems_.push_back(fmt::format("{}: {}", name, what));
  }
  std::vector<std::string>& problems() { return problems_; }

 private:
  const Getenv& getenv_;
  std::vector<std::string> problems_;
};

}  // namespace

Expected<ListenAddress, std::string> parse_listen_address(std::string_view text) {
  // host:port, or [v6]:port
  std::string_view host, port;
  if (text.starts_with('[')) {
    auto close = text.find(']');
    if (close == std::string_view::npos || close + 1 >= text.size() || text[close + 1] != ':')
      return unexpected("expected [ipv6]:port");
    host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    auto colon = text.rfind(':');
    if (colon == std::string_view::npos) return unexpected("expected host:port");
    host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (host.empty()) return unexpected("the host is empty");
  auto p = parse_number<unsigned>(port, 0, 65535);
  if (!p) return unexpected("port " + p.error());
  return ListenAddress{std::string(host), static_cast<std::uint16_t>(*p)};
}

Expected<std::chrono::milliseconds, std::string> parse_duration(std::string_view text) {
  // "250ms", "15s", "10m", "24h", or a bare number of seconds.
  std::size_t digits = 0;
  while (digits < text.size() && text[digits] >= '0' && text[digits] <= '9') ++digits;
  if (digits == 0) return unexpected(fmt::format("'{}' is not a duration like 15s", text));
  auto n = parse_number<std::int64_t>(text.substr(0, digits), 0, 10'000'000'000LL);
  if (!n) return unexpected(n.error());
  const std::string_view unit = text.substr(digits);
  std::int64_t ms = 0;
  if (unit == "ms")
    ms = *n;
  else if (unit == "s" || unit.empty())
    ms = *n * 1000;
  else if (unit == "m")
    ms = *n * 60'000;
  else if (unit == "h")
    ms = *n * 3'600'000;
  else
    return unexpected(fmt::format("unknown unit '{}' (use ms, s, m or h)", unit));
  return std::chrono::milliseconds(ms);
}

std::string Config::effective_database_url() const {
  if (!database_url.empty()) return database_url;
  return (std::filesystem::path(data_dir) / "bulwark.sqlite3").string();
}

std::string Config::effective_web_dir() const {
  if (!web_dir.empty()) return web_dir;
  return "./web/dist";
}

Expected<Config, std::vector<std::string>> load(const Getenv& getenv) {
  Config c;
  Reader r(getenv);
  if (auto env = r.raw("BULWARK_ENV")) {
    if (*env == "production")
      c.environment = Environment::production;
    else if (*env == "development")
      c.environment = Environment::development;
    else
      r.problem("BULWARK_ENV", "must be development or production");
  }
  if (auto listen = r.raw("BULWARK_LISTEN")) {
    if (auto a = parse_listen_address(*listen))
      c.listen = *a;
    else
      r.problem("BULWARK_LISTEN", a.error());
  }
  r.text("BULWARK_DATA_DIR", c.data_dir);
  r.text("BULWARK_DATABASE_URL", c.database_url);
  r.text("BULWARK_PUBLIC_URL", c.public_url);
  r.text("BULWARK_TLS_CERT", c.tls_cert_file);
  r.text("BULWARK_TLS_KEY", c.tls_key_file);
  r.flag("BULWARK_TLS_ALLOW_TLS12", c.tls_allow_tls12);
  r.text("BULWARK_TRUSTED_PROXY", c.trusted_proxy);
  r.text("BULWARK_WEB_DIR", c.web_dir);
  r.text("BULWARK_LOG_LEVEL", c.log_level);
  if (c.log_level != "debug" && c.log_level != "info" && c.log_level != "warn" &&
      c.log_level != "error")
    r.problem("BULWARK_LOG_LEVEL", "must be debug, info, warn or error");
  r.number<std::size_t>("BULWARK_MAX_BODY_BYTES", c.max_body_bytes, 1024, 64 * 1024 * 1024);
  r.number<std::size_t>("BULWARK_MAX_HEADER_BYTES", c.max_header_bytes, 1024, 1024 * 1024);
  r.number<std::size_t>("BULWARK_MAX_UPLOAD_BYTES", c.max_upload_bytes, 1024, 256 * 1024 * 1024);
  r.text("BULWARK_CLAMD_SOCKET", c.clamd_socket);
  r.text("BULWARK_CLAMD_ADDRESS", c.clamd_address);
  r.number<std::size_t>("BULWARK_MAX_CONNECTIONS", c.max_connections, 1, 1'000'000);
  r.number<std::size_t>("BULWARK_MAX_CONNECTIONS_PER_IP", c.max_connections_per_ip, 0, 1'000'000);
  r.duration("BULWARK_HEADER_TIMEOUT", c.header_timeout);
  r.duration("BULWARK_BODY_TIMEOUT", c.body_timeout);
  r.duration("BULWARK_IDLE_TIMEOUT", c.idle_timeout);
  r.duration("BULWARK_SHUTDOWN_GRACE", c.shutdown_grace);
  r.number<unsigned>("BULWARK_NETWORK_THREADS", c.network_threads, 0, 256);
  r.number<unsigned>("BULWARK_HANDLER_THREADS", c.handler_threads, 0, 1024);
  r.number<std::size_t>("BULWARK_DB_POOL_SIZE", c.db_pool_size, 1, 1024);
  r.number<unsigned>("BULWARK_RATE_STANDARD_PER_MINUTE", c.rate_standard_per_minute, 0, 10'000'000);
  r.number<unsigned>("BULWARK_RATE_AUTH_PER_MINUTE", c.rate_auth_per_minute, 0, 10'000'000);
  r.number<unsigned>("BULWARK_RATE_WEBHOOK_PER_MINUTE", c.rate_webhook_per_minute, 0, 10'000'000);
  r.number<unsigned>("BULWARK_RATE_LINK_PER_MINUTE", c.rate_link_per_minute, 0, 10'000'000);

  r.duration("BULWARK_PM_INTERVAL", c.pm_interval);
  r.duration("BULWARK_SMS_INTERVAL", c.sms_interval);
  r.duration("BULWARK_RETENTION_INTERVAL", c.retention_interval);
  r.duration("BULWARK_SMS_RETRY_BASE", c.sms_retry_base);
  r.flag("BULWARK_SMS_QUIET_HOURS", c.sms_quiet_hours);
  r.duration("BULWARK_SMS_CLAIM_LEASE", c.sms_claim_lease);
  if (c.sms_claim_lease < 1s) r.problem("BULWARK_SMS_CLAIM_LEASE", "must be at least 1s");
  r.duration("BULWARK_JOBS_INTERVAL", c.jobs_interval);
  if (c.jobs_interval > 1h) r.problem("BULWARK_JOBS_INTERVAL", "must be at most 1h (0 disables)");
  r.duration("BULWARK_JOBS_RETRY_BASE", c.jobs_retry_base);
  if (c.jobs_retry_base < 10ms || c.jobs_retry_base > 1h)
    r.problem("BULWARK_JOBS_RETRY_BASE", "must be between 10ms and 1h");
  r.text("BULWARK_TWILIO_ACCOUNT_SID", c.twilio_account_sid);
  r.text("BULWARK_TWILIO_API_BASE", c.twilio_api_base);
  r.text("BULWARK_STRIPE_API_BASE", c.stripe_api_base);
  for (auto [name, target] :
       {std::pair{"BULWARK_TWILIO_AUTH_TOKEN", &c.twilio_auth_token},
        std::pair{"BULWARK_TWILIO_AUTH_TOKEN_PREVIOUS", &c.twilio_auth_token_previous},
        std::pair{"BULWARK_STRIPE_API_KEY", &c.stripe_api_key},
        std::pair{"BULWARK_STRIPE_WEBHOOK_SECRET", &c.stripe_webhook_secret},
        std::pair{"BULWARK_STRIPE_WEBHOOK_SECRET_PREVIOUS", &c.stripe_webhook_secret_previous}})
    if (auto v = r.raw(name)) *target = Secret(std::move(*v));
  for (auto [name, base] : {std::pair{"BULWARK_TWILIO_API_BASE", &c.twilio_api_base},
                            std::pair{"BULWARK_STRIPE_API_BASE", &c.stripe_api_base}}) {
    // A plain pointer, not the structured binding: clang 14 (the fuzz build)
    // cannot capture bindings in a lambda.
    const std::string* url = base;
    auto loopback = [url](std::string_view host) {
      const std::string prefix = "http://" + std::string(host);
      return *url == prefix || url->starts_with(prefix + ":") || url->starts_with(prefix + "/");
    };
    if (!base->starts_with("https://") && !loopback("127.0.0.1") && !loopback("localhost"))
      r.problem(name, "must be an https:// URL (plain http only to a loopback test peer)");
    while (base->ends_with('/')) base->pop_back();
  }
  for (auto& problem : read_smtp(getenv, c.smtp)) r.problems().push_back(std::move(problem));
  r.duration("BULWARK_SESSION_IDLE_TIMEOUT", c.session_idle_timeout);
  r.duration("BULWARK_SESSION_LIFETIME", c.session_lifetime);
  // MUST-004 / MUST-010: neither may exceed 24 hours.
  if (c.session_idle_timeout > 24h || c.session_idle_timeout < 1s)
    r.problem("BULWARK_SESSION_IDLE_TIMEOUT", "must be between 1s and 24h");
  if (c.session_lifetime > 24h || c.session_lifetime < 1s)
    r.problem("BULWARK_SESSION_LIFETIME", "must be between 1s and 24h");
  r.number<int>("BULWARK_BCRYPT_COST", c.bcrypt_cost, 12, 20);
  r.number<unsigned>("BULWARK_PASSWORD_THREADS", c.password_threads, 1, 64);
  r.number<int>("BULWARK_LOCKOUT_FAILURES", c.lockout_failures, 1, 1000);
  r.duration("BULWARK_LOCKOUT_WINDOW", c.lockout_window);
  r.duration("BULWARK_LOCKOUT_DURATION", c.lockout_duration);
  r.number<int>("BULWARK_IP_FAILURE_LIMIT", c.ip_failure_limit, 1, 1'000'000);

  if (c.tls_cert_file.empty() != c.tls_key_file.empty())
    r.problem(c.tls_cert_file.empty() ? "BULWARK_TLS_CERT" : "BULWARK_TLS_KEY",
              "BULWARK_TLS_CERT and BULWARK_TLS_KEY must be set together");

  if (auto key = r.raw("BULWARK_SECRET_KEY")) {
    c.secret_key = Secret(std::move(*key));
  } else if (c.environment == Environment::development) {
    c.secret_key = Secret(crypto::random_bytes(kMinSecretBytes));
    c.secret_key_generated = true;
  }
  if (!r.problems().empty()) return unexpected(std::move(r.problems()));
  return c;
}

Expected<Config, std::vector<std::string>> load_from_process_environment() {
  return load([](const char* name) -> std::optional<std::string> {
    if (const char* v = std::getenv(name)) return std::string(v);
    return std::nullopt;
  });
}

std::vector<std::string> production_problems(const Config& c) {
  std::vector<std::string> problems;
  if (c.environment != Environment::production) return problems;
  if (!c.tls_enabled() && c.trusted_proxy.empty())
    problems.emplace_back(
        "BULWARK_TLS_CERT/BULWARK_TLS_KEY: production refuses plain HTTP; configure a certificate "
        "or set BULWARK_TRUSTED_PROXY to the TLS-terminating proxy's address (MUST-NOT-007)");
  if (c.secret_key.empty())
    problems.emplace_back("BULWARK_SECRET_KEY: required in production");
  else if (c.secret_key.size() < kMinSecretBytes)
    problems.emplace_back(fmt::format("BULWARK_SECRET_KEY: too short ({} bytes, at least {})",
                                      c.secret_key.size(), kMinSecretBytes));
  if (c.public_url.empty())
    problems.emplace_back("BULWARK_PUBLIC_URL: required in production (links, webhook URLs)");
  else if (!c.public_url.starts_with("https://"))
    problems.emplace_back("BULWARK_PUBLIC_URL: must start with https:// in production");
  return problems;
}

std::vector<std::pair<std::string, std::string>> describe(const Config& c) {
  auto secret = [](const Secret& s, bool generated) -> std::string {
    if (generated) return "(generated for this process)";
    return s.empty() ? "(not set)" : fmt::format("(set, {} bytes)", s.size());
  };
  // The database URL may carry a password: show only its scheme and host part.
  auto redact_url = [](const std::string& url) -> std::string {
    auto scheme = url.find("://");
    if (scheme == std::string::npos) return url;  // a SQLite file path
    auto at = url.find('@', scheme);
    if (at == std::string::npos) return url;
    return url.substr(0, scheme + 3) + "***@" + url.substr(at + 1);
  };
  std::vector<std::pair<std::string, std::string>> lines{
      {"BULWARK_ENV", c.environment == Environment::production ? "production" : "development"},
      {"BULWARK_LISTEN", fmt::format("{}:{}", c.listen.host, c.listen.port)},
      {"BULWARK_DATA_DIR", c.data_dir},
      {"BULWARK_DATABASE_URL", redact_url(c.effective_database_url())},
      {"BULWARK_PUBLIC_URL", c.public_url.empty() ? "(not set)" : c.public_url},
      {"BULWARK_TLS_CERT", c.tls_cert_file.empty() ? "(not set)" : c.tls_cert_file},
      {"BULWARK_TLS_KEY", c.tls_key_file.empty() ? "(not set)" : c.tls_key_file},
      {"BULWARK_TLS_ALLOW_TLS12", c.tls_allow_tls12 ? "true" : "false"},
      {"BULWARK_TRUSTED_PROXY", c.trusted_proxy.empty() ? "(not set)" : c.trusted_proxy},
      {"BULWARK_WEB_DIR", c.effective_web_dir()},
      {"BULWARK_LOG_LEVEL", c.log_level},
      {"BULWARK_MAX_BODY_BYTES", std::to_string(c.max_body_bytes)},
      {"BULWARK_MAX_HEADER_BYTES", std::to_string(c.max_header_bytes)},
      {"BULWARK_MAX_UPLOAD_BYTES", std::to_string(c.max_upload_bytes)},
      {"BULWARK_CLAMD_SOCKET", c.clamd_socket.empty() ? "(not set)" : c.clamd_socket},
      {"BULWARK_CLAMD_ADDRESS", c.clamd_address.empty() ? "(not set)" : c.clamd_address},
      {"BULWARK_MAX_CONNECTIONS", std::to_string(c.max_connections)},
      {"BULWARK_MAX_CONNECTIONS_PER_IP",
       c.max_connections_per_ip ? std::to_string(c.max_connections_per_ip) : "0 (unlimited)"},
      {"BULWARK_HEADER_TIMEOUT", fmt::format("{}ms", c.header_timeout.count())},
      {"BULWARK_BODY_TIMEOUT", fmt::format("{}ms", c.body_timeout.count())},
      {"BULWARK_IDLE_TIMEOUT", fmt::format("{}ms", c.idle_timeout.count())},
      {"BULWARK_SHUTDOWN_GRACE", fmt::format("{}ms", c.shutdown_grace.count())},
      {"BULWARK_NETWORK_THREADS", std::to_string(c.network_threads)},
      {"BULWARK_HANDLER_THREADS", std::to_string(c.handler_threads)},
      {"BULWARK_DB_POOL_SIZE", std::to_string(c.db_pool_size)},
      {"BULWARK_RATE_STANDARD_PER_MINUTE", std::to_string(c.rate_standard_per_minute)},
      {"BULWARK_RATE_AUTH_PER_MINUTE", std::to_string(c.rate_auth_per_minute)},
      {"BULWARK_RATE_WEBHOOK_PER_MINUTE", std::to_string(c.rate_webhook_per_minute)},
      {"BULWARK_RATE_LINK_PER_MINUTE", std::to_string(c.rate_link_per_minute)},
      {"BULWARK_SESSION_IDLE_TIMEOUT", fmt::format("{}ms", c.session_idle_timeout.count())},
      {"BULWARK_SESSION_LIFETIME", fmt::format("{}ms", c.session_lifetime.count())},
      {"BULWARK_BCRYPT_COST", std::to_string(c.bcrypt_cost)},
      {"BULWARK_PASSWORD_THREADS", std::to_string(c.password_threads)},
      {"BULWARK_LOCKOUT_FAILURES", std::to_string(c.lockout_failures)},
      {"BULWARK_LOCKOUT_WINDOW", fmt::format("{}ms", c.lockout_window.count())},
      {"BULWARK_LOCKOUT_DURATION", fmt::format("{}ms", c.lockout_duration.count())},
      {"BULWARK_IP_FAILURE_LIMIT", std::to_string(c.ip_failure_limit)},
      {"BULWARK_PM_INTERVAL", fmt::format("{}ms", c.pm_interval.count())},
      {"BULWARK_SMS_INTERVAL", fmt::format("{}ms", c.sms_interval.count())},
      {"BULWARK_RETENTION_INTERVAL", fmt::format("{}ms", c.retention_interval.count())},
      {"BULWARK_SMS_RETRY_BASE", fmt::format("{}ms", c.sms_retry_base.count())},
      {"BULWARK_SMS_QUIET_HOURS", c.sms_quiet_hours ? "true" : "false"},
      {"BULWARK_SMS_CLAIM_LEASE", fmt::format("{}ms", c.sms_claim_lease.count())},
      {"BULWARK_JOBS_INTERVAL", fmt::format("{}ms", c.jobs_interval.count())},
      {"BULWARK_JOBS_RETRY_BASE", fmt::format("{}ms", c.jobs_retry_base.count())},
      {"BULWARK_TWILIO_ACCOUNT_SID",
       c.twilio_account_sid.empty() ? "(not set)" : c.twilio_account_sid},
      {"BULWARK_TWILIO_AUTH_TOKEN", secret(c.twilio_auth_token, false)},
      {"BULWARK_TWILIO_AUTH_TOKEN_PREVIOUS", secret(c.twilio_auth_token_previous, false)},
      {"BULWARK_TWILIO_API_BASE", c.twilio_api_base},
      {"BULWARK_STRIPE_API_KEY", secret(c.stripe_api_key, false)},
      {"BULWARK_STRIPE_WEBHOOK_SECRET", secret(c.stripe_webhook_secret, false)},
      {"BULWARK_STRIPE_WEBHOOK_SECRET_PREVIOUS", secret(c.stripe_webhook_secret_previous, false)},
      {"BULWARK_STRIPE_API_BASE", c.stripe_api_base},
      {"BULWARK_SECRET_KEY", secret(c.secret_key, c.secret_key_generated)},
  };
  for (auto& line : describe_smtp(c.smtp)) lines.push_back(std::move(line));
  return lines;
}

}  // namespace bulwark::config
