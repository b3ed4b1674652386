#include "domain/users/own_sessions.hpp"

#include <boost/describe/class.hpp>

namespace bulwark::domain::users {

namespace {

using store::OrgSql;

constexpr OrgSql kList(
    "SELECT id, device, client_ip, created_at, last_seen_at, expires_at FROM sessions "
    "WHERE org_id = $1 AND user_id = $2 AND expires_at > $3 ORDER BY created_at DESC, id DESC "
    "LIMIT 100");
constexpr OrgSql kDeleteOwn("DELETE FROM sessions WHERE org_id = $1 AND user_id = $2 AND id = $3");
constexpr OrgSql kDeleteOthers(
    "DELETE FROM sessions WHERE org_id = $1 AND user_id = $2 AND id <> $3");

struct Row {
  std::int64_t id = 0;
  std::string device, client_ip;
  std::int64_t created_at = 0, last_seen_at = 0, expires_at = 0;
};
BOOST_DESCRIBE_STRUCT(Row, (), (id, device, client_ip, created_at, last_seen_at, expires_at))

}  // namespace

resource::Items<OwnSession> own_sessions(store::OrgTx& tx, const Me& me, std::int64_t now_ms) {
  resource::Items<OwnSession> out;
  for (auto& r : tx.all<Row>(kList, me.user_id, now_ms))
    out.items.push_back({r.id,
                         r.id == me.session_id,
                         std::move(r.device),
                         std::move(r.client_ip),
                         {r.created_at},
                         {r.last_seen_at},
                         {r.expires_at}});
  return out;
}

Expected<void, ApiError> end_own_session(store::OrgTx& tx, const audit::Actor& by, const Me& me,
                                         std::int64_t session_id) {
  if (tx.run(kDeleteOwn, me.user_id, session_id).affected == 0)
    return unexpected(ApiError(ErrorCode::not_found, "no such session"));
  by.record(tx.connection(), "auth.session_ended", "session", session_id);
  return {};
}

SessionsEnded end_other_sessions(store::OrgTx& tx, const audit::Actor& by, const Me& me) {
  const auto ended = tx.run(kDeleteOthers, me.user_id, me.session_id).affected;
  by.record(tx.connection(), "auth.other_sessions_ended", "user", me.user_id);
  return {ended};
}

}  // namespace bulwark::domain::users
