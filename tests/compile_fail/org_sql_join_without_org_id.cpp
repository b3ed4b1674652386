// Tenant isolation: must NOT compile. The joined tenant table is not scoped.
#include "store/sql.hpp"

constexpr bulwark::store::OrgSql kQuery(
    "SELECT w.id, c.name FROM work_orders w JOIN customers c ON c.id = w.customer_id "
    "WHERE w.org_id = $1");
