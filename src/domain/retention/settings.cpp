#include "domain/retention/settings.hpp"

#include <boost/describe/class.hpp>
#include <string>
#include <vector>

namespace bulwark::domain::retention {

namespace {

using store::OrgSql;

constexpr OrgSql kRead(
    "SELECT customer_retention_years, invoice_retention_years, audit_retention_years "
    "FROM orgs WHERE id = $1");
constexpr OrgSql kWrite(
    "UPDATE orgs SET customer_retention_years = $2, invoice_retention_years = $3, "
    "audit_retention_years = $4 WHERE id = $1");

}  // namespace

RetentionSettings settings(store::OrgTx& tx) {
  return tx.one<RetentionSettings>(kRead).value_or(RetentionSettings{});
}

Expected<RetentionSettings, ApiError> change_settings(store::OrgTx& tx, const audit::Actor& by,
                                                      const RetentionChange& in) {
  auto s = settings(tx);
  std::vector<std::string> changed;
  const auto apply = [&](const std::optional<Years>& next, std::int64_t& current,
                         const char* name) {
    if (next && next->value != current) {
      current = next->value;
      changed.emplace_back(name);
    }
  };
  apply(in.customer_retention_years, s.customer_retention_years, "customer_retention_years");
  apply(in.invoice_retention_years, s.invoice_retention_years, "invoice_retention_years");
  apply(in.audit_retention_years, s.audit_retention_years, "audit_retention_years");
  if (!changed.empty()) {
    tx.run(kWrite, s.customer_retention_years, s.invoice_retention_years, s.audit_retention_years);
    by.record(tx.connection(), "org.retention_changed", "org", tx.org_id(), changed);
  }
  return s;
}

}  // namespace bulwark::domain::retention
