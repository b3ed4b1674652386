// What the technician needs at the gate, beside a work order: the site and
// its address, the asset, the customer's phone and whether a visit text
// would reach them. The site's access notes (gate codes) go to the office
// only; everyone else is told they exist (access_hidden), and the assigned
// technician reveals them through POST /sites/{id}/access/reveal, audited.
// And the rule of a work order's asset: same organization, same site.
#include "domain/work_orders/repo.hpp"
#include "domain/work_orders/service.hpp"
#include "messaging/consent.hpp"

namespace bulwark::domain::work_orders {

namespace {

constexpr store::OrgSql kPlanTitle("SELECT title FROM service_plans WHERE org_id = $1 AND id = $2");

}  // namespace

bool sees_access_notes(security::Role role) {
  return security::role_rank(role) >= security::role_rank(security::Role::dispatcher);
}

void add_field_facts(store::OrgTx& tx, security::Role role, WorkOrderView& v) {
  auto f = repo::field_facts(tx, v.id);
  if (!f) return;
  v.site_name = std::move(f->site_name);
  v.site_address = std::move(f->site_address);
  v.asset_name = std::move(f->asset_name);
  v.customer_phone = f->customer_phone;
  const auto notes = f->access_notes.value_or("");
  // The gate code is kept like the notes: the office reads both here.
  const auto gate_code = f->gate_code.value_or("");
  if (sees_access_notes(role) && v.site_id) {
    v.access_notes = notes;
    v.gate_code = gate_code;
  } else {
    v.access_hidden = !notes.empty() || !gate_code.empty();
  }
  // The same checks the outbox makes before it queues a visit text.
  if (!v.notify_customer)
    v.customer_text_blocker = "not_notified";
  else if (!f->customer_phone || f->customer_phone->empty())
    v.customer_text_blocker = "no_phone";
  else if (!messaging::may_text(tx.connection(), tx.org_id(), *f->customer_phone,
                                f->customer_sms_opt_out.value_or(false)))
    v.customer_text_blocker = "customer_opted_out";
  v.customer_textable = !v.customer_text_blocker;
  if (v.service_plan_id)
    if (auto r = tx.run(kPlanTitle, *v.service_plan_id); !r.empty())
      v.service_plan_title = r.rows[0].text(0);
}

void add_field_facts(store::OrgTx& tx, MyDayItem& item) {
  auto f = repo::field_facts(tx, item.id);
  if (!f) return;
  item.site_id = f->site_id;
  item.asset_id = f->asset_id;
  item.site_name = std::move(f->site_name);
  item.asset_name = std::move(f->asset_name);
  item.customer_phone = std::move(f->customer_phone);
  item.access_hidden = !f->access_notes.value_or("").empty() || !f->gate_code.value_or("").empty();
}

void check_asset(store::OrgTx& tx, std::optional<std::int64_t> site,
                 std::optional<std::int64_t> asset, resource::Problems& problems) {
  if (!asset) return;
  const auto asset_site = repo::asset_site(tx, *asset);
  if (!asset_site)
    problems.emplace("asset_id", "does not exist");
  else if (!site)
    problems.emplace("asset_id", "needs the work order's site: set site_id to the asset's site");
  else if (*asset_site != *site)
    problems.emplace("asset_id", "is not at the work order's site");
}

}  // namespace bulwark::domain::work_orders
