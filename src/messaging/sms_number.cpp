#include "messaging/sms_number.hpp"

#include "store/org_tx.hpp"

namespace bulwark::messaging {

namespace {

constexpr store::OrgSql kSetNumber(
    "INSERT INTO org_sms_numbers (org_id, phone, updated_at, verified) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (org_id) DO UPDATE SET phone = excluded.phone, "
    "updated_at = excluded.updated_at, verified = excluded.verified");
constexpr store::OrgSql kFulfilRequests(
    "UPDATE sms_number_requests SET status = 'fulfilled', closed_at = $2 "
    "WHERE org_id = $1 AND status = 'pending'");
// The operator's list spans every organization.
constexpr store::CrossTenantSql kPendingRequests(
    "SELECT q.id, q.org_id, o.slug AS org_slug, u.email AS requested_by_email, q.area_code, "
    "q.note, q.created_at FROM sms_number_requests q JOIN orgs o ON o.id = q.org_id "
    "JOIN users u ON u.id = q.requested_by WHERE q.status = 'pending' ORDER BY q.id");

}  // namespace

void set_org_sms_number(store::Connection& conn, std::int64_t org_id, const std::string& phone,
                        std::int64_t now_ms, bool verified) {
  store::OrgTx tx(conn, org_id);
  tx.run(kSetNumber, phone, now_ms, verified);
  tx.run(kFulfilRequests, now_ms);
}

std::vector<SmsNumberRequest> pending_sms_requests(store::Database& db) {
  return store::decode_all<SmsNumberRequest>(db.query(kPendingRequests));
}

}  // namespace bulwark::messaging
