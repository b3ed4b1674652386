// Tenant isolation: must NOT compile. org_id = $1 under a top-level OR scopes nothing.
#include "store/sql.hpp"

constexpr bulwark::store::OrgSql kQuery(
    "SELECT id FROM work_orders w WHERE w.org_id = $1 OR w.id = $2");
