// The positive control: each shape, scoped as the rule says, compiles.
#include "store/sql.hpp"

constexpr bulwark::store::OrgSql kSelect(
    "SELECT w.id, c.name FROM work_orders w LEFT JOIN customers c ON c.org_id = $1 AND "
    "c.id = w.customer_id WHERE w.org_id = $1 AND (w.status = $2 OR w.status = $3)");
constexpr bulwark::store::OrgSql kInsert(
    "INSERT INTO sites (org_id, name, address) VALUES ($1, $2, $3) RETURNING id");
constexpr bulwark::store::OrgSql kUpdate(
    "UPDATE customers SET name = $3 WHERE org_id = $1 AND id = $2");
constexpr bulwark::store::OrgSql kSubquery(
    "DELETE FROM work_order_parts WHERE org_id = $1 AND work_order_id IN "
    "(SELECT id FROM work_orders WHERE org_id = $1 AND id = $2)");
