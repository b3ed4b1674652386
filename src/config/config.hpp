#pragma once
// Configuration comes from BULWARK_* environment variables only; secrets
// never come from files in the repository or command-line flags (MUST-008).
// Every setting has a safe default for a local development run.
#include <chrono>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "config/smtp.hpp"
#include "core/expected.hpp"
#include "core/secret.hpp"

using namespace std::chrono_literals;

namespace bulwark::config {

enum class Environment { development, production };

struct ListenAddress {
  std::string host;
  std::uint16_t port = 0;
};

struct Config {
  Environment environment = Environment::development;
  ListenAddress listen{"127.0.0.1", 8080};
  std::string data_dir = "./data";
  std::string database_url;  // empty -> SQLite file in data_dir
  std::string public_url;    // how clients reach us (webhook signatures, links)
  std::string tls_cert_file;
  std::string tls_key_file;
  bool tls_allow_tls12 = false;
  std::string trusted_proxy;  // IP of a TLS-terminating proxy whose X-Forwarded-* we believe
  std::string web_dir;        // built web app; empty -> ./web/dist if present
  std::string log_level = "info";

  // Limits against slow or greedy clients.
  std::size_t max_body_bytes = 1024 * 1024;
  // A file upload's own limit (routes declaring http::BodyLimit::upload).
  std::size_t max_upload_bytes = 20 * 1024 * 1024;
  // Where clamd listens (MUST-007): a Unix socket path, or host:port. With
  // neither, uploads are refused with 503 (fail closed).
  std::string clamd_socket;
  std::string clamd_address;
  std::size_t max_header_bytes = 16 * 1024;
  std::size_t max_connections = 1024;
  // Open connections per client address (IPv6: per /64), counted by TCP peer;
  // the trusted proxy is exempt. 0 = unlimited (the benchmarks, one client).
  std::size_t max_connections_per_ip = 64;
  std::chrono::milliseconds header_timeout{10'000};
  std::chrono::milliseconds body_timeout{30'000};
  std::chrono::milliseconds idle_timeout{60'000};
  std::chrono::milliseconds shutdown_grace{10'000};

  unsigned network_threads = 0;  // 0 -> number of cores
  // Blocking work (database). 0: one per core plus one on SQLite (more only
  // contend for its lock; the extra one keeps a core busy while another
  // thread waits for the write lock: list 4.1k -> 5.0k req/s on 2 cores),
  // four per core on PostgreSQL (threads wait on the network).
  unsigned handler_threads = 0;
  std::size_t db_pool_size = 8;

  // Requests per minute per client IP, by route rate class (0 = unlimited).
  unsigned rate_standard_per_minute = 1200;
  unsigned rate_auth_per_minute = 20;
  unsigned rate_webhook_per_minute = 600;
  unsigned rate_link_per_minute = 60;  // customer links (no session), per IP

  // Sessions (MUST-004, MUST-010): both at most 24 h; tests shorten them.
  std::chrono::milliseconds session_idle_timeout{24h};
  std::chrono::milliseconds session_lifetime{24h};
  int bcrypt_cost = 12;           // never below 12 (MUST-009)
  unsigned password_threads = 2;  // bcrypt pool: a login storm cannot starve other requests
  // Lockout: N failures in the window lock the account for `lockout`, doubling on repeat.
  int lockout_failures = 5;
  std::chrono::milliseconds lockout_window{15min};
  std::chrono::milliseconds lockout_duration{15min};
  // Failed logins per client IP in the lockout window before 429.
  int ip_failure_limit = 50;

  // How often the preventive-maintenance worker looks for due schedules (0: never).
  std::chrono::milliseconds pm_interval{60s};

  // Twilio (SMS in and out) and Stripe (payments). Tokens and keys are
  // secrets from the environment only (MUST-008); the *_PREVIOUS ones are
  // also accepted on incoming webhooks during a rotation. The API bases are
  // configurable so tests can point them at a local peer.
  std::string twilio_account_sid;
  Secret twilio_auth_token;
  Secret twilio_auth_token_previous;
  std::string twilio_api_base = "https://api.twilio.com";
  Secret stripe_api_key;
  Secret stripe_webhook_secret;
  Secret stripe_webhook_secret_previous;
  std::string stripe_api_base = "https://api.stripe.com";
  // Email over SMTP (config/smtp.hpp); without it mail waits in the outbox.
  SmtpSettings smtp;
  // How often expired sessions and old webhook ids are purged (0: never).
  std::chrono::milliseconds retention_interval{5min};
  // How often the SMS sender looks at the outbox (0: never).
  std::chrono::milliseconds sms_interval{2s};
  // First retry delay after a failed send; it doubles with each attempt.
  std::chrono::milliseconds sms_retry_base{5s};
  // Automated texts wait for 08:00-21:00 in the organization's time zone
  // (messaging/outbox.hpp). Off only for tests that must send at any hour.
  bool sms_quiet_hours = true;
  // How long a sender owns the messages it claimed; after a crash they are
  // sent by another instance once it runs out. Longer than a send can take.
  std::chrono::milliseconds sms_claim_lease{60s};
  // How often the jobs worker (calls to outside services: Stripe session
  // expiry, ...) looks for due jobs (0: never), and its first retry delay,
  // doubled with each further attempt.
  std::chrono::milliseconds jobs_interval{2s};
  std::chrono::milliseconds jobs_retry_base{5s};

  // Server-wide secret for keyed hashes (CSRF binding, blind indexes).
  // Required in production (>= 32 bytes); random per process in development.
  Secret secret_key;
  bool secret_key_generated = false;

  bool tls_enabled() const { return !tls_cert_file.empty(); }
  bool twilio_configured() const {
    return !twilio_account_sid.empty() && !twilio_auth_token.empty();
  }
  bool stripe_configured() const { return !stripe_api_key.empty(); }
  std::string effective_database_url() const;
  std::string effective_web_dir() const;
};

// Reads the environment through `getenv` (injectable for tests). Returns the
// list of problems, each naming the variable, when a value is malformed.
using Getenv = std::function<std::optional<std::string>(const char*)>;
Expected<Config, std::vector<std::string>> load(const Getenv& getenv);
Expected<Config, std::vector<std::string>> load_from_process_environment();

// Production refuses to start over plain HTTP without a trusted TLS proxy
// (MUST-NOT-007), or without the secrets it needs. Returns the problems.
std::vector<std::string> production_problems(const Config& config);

Expected<ListenAddress, std::string> parse_listen_address(std::string_view text);
Expected<std::chrono::milliseconds, std::string> parse_duration(std::string_view text);

// One line per setting for `bulwark admin show-config`; secrets shown only as
// "(set, N bytes)" or "(not set)".
std::vector<std::pair<std::string, std::string>> describe(const Config& config);

}  // namespace bulwark::config
