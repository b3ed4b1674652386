// Tenant isolation: must NOT compile. An INSERT into a tenant table without org_id first.
#include "store/sql.hpp"

constexpr bulwark::store::OrgSql kQuery("INSERT INTO sites (name, address) VALUES ($2, $3)");
