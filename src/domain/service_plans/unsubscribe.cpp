#include "domain/service_plans/unsubscribe.hpp"

#include <boost/describe/class.hpp>

namespace bulwark::domain::service_plans {

namespace {

using store::OrgSql;

constexpr OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");
constexpr OrgSql kCustomer(
    "SELECT id FROM customers WHERE org_id = $1 AND id = $2 AND deleted_at IS NULL");
constexpr OrgSql kLatestEmail(
    "SELECT granted FROM marketing_consent WHERE org_id = $1 AND customer_id = $2 AND "
    "channel = 'email' ORDER BY id DESC LIMIT 1");
constexpr OrgSql kWithdraw(
    "INSERT INTO marketing_consent (org_id, customer_id, channel, granted, source, recorded_by, "
    "recorded_at) VALUES ($1, $2, 'email', 0, $3, NULL, $4)");

struct NameRow {
  std::string name;
};
BOOST_DESCRIBE_STRUCT(NameRow, (), (name))
struct IdRow {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(IdRow, (), (id))
struct GrantedRow {
  std::int64_t granted = 0;
};
BOOST_DESCRIBE_STRUCT(GrantedRow, (), (granted))

}  // namespace

Expected<UnsubscribeView, ApiError> unsubscribe_state(store::OrgTx& tx,
                                                      const links::ResolvedLink& link) {
  if (link.purpose != links::Purpose::unsubscribe || !tx.one<IdRow>(kCustomer, link.subject_id))
    return unexpected(links::link_not_found());
  const auto latest = tx.one<GrantedRow>(kLatestEmail, link.subject_id);
  return UnsubscribeView{tx.one<NameRow>(kOrgName).value().name, latest && latest->granted != 0};
}

Expected<UnsubscribeView, ApiError> unsubscribe(store::OrgTx& tx, const links::ResolvedLink& link,
                                                const audit::Actor& by, std::int64_t now) {
  auto state = unsubscribe_state(tx, link);
  if (!state || !state->subscribed) return state;  // nothing to withdraw: the same answer
  tx.run(kWithdraw, link.subject_id, std::string(kUnsubscribeSource), now);
  by.record(tx.connection(), "marketing_consent.revoked", "customer", link.subject_id, {"email"});
  state->subscribed = false;
  return state;
}

}  // namespace bulwark::domain::service_plans
