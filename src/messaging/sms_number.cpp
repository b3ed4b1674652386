#include "messaging/sms_number.hpp"

namespace bulwark::messaging {

using store::Sql;

void set_org_sms_number(store::Connection& conn, std::int64_t org_id, const std::string& phone,
                        std::int64_t now_ms, bool verified) {
  conn.query(Sql("INSERT INTO org_sms_numbers (org_id, phone, updated_at, verified) "
                 "VALUES ($1, $2, $3, $4) "
                 "ON CONFLICT (org_id) DO UPDATE SET phone = excluded.phone, "
                 "updated_at = excluded.updated_at, verified = excluded.verified"),
             {org_id, phone, now_ms, std::int64_t{verified ? 1 : 0}});
  conn.query(Sql("UPDATE sms_number_requests SET status = 'fulfilled', closed_at = $2 "
                 "WHERE org_id = $1 AND status = 'pending'"),
             {org_id, now_ms});
}

std::int64_t request_sms_number(store::Connection& conn, std::int64_t org_id,
                                std::int64_t user_id, const std::string& area_code,
                                const std::string& note, std::int64_t now_ms) {
  auto pending = conn.query(
      Sql("UPDATE sms_number_requests SET area_code = $2, note = $3, requested_by = $4, "
          "created_at = $5 WHERE org_id = $1 AND status = 'pending' RETURNING id"),
      {org_id, area_code, note, user_id, now_ms});
  if (!pending.empty()) return pending.rows[0].integer(0);
  return conn
      .query(Sql("INSERT INTO sms_number_requests (org_id, requested_by, area_code, note, status, "
                 "created_at) VALUES ($1, $2, $3, $4, 'pending', $5) RETURNING id"),
             {org_id, user_id, area_code, note, now_ms})
      .rows[0]
      .integer(0);
}

namespace {

SmsNumberRequest request_from(const store::Row& r) {
  return {r.integer(0), r.integer(1), r.text(2), r.text(3), r.text(4), r.text(5), r.integer(6)};
}

}  // namespace

std::optional<SmsNumberRequest> pending_sms_request(store::Connection& conn, std::int64_t org_id) {
  auto r = conn.query(Sql("SELECT q.id, q.org_id, o.slug, u.email, q.area_code, q.note, q.created_at "
                          "FROM sms_number_requests q JOIN orgs o ON o.id = q.org_id "
                          "JOIN users u ON u.id = q.requested_by "
                          "WHERE q.org_id = $1 AND q.status = 'pending'"),
                      {org_id});
  if (r.empty()) return std::nullopt;
  return request_from(r.rows[0]);
}

std::vector<SmsNumberRequest> pending_sms_requests(store::Database& db) {
  std::vector<SmsNumberRequest> out;
  for (const auto& r :
       db.query(Sql("SELECT q.id, q.org_id, o.slug, u.email, q.area_code, q.note, q.created_at "
                    "FROM sms_number_requests q JOIN orgs o ON o.id = q.org_id "
                    "JOIN users u ON u.id = q.requested_by "
                    "WHERE q.status = 'pending' ORDER BY q.id"))
           .rows)
    out.push_back(request_from(r));
  return out;
}

}  // namespace bulwark::messaging
