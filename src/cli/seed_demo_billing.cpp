#include "cli/seed_demo_billing.hpp"

#include <array>
#include <boost/describe/class.hpp>
#include <cstdio>

#include "core/org_time.hpp"
#include "domain/invoices/editing.hpp"
#include "domain/invoices/manual_payments.hpp"
#include "domain/invoices/service.hpp"
#include "domain/requests/public_form.hpp"
#include "domain/requests/request_links.hpp"

namespace bulwark::cli {

namespace invoices = domain::invoices;
namespace requests = domain::requests;

namespace {

using store::OrgSql;
constexpr std::int64_t kDay = 86'400'000;

// The last four months' finished work that has something to bill (line items
// from the book; demo jobs log no time), oldest first so that invoice numbers
// run with time.
constexpr OrgSql kRecentlyDone(
    "SELECT w.id, w.completed_at FROM work_orders w WHERE w.org_id = $1 "
    "AND w.status IN ('completed', 'closed') AND w.completed_at >= $2 AND w.completed_at < $3 "
    "AND EXISTS (SELECT 1 FROM work_order_parts p WHERE p.org_id = $1 "
    "AND p.work_order_id = w.id AND p.unit_cost_cents > 0) "
    "ORDER BY w.completed_at, w.id LIMIT 400");
struct Done {
  std::int64_t id = 0;
  std::int64_t completed_at = 0;
};
BOOST_DESCRIBE_STRUCT(Done, (), (id, completed_at))

constexpr OrgSql kMachines(
    "SELECT a.id AS value FROM assets a WHERE a.org_id = $1 AND a.name IN ('Filler 1', "
    "'Conveyor 3') ORDER BY a.id");
struct Id {
  std::int64_t value = 0;
};
BOOST_DESCRIBE_STRUCT(Id, (), (value))

// "2026-11-05": the organization's local date, as the API's Date fields take it.
std::string iso_day(const std::string& zone, std::int64_t ms) {
  return core::iso_date(core::local_date(zone, ms));
}

audit::Actor demo_actor(std::int64_t org) {
  audit::Actor a;
  a.org_id = org;
  a.type = "cli";
  a.ip = "local";
  return a;
}

// Read<T> as the API would hand it to a service: the value and the names of
// the fields that were sent.
template <class T>
resource::Read<T> sent(T value, std::vector<std::string> present) {
  return resource::Read<T>{std::move(value), std::move(present)};
}

}  // namespace

int seed_demo_invoices(store::OrgTx& tx, const std::string& zone, std::int64_t now) {
  const auto by = demo_actor(tx.org_id());
  int made = 0;
  int i = 0;
  for (const auto& wo : tx.all<Done>(kRecentlyDone, now - 120 * kDay, now - kDay)) {
    const auto invoiced_at = wo.completed_at + 2 * 3'600'000;
    auto inv = invoices::create_from_work_order(tx, by, wo.id, invoiced_at);
    if (!inv || inv->total_cents == 0) continue;
    // Net 30 from the day of the visit, in the organization's zone.
    invoices::InvoiceChange terms;
    terms.terms.set(resource::Text<4000, 0>{"Net 30. Thank you for your business."});
    terms.due_on.set(resource::Date{iso_day(zone, wo.completed_at + 30 * kDay)});
    terms.version.value = inv->version;
    const auto change = sent(terms, {"terms", "due_on", "version"});
    inv = invoices::edit(tx, by, inv->id, &change, invoiced_at);
    if (!inv) continue;
    const auto open = sent(invoices::StatusChange{{"open"}, {inv->version}}, {"to", "version"});
    inv = invoices::change_status(tx, by, inv->id, &open, invoiced_at);
    if (!inv) continue;
    ++made;
    // Of the last seven weeks' invoices, seven in ten are paid in full, one
    // partly and two not yet (the older of those are past due); older work is
    // paid, but for the odd customer who never pays (the first invoice among
    // them, 90+ days past due).
    const int kind = i++ % 10;
    const bool recent = wo.completed_at > now - 50 * kDay;
    if ((kind >= 8 && recent) || i % 29 == 1) continue;
    const auto paid_at = std::min(now - kDay, wo.completed_at + (3 + (i * 7) % 25) * kDay);
    invoices::ManualPayment p;
    static constexpr std::array kMethods = {"check", "cash", "card_external"};
    p.method.value = kMethods[static_cast<std::size_t>(i) % kMethods.size()];
    p.amount_cents.value = kind == 7 && recent ? inv->balance_cents / 2 : inv->balance_cents;
    if (p.amount_cents.value <= 0) continue;
    if (p.method.value == "check")
      p.reference.emplace().value = "Check #" + std::to_string(1040 + i);
    p.received_on.emplace().value = iso_day(zone, paid_at);
    std::vector<std::string> fields{"method", "amount_cents", "received_on"};
    if (p.reference) fields.emplace_back("reference");
    const auto payment = sent(p, fields);
    (void)invoices::record_manual_payment(tx, by, inv->id, &payment, paid_at);
  }
  return made;
}

int seed_demo_requests(store::Database& db, std::int64_t org_id, std::int64_t now) {
  const auto by = demo_actor(org_id);
  // The office prints labels for two machines: a link each.
  std::vector<std::string> tokens;
  store::in_org(db, org_id, [&](store::OrgTx& tx) {
    for (const auto& machine : tx.all<Id>(kMachines)) {
      requests::LinkSubject of;
      of.asset_id = machine.value;
      if (auto link = requests::rotate_link(tx, by, of, "", now - 20 * kDay))
        tokens.push_back(link->url.substr(link->url.rfind('/') + 1));
    }
  });
  struct Report {
    const char* name;
    const char* phone;
    const char* text;
    std::int64_t ago;
  };
  static constexpr std::array kReports = {
      Report{"Luis Ortega", "+15555550142",
             "Filler 1 is dripping at nozzle 4 and the floor is wet. Started this morning.",
             3 * 3'600'000},
      Report{"Kim Park", "",
             "Conveyor 3 squeals when it starts up, and the belt looks like it is slipping.",
             26 * 3'600'000},
  };
  int filed = 0;
  static constexpr std::array kRequestLinks = {domain::links::Purpose::request};
  for (std::size_t k = 0; k < tokens.size() && k < kReports.size(); ++k) {
    const auto& r = kReports[k];
    auto link = domain::links::resolve(db, tokens[k], kRequestLinks, now);
    if (!link) continue;
    requests::NewRequest in;
    in.token.value = tokens[k];
    in.name.value = r.name;
    if (*r.phone) in.phone = resource::Phone{r.phone};
    in.description.value = r.text;
    const bool ok = store::in_org(db, org_id, [&](store::OrgTx& tx) {
      return requests::file_request(tx, *link, by, in, now - r.ago).has_value();
    });
    filed += ok ? 1 : 0;
  }
  return filed;
}

}  // namespace bulwark::cli
