// bulwark: one binary, a few subcommands. main() reads as the list of parts:
// configuration, logging, database, route table, server.
#include <CLI/CLI.hpp>
#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <thread>

#include "api/routes.hpp"
#include "app/app.hpp"
#include "app/backup_worker.hpp"
#include "app/key_startup.hpp"
#include "app/periodic_worker.hpp"
#include "app/retention.hpp"
#include "app/seal_plain_rows.hpp"
#include "cli/admin_cli.hpp"
#include "cli/gen_types.hpp"
#include "cli/personal_fields.hpp"
#include "config/config.hpp"
#include "core/clock.hpp"
#include "crypto/account_secrets.hpp"
#include "crypto/key_ring.hpp"
#include "domain/pm_generation.hpp"
#include "domain/service_plans/reminders.hpp"
#include "http/server.hpp"
#include "http/web_files.hpp"
#include "identity/clock.hpp"
#include "jobs/worker.hpp"
#include "logging/log.hpp"
#include "messaging/outbox.hpp"
#include "messaging/sms_sender.hpp"
#include "net/http_client.hpp"
#include "security/passwords.hpp"
#include "security/roles.hpp"
#include "store/database.hpp"

namespace {

using namespace bulwark;
using logging::Field;

constexpr const char* kVersion = "0.1.0";

// Exit codes: 0 ok, 1 runtime failure, 2 bad configuration.
constexpr int kExitFailure = 1;
constexpr int kExitConfig = 2;

std::optional<config::Config> load_config() {
  auto loaded = config::load_from_process_environment();
  if (!loaded) {
    std::fprintf(stderr, "bulwark: the configuration is invalid:\n");
    for (const auto& p : loaded.error()) std::fprintf(stderr, "  - %s\n", p.c_str());
    return std::nullopt;
  }
  return std::move(*loaded);
}

// The clock of a test-hooks build can be moved (core/clock.hpp): say so
// loudly, and never in production. A release build has no such clock and
// only warns that the variable does nothing.
bool test_hooks_allowed(const config::Config& c) {
  const bool asked = std::getenv(core::kTestClockFileVariable) != nullptr;
  if (!core::process_clock_can_be_moved()) {
    if (asked) logging::warn("BULWARK_TEST_CLOCK_FILE is ignored: this binary has no test hooks");
    return true;
  }
  if (c.environment == config::Environment::production) {
    std::fprintf(stderr,
                 "bulwark: refusing to start in production: this is the test-hooks build, "
                 "whose clock can be moved\n");
    return false;
  }
  logging::warn("test-hooks build: the clock follows BULWARK_TEST_CLOCK_FILE; for tests only");
  return true;
}

std::unique_ptr<store::Database> open_db(const config::Config& c) {
  store::DatabaseOptions options;
  options.url = c.effective_database_url();
  options.pool_size = c.db_pool_size;
  return store::open_database(options);
}

int serve() {
  auto c = load_config();
  if (!c) return kExitConfig;
  logging::Level level = logging::Level::info;
  logging::parse_level(c->log_level, level);
  logging::init(level);
  if (!test_hooks_allowed(*c)) return kExitConfig;

  if (auto problems = config::production_problems(*c); !problems.empty()) {
    std::fprintf(stderr, "bulwark: refusing to start in production:\n");
    for (const auto& p : problems) std::fprintf(stderr, "  - %s\n", p.c_str());
    return kExitConfig;
  }
  if (c->secret_key_generated)
    logging::warn("BULWARK_SECRET_KEY is not set: using a random key for this process only");
  // Field-level encryption's master key (issue 13): none in production is a refusal.
  auto master_key = app::load_server_master_key(*c);
  if (!master_key) {
    std::fprintf(stderr, "bulwark: refusing to start: %s\n", master_key.error().c_str());
    return kExitConfig;
  }

  try {
    auto db = open_db(*c);
    if (c->handler_threads == 0) {
      const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
      c->handler_threads = store::default_handler_threads(db->engine(), cores);
    }
    auto report = store::migrate(*db, [](std::string_view) {});
    logging::info("database ready", {{Field::engine, store::engine_name(db->engine())},
                                     {Field::version, std::int64_t{report.current_version}},
                                     {Field::count, std::int64_t{report.applied}}});
    if (report.adopted > 0)
      logging::info("migrations applied before checksums existed were adopted",
                    {{Field::count, std::int64_t{report.adopted}}});
    if (auto checked = app::check_server_master_key(*db, *master_key, identity::now_ms());
        !checked) {
      std::fprintf(stderr, "bulwark: refusing to start: %s\n", checked.error().c_str());
      return kExitConfig;
    }
    // Repositories seal and open personal fields through it (store/personal.hpp).
    crypto::attach_key_ring(*db, *master_key, identity::now_ms);
    // An account's TOTP secret and recovery codes (no organization's keys fit).
    crypto::install_account_secrets(*master_key);
    // Rows from before personal data was sealed are sealed now, once.
    app::seal_plain_rows(*db, c->data_dir, [](std::string_view table, std::int64_t rows) {
      logging::info("personal data sealed", {{Field::name, table}, {Field::count, rows}});
    });

    // Made now so the first login for an unknown email is not slower than the rest.
    security::dummy_hash(c->bcrypt_cost);
    http::WebFiles static_files(c->effective_web_dir());
    app::App application(app::Services{*c, *db, static_files, core::process_clock()},
                         api::build_router());
    http::Server server(*c, application);
    auto address = server.bind();
    logging::info("listening", {{Field::address, address},
                                {Field::name, c->tls_enabled() ? "https" : "http"},
                                {Field::version, kVersion}});
    logging::flush();
    // Background loops, in every instance: each is idempotent or claims its
    // work with a lease, so instances sharing one database may all run them.
    using app::start_periodic;
    // Preventive maintenance: due schedules become work orders.
    auto pm_worker = start_periodic(
        c->pm_interval,
        [&db] {
          if (int n = domain::generate_pm_work_orders(*db, identity::now_ms()); n > 0)
            logging::info("preventive maintenance generated", {{Field::count, std::int64_t{n}}});
          return false;
        },
        "preventive maintenance failed");
    // The SMS sender: drains the outbox, and queues tomorrow's reminders once a minute.
    auto sms_worker = start_periodic(
        c->sms_interval,
        [&db, &cfg = *c, next_reminders = std::int64_t{0}]() mutable {
          const auto now = identity::now_ms();
          if (now >= next_reminders) {
            if (cfg.twilio_configured()) messaging::enqueue_due_reminders(*db, now);
            // Service-plan reminders go by text (Twilio) and/or email (SMTP).
            if (cfg.twilio_configured() || cfg.smtp.configured())
              domain::service_plans::enqueue_service_reminders(
                  *db, cfg.public_url, {cfg.twilio_configured(), cfg.smtp.configured()}, now);
            next_reminders = now + 60'000;
          }
          auto report = messaging::send_due_messages(*db, cfg, now);
          if (report.sent > 0)
            logging::info("sms sent", {{Field::count, std::int64_t{report.sent}}});
          return report.claimed == 20;  // a full batch: there may be more waiting
        },
        "sms sender failed");
    // The jobs worker: every call to an outside service except SMS (Stripe session expiry, ...).
    const jobs::WorkerOptions job_options{.retry_base = c->jobs_retry_base};
    auto jobs_worker = start_periodic(
        c->jobs_interval,
        [&db, &cfg = *c, job_options] {
          auto report = jobs::run_due_jobs(*db, cfg, jobs::default_handlers(), job_options,
                                           identity::now_ms());
          if (report.done > 0)
            logging::info("jobs done", {{Field::count, std::int64_t{report.done}}});
          return report.claimed >= job_options.batch;
        },
        "jobs worker failed");
    // Retention: expired sessions and handled webhook ids.
    auto retention_worker = start_periodic(
        c->retention_interval,
        [&db, &cfg = *c] {
          const auto swept = app::sweep_retention(*db, cfg, identity::now_ms());
          if (swept.sessions > 0)
            logging::info("expired sessions purged", {{Field::count, swept.sessions}});
          if (swept.customers_purged > 0)
            logging::info("retention: customers purged", {{Field::count, swept.customers_purged}});
          return false;
        },
        "retention sweep failed");
    // The daily encrypted backup (one instance takes the lease), then pruning.
    auto backup_worker = app::start_backup_worker(*db, *c);
    server.run();
    for (auto* worker : {&pm_worker, &sms_worker, &jobs_worker, &retention_worker})
      if (worker->joinable()) {
        worker->request_stop();
        worker->join();
      }
    logging::info("stopped");
    logging::flush();
    return 0;
  } catch (const http::RouteDeclarationError& e) {
    std::fprintf(stderr, "bulwark: the route table is invalid: %s\n", e.what());
    return kExitConfig;
  } catch (const std::exception& e) {
    // Our own messages name the setting at fault and never carry secrets.
    logging::error("startup failed", {{Field::reason, std::string_view(e.what())}});
    logging::flush();
    std::fprintf(stderr, "bulwark: %s\n", e.what());
    return kExitFailure;
  }
}

int migrate(bool status_only) {
  auto c = load_config();
  if (!c) return kExitConfig;
  try {
    auto db = open_db(*c);
    if (status_only) {
      using Checksum = store::MigrationStatus::Checksum;
      for (const auto& m : store::migration_status(*db)) {
        const char* sum = m.checksum == Checksum::matches        ? ", checksum matches"
                          : m.checksum == Checksum::differs      ? ", CHECKSUM DIFFERS"
                          : m.checksum == Checksum::not_recorded ? ", checksum not recorded yet"
                          : m.checksum == Checksum::unknown_to_binary
                              ? ", UNKNOWN to this binary (written by a newer release)"
                              : "";
        std::printf("%04d  %-24s %s%s\n", m.version, m.name.c_str(),
                    m.applied ? "applied" : "pending", sum);
      }
      return 0;
    }
    auto report = store::migrate(*db, [](std::string_view line) {
      std::printf("%.*s\n", static_cast<int>(line.size()), line.data());
      std::fflush(stdout);
    });
    std::printf("schema at version %d (%d applied, %d checksums adopted)\n", report.current_version,
                report.applied, report.adopted);
    // Then the rows still in plain text are sealed (issue 13), with the
    // server's master key; without one (production) nothing is touched.
    auto master = app::load_server_master_key(*c);
    if (!master) {
      std::fprintf(stderr, "bulwark migrate: personal data not sealed: %s\n",
                   master.error().c_str());
      return kExitConfig;
    }
    if (auto checked = app::check_server_master_key(*db, *master, identity::now_ms()); !checked) {
      std::fprintf(stderr, "bulwark migrate: %s\n", checked.error().c_str());
      return kExitConfig;
    }
    crypto::attach_key_ring(*db, *master, identity::now_ms);
    const auto sealed =
        app::seal_plain_rows(*db, c->data_dir, [](std::string_view table, std::int64_t rows) {
          std::printf("sealed %lld rows of %.*s\n", static_cast<long long>(rows),
                      static_cast<int>(table.size()), table.data());
          std::fflush(stdout);
        });
    if (sealed.rows > 0)
      std::printf("storage rewritten: the plain text is gone from the database files\n");
    return 0;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "bulwark migrate: %s\n", e.what());
    return kExitFailure;
  }
}

