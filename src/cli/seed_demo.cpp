#include "cli/seed_demo.hpp"

#include <CLI/CLI.hpp>
#include <array>
#include <cstdio>
#include <random>

#include "audit/audit_log.hpp"
#include "cli/admin_support.hpp"
#include "cli/seed_demo_billing.hpp"
#include "cli/seed_demo_plant.hpp"
#include "cli/seed_price_book.hpp"
#include "config/config.hpp"
#include "core/org_time.hpp"
#include "crypto/random.hpp"
#include "domain/customers/repo.hpp"
#include "domain/work_orders/visit_text.hpp"
#include "identity/clock.hpp"
#include "identity/users.hpp"
#include "messaging/consent.hpp"
#include "security/passwords.hpp"
#include "store/database.hpp"
#include "store/org_tx.hpp"

namespace bulwark::cli {

namespace customers = domain::customers;

namespace {

using store::OrgSql;
using store::Value;

constexpr OrgSql kAnyCustomer("SELECT 1 FROM customers WHERE org_id = $1 LIMIT 1");
constexpr OrgSql kSmsNumber(
    "INSERT INTO org_sms_numbers (org_id, phone, updated_at) VALUES ($1, $2, $3) "
    "ON CONFLICT DO NOTHING");
constexpr OrgSql kTemplateItem(
    "INSERT INTO checklist_template_items (org_id, work_type, label, kind, unit, required, "
    "created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)");
constexpr OrgSql kNextNumber(
    "INSERT INTO org_counters (org_id, name, value) VALUES ($1, "
    "'work_order', 1001) ON CONFLICT (org_id, name) DO UPDATE SET "
    "value = org_counters.value + 1 RETURNING value");
constexpr OrgSql kWorkOrder(
    "INSERT INTO work_orders (org_id, number, title, description, type, priority, "
    "status, customer_id, site_id, assignee_id, scheduled_start, scheduled_end, due_at, "
    "estimated_hours, created_by, created_at, updated_at, completed_at, notify_customer, "
    "row_key) VALUES ($1, $2, $3, $18, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, "
    "$16, $17, 0, $19) RETURNING id");
constexpr OrgSql kHistory(
    "INSERT INTO work_order_history (org_id, work_order_id, from_status, "
    "to_status, actor_id, at) VALUES ($1, $2, NULL, $3, NULL, $4)");

constexpr std::array kFirst = {"Maria",   "James",   "Linda",  "Robert", "Patricia",
                               "Michael", "Barbara", "David",  "Susan",  "William",
                               "Karen",   "Joseph",  "Nancy",  "Thomas", "Lisa",
                               "Charles", "Betty",   "Daniel", "Sandra", "Paul"};
constexpr std::array kLast = {"Hollis",  "Okafor",   "Lindqvist", "Moreau", "Castillo",
                              "Brennan", "Nakamura", "Whitfield", "Duarte"};
constexpr std::array kRoads = {"Quarry Rd",       "Mill Creek Ln", "County Rd 12",
                               "Old Orchard Way", "Ridge View Dr", "Route 9",
                               "Cedar Hollow Rd", "Pine St"};
constexpr std::array kJobs = {"Pump 1,000-gal septic tank",
                              "Inspect septic system",
                              "Replace effluent filter",
                              "Locate and dig out lid",
                              "Emergency backup: sewage in basement",
                              "Jet drain line",
                              "Pump grease trap",
                              "Replace lift-station pump float"};
constexpr std::array kAccessNotes = {
    "Tank lid under the birdbath, left of the driveway", "Dog in the back yard: call ahead",
    "Park on the street; the drive is soft after rain", "Side gate; the lids are by the shed"};

// What a county inspector asks of a pump-out and of an inspection: the
// checklist each new work order of that type starts with.
struct DemoTemplateItem {
  const char* work_type;
  const char* label;
  const char* kind;
  const char* unit;
  bool required;
};
constexpr std::array kTemplate = {
    DemoTemplateItem{"preventive", "Gallons pumped", "number", "gallons", true},
    DemoTemplateItem{"preventive", "Baffles and tees intact", "pass_fail", "", true},
    DemoTemplateItem{"preventive", "Effluent filter cleaned", "checkbox", "", false},
    DemoTemplateItem{"preventive", "Photo of the open tank", "photo", "", false},
    DemoTemplateItem{"preventive", "Customer signature", "signature", "", true},
    DemoTemplateItem{"inspection", "Sludge depth", "number", "inches", true},
    DemoTemplateItem{"inspection", "Drain field", "pass_fail", "", true},
    DemoTemplateItem{"inspection", "Findings", "text", "", false},
};

constexpr std::array kTypes = {"preventive", "inspection", "preventive", "corrective",
                               "emergency",  "corrective", "preventive", "corrective"};

struct Counts {
  int customers = 200;
  int work_orders = 1000;
};

int seed(const std::string& slug, const Counts& counts) {
  auto loaded = config::load_from_process_environment();
  if (!loaded) {
    std::fprintf(stderr, "bulwark admin seed-demo: the configuration is invalid\n");
    return 2;
  }
  const auto& c = *loaded;
  store::DatabaseOptions o;
  o.url = c.effective_database_url();
  o.pool_size = 2;
  auto db = store::open_database(o);
  store::migrate(*db);
  admin::attach_key_ring_if_configured(c, *db);

  auto org = identity::find_org_by_slug(*db, slug);
  if (!org) {
    db->transaction([&](store::Connection& conn) {
      org = identity::create_org(conn, slug, "Demo Septic Co.");
    });
    std::printf("created organization %s\n", slug.c_str());
  }
  if (!store::read_org(*db, org->id, [](store::OrgTx& tx) {
         return tx.run(kAnyCustomer);
       }).empty()) {
    std::printf("organization %s already has customers; nothing seeded\n", slug.c_str());
    return 0;
  }

  // People: one dispatcher and three technicians, passwords printed once.
  struct Person {
    const char* email;
    const char* name;
    security::Role role;
  };
  // Emails are unique across organizations: the slug keeps each demo's apart.
  const std::string domain = "@" + slug + ".example";
  const std::array people = {Person{"dispatch", "Dana Dispatch", security::Role::dispatcher},
                             Person{"tech1", "Tomas Reyes", security::Role::technician},
                             Person{"tech2", "Priya Shah", security::Role::technician},
                             Person{"tech3", "Hank Miller", security::Role::technician}};
  std::vector<std::int64_t> techs;
  std::vector<std::pair<std::string, std::string>> logins;
  std::fprintf(stderr, "creating 4 users (bcrypt, about a second)...\n");
  for (const auto& p : people) {
    const std::string email = p.email + domain;
    if (auto existing = identity::find_user_by_email(*db, org->id, email)) {
      if (p.role == security::Role::technician) techs.push_back(existing->id);
      continue;
    }
    const auto password = crypto::random_token(15);
    const auto hash = security::hash_password(password, c.bcrypt_cost);
    db->transaction([&](store::Connection& conn) {
      auto u = identity::create_user(conn, org->id, email, p.name, p.role, hash);
      if (p.role == security::Role::technician) techs.push_back(u.id);
    });
    logins.emplace_back(email, password);
  }

  std::mt19937 rng(20261123);
  auto pick = [&](auto& list) { return list[rng() % list.size()]; };
  const auto now = identity::now_ms();
  constexpr std::int64_t kDay = 86'400'000;

  int invoiced = 0;
  store::in_org(*db, org->id, [&](store::OrgTx& tx) {
    // A fictional SMS number, so messages queue with a reason an admin can
    // act on (configure Twilio) instead of "no number".
    tx.run(kSmsNumber, "+1555" + std::to_string(1000000 + org->id % 1000000).substr(0, 7), now);
    std::vector<std::pair<std::int64_t, std::int64_t>> customer_sites;
    for (int i = 0; i < counts.customers; ++i) {
      const std::string name = std::string(pick(kFirst)) + " " + pick(kLast);
      // 555-01xx numbers are reserved for fiction; the area code varies.
      char phone[32];
      std::snprintf(phone, sizeof phone, "+1%03d55501%02d", 201 + i / 100, i % 100);
      const std::string address = std::to_string(100 + rng() % 9000) + " " + pick(kRoads);
      // Through the repository: the personal fields are sealed, indexed and
      // tokenised like any customer's.
      customers::NewCustomer c;
      c.name.value = name;
      c.phone = resource::Phone{phone};
      c.email = resource::Email{"customer" + std::to_string(i) + domain};
      c.billing_address.emplace().value = address;
      c.sms_opt_out = i % 17 == 0;
      const auto customer = customers::repo::insert(tx, c, now - 400 * kDay);
      customers::NewSite site;
      site.name.value = "Home: 1,000-gal tank";
      site.address.value = address;
      site.access_notes.emplace().value = kAccessNotes[i % kAccessNotes.size()];
      site.gate_code.emplace().value = std::to_string(1000 + rng() % 9000);
      customer_sites.emplace_back(
          customer, customers::repo::insert_site(tx, customer, site, now - 400 * kDay).id);
      // The demo's opted-out customers: consent belongs to the number.
      if (i % 17 == 0)
        messaging::record_office_choice(tx.connection(), org->id, phone, true, now - 400 * kDay);
      if ((i + 1) % std::max(50, counts.customers / 10) == 0)
        std::fprintf(stderr, "customers: %d/%d\n", i + 1, counts.customers);
    }
    for (const auto& t : kTemplate)
      tx.run(kTemplateItem, std::string(t.work_type), std::string(t.label), std::string(t.kind),
             std::string(t.unit), std::int64_t{t.required ? 1 : 0}, now);
    const auto book = seed_price_book(tx, now - 400 * kDay);
    for (int i = 0; i < counts.work_orders; ++i) {
      const auto [customer, site] = pick(customer_sites);
      // Spread over the past year and the next two weeks. Demo work never
      // texts anyone (notify_customer 0): the numbers are fictional, and the
      // reminder worker would otherwise text the next day's visits.
      // Visits start on the hour between 08:00 and 16:00 in the organization's zone.
      const auto day =
          core::local_date(org->time_zone, now - 365 * kDay + std::int64_t(rng() % 379) * kDay);
      const std::int64_t start =
          core::local_to_utc(org->time_zone, day, 8 + static_cast<int>(rng() % 9), 0);
      const bool past = start < now - kDay;
      const bool future = start > now;
      const char* status = past     ? (rng() % 10 == 0 ? "cancelled"
                                       : rng() % 3     ? "closed"
                                                       : "completed")
                           : future ? (rng() % 4 ? "scheduled" : "open")
                                    : (rng() % 2 ? "in_progress" : "scheduled");
      const auto job = rng() % kJobs.size();
      auto n = tx.run(kNextNumber);
      const bool assigned = std::string_view(status) != "open";
      const bool done =
          std::string_view(status) == "closed" || std::string_view(status) == "completed";
      // Drawn in this order (arguments of a call have none): the same demo as before.
      const std::string priority =
          std::array{"low", "medium", "medium", "high", "urgent"}[rng() % 5];
      const Value assignee = assigned ? Value(techs.at(rng() % techs.size())) : Value(nullptr);
      const auto description = domain::work_orders::seal_new(tx, "work_orders", "description", "");
      auto r =
          tx.run(kWorkOrder, n.rows.at(0).integer(0), std::string(kJobs[job]),
                 std::string(kTypes[job]), priority, std::string(status), customer, site, assignee,
                 start, start + 2 * 3'600'000, start + 3 * kDay, 2.0, std::int64_t{0},
                 start - 5 * kDay, start, done ? Value(start + 2 * 3'600'000) : Value(nullptr),
                 description.text, description.row_key);
      tx.run(kHistory, r.rows.at(0).integer(0), std::string(status), start);
      // Line items from the book (a draw of its own: the demo's work stays as before).
      if (assigned)
        seed_line_items(tx, book, r.rows.at(0).integer(0), job,
                        static_cast<std::uint32_t>(i * 2654435761U), techs.front(), start);
      if ((i + 1) % std::max(250, counts.work_orders / 20) == 0)
        std::fprintf(stderr, "work orders: %d/%d\n", i + 1, counts.work_orders);
    }
    seed_demo_plant(tx, now, techs.front());  // after the random draws: the same demo as before
    std::fprintf(stderr, "invoicing the last four months' work...\n");
    invoiced = seed_demo_invoices(tx, org->time_zone, now);
    audit::Entry e;
    e.org_id = org->id;
    e.actor_type = "cli";
    e.action = "demo.seeded";
    e.target_type = "org";
    e.target_id = std::to_string(org->id);
    e.ip = "local";
    audit::append(tx.connection(), e);
  });
  const int requested = seed_demo_requests(*db, org->id, now);
  std::printf(
      "seeded %d customers with sites, %d work orders, %d invoices and %d work requests in %s\n",
      counts.customers, counts.work_orders, invoiced, requested, slug.c_str());
  for (const auto& [email, password] : logins)
    std::printf("  %-24s password (shown once): %s\n", email.c_str(), password.c_str());
  return 0;
}

}  // namespace

void register_seed_demo(CLI::App& admin, std::function<int()>& chosen) {
  auto slug = std::make_shared<std::string>("demo");
  auto counts = std::make_shared<Counts>();
  auto* cmd = admin.add_subcommand(
      "seed-demo",
      "Fill an organization with a demo septic-service company: a dispatcher, three "
      "technicians, 200 customers with sites, 1,000 work orders over the past year. "
      "Does nothing if the organization already has customers.");
  cmd->add_option("--org", *slug, "Organization slug (created if missing)")->capture_default_str();
  cmd->add_option("--customers", counts->customers, "How many customers")
      ->check(CLI::Range(1, 1'000'000))
      ->capture_default_str();
  cmd->add_option("--work-orders", counts->work_orders, "How many work orders")
      ->check(CLI::Range(0, 10'000'000))
      ->capture_default_str();
  cmd->callback([&chosen, slug, counts] {
    chosen = [slug, counts] {
      try {
        return seed(*slug, *counts);
      } catch (const std::exception& e) {
        std::fprintf(stderr, "bulwark admin seed-demo: failed: %s\n", e.what());
        return 1;
      }
    };
  });
}

}  // namespace bulwark::cli
