#include "messaging/sms_number.hpp"

namespace bulwark::messaging {

void set_org_sms_number(store::Connection& conn, std::int64_t org_id, const std::string& phone,
                        std::int64_t now_ms) {
  conn.query(store::Sql("INSERT INTO org_sms_numbers (org_id, phone, updated_at) VALUES ($1, $2, $3) "
                        "ON CONFLICT (org_id) DO UPDATE SET phone = excluded.phone, "
                        "updated_at = excluded.updated_at"),
             {org_id, phone, now_ms});
}

}  // namespace bulwark::messaging
