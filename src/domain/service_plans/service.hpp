#pragma once
// The rules of service plans and marketing consent (issue 14 item 8). The
// office (owner, admin, dispatcher) keeps the plans; the reminders are sent
// by reminders.hpp from the SMS worker.
#include <optional>
#include <string>
#include <string_view>

#include "audit/actor.hpp"
#include "core/error.hpp"
#include "core/expected.hpp"
#include "domain/service_plans/model.hpp"
#include "resource/page.hpp"
#include "resource/read.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::service_plans {

template <class T>
using Outcome = Expected<T, ApiError>;
template <class T>
using Checked = Expected<const resource::Read<T>*, ApiError>;

struct PlanQuery {
  std::optional<std::int64_t> due_within_days;  // due on or before today + N (overdue included)
  std::optional<std::int64_t> site_id, customer_id;
};

// Soonest due first, with the customer's and site's names.
Outcome<resource::Items<ServicePlanView>> list(store::OrgTx& tx, const PlanQuery& q,
                                               std::int64_t now);
Outcome<ServicePlanView> get(store::OrgTx& tx, std::int64_t id, std::int64_t now);
// 404 for another organization's site; 422 for a date that is not a date.
Outcome<ServicePlanView> create(store::OrgTx& tx, const audit::Actor& by,
                                const Checked<NewServicePlan>& in, std::int64_t now);
Outcome<ServicePlanView> change(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                                const Checked<ServicePlanChange>& in, std::int64_t now);
// The visit was done: next due `interval_months` after that day.
Outcome<ServicePlanView> serviced(store::OrgTx& tx, const audit::Actor& by, std::int64_t id,
                                  const Checked<ServicedOn>& in, std::int64_t now);

Outcome<MarketingConsent> marketing_consent(store::OrgTx& tx, std::int64_t customer_id);
Outcome<MarketingConsent> record_marketing_consent(store::OrgTx& tx, const audit::Actor& by,
                                                   std::int64_t customer_id,
                                                   const Checked<MarketingConsentChange>& in,
                                                   std::int64_t now);

}  // namespace bulwark::domain::service_plans
