// Tenant isolation: must NOT compile. A tenant table read without org_id = $1.
#include "store/sql.hpp"

constexpr bulwark::store::OrgSql kQuery("SELECT id, name FROM customers WHERE id = $2");