int show_config() {
  auto c = load_config();
  if (!c) return kExitConfig;
  for (const auto& [name, value] : config::describe(*c))
    std::printf("%-34s %s\n", name.c_str(), value.c_str());
  auto problems = config::production_problems(*c);
  for (const auto& p : problems) std::printf("problem: %s\n", p.c_str());
  return 0;
}

// The role table as JSON, weakest role first: each role's rank and the
// permissions it holds (security/roles.cpp), for the route-matrix tests.
int print_roles() {
  boost::json::array out;
  for (const auto role : security::all_roles()) {
    boost::json::array permissions;
    for (const auto p : security::permissions_of(role))
      permissions.emplace_back(security::permission_name(p));
    out.push_back({{"role", security::role_name(role)},
                   {"rank", security::role_rank(role)},
                   {"permissions", std::move(permissions)}});
  }
  std::cout << boost::json::serialize(out) << "\n";
  return 0;
}

// The route table as JSON, for the route-matrix tests and for operators
// reviewing what is exposed.
int print_routes() {
  boost::json::array out;
  const auto router = api::build_router();
  for (const auto& r : router.routes())
    out.push_back({{"method", http::method_name(r.method)},
                   {"pattern", r.pattern},
                   {"auth", http::auth_name(r.auth)},
                   {"permission", security::permission_name(r.permission.value)},
                   {"rate", http::rate_class_name(r.rate)},
                   {"effect", http::effect_name(r.effect)},
                   {"csrf", http::csrf_name(r.csrf)},
                   {"execution", http::execution_name(r.execution)},
                   {"scope", r.scope},
                   {"step_up", r.step_up},
                   {"summary", r.summary}});
  std::cout << boost::json::serialize(out) << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  bulwark::net::init_http_client();  // before any thread starts
  CLI::App cli{
      "Bulwark: a security-first work-order and maintenance platform.\n"
      "Configuration comes from BULWARK_* environment variables (see README.md);\n"
      "secrets are read only from the environment."};
  cli.set_version_flag("--version", kVersion);
  cli.require_subcommand(1);

  auto* serve_cmd = cli.add_subcommand(
      "serve",
      "Run the HTTP(S) server (applies pending migrations first). Stops cleanly on "
      "SIGINT/SIGTERM.");
  auto* migrate_cmd = cli.add_subcommand("migrate", "Apply pending database migrations and exit.");
  bool status_only = false;
  migrate_cmd->add_flag("--status", status_only, "List migrations and whether each is applied.");
  auto* routes_cmd = cli.add_subcommand(
      "routes", "Print the route table (method, path, auth, permission) as JSON.");
  bool roles_only = false;
  routes_cmd->add_flag("--roles", roles_only,
                       "Print the role table instead: each role (weakest first), its rank and "
                       "permissions.");
  auto* admin = cli.add_subcommand("admin", "Administrative commands.");
  admin->require_subcommand(1);
  auto* show_config_cmd = admin->add_subcommand(
      "show-config",
      "Print the effective configuration (secrets shown only as set/not set) and "
      "any production problems.");
  auto run_admin = cli::register_admin_commands(*admin);
  std::function<int()> run_gen_types;
  auto* gen_types_cmd = cli::register_gen_types(cli, run_gen_types);
  std::function<int()> run_personal_fields;
  auto* personal_fields_cmd = cli::register_personal_fields(cli, run_personal_fields);

  CLI11_PARSE(cli, argc, argv);
  if (*serve_cmd) return serve();
  if (*migrate_cmd) return migrate(status_only);
  if (*routes_cmd) return roles_only ? print_roles() : print_routes();
  if (*show_config_cmd) return show_config();
  if (*admin) return run_admin();
  if (*gen_types_cmd) return run_gen_types();
  if (*personal_fields_cmd) return run_personal_fields();
  return 0;
}
