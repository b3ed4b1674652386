#include "domain/links/tokens.hpp"

#include <array>

#include "crypto/random.hpp"

namespace bulwark::domain::links {

using store::CrossTenantSql;
using store::OrgSql;

namespace {

constexpr std::size_t kTokenBytes = 32;  // 256 bits
constexpr std::size_t kTokenChars = 43;  // base64url of 32 bytes, unpadded

constexpr std::array<std::string_view, 7> kPurposeNames{
    "appointment", "invoice", "report", "invitation", "password_reset", "request", "unsubscribe"};

constexpr OrgSql kInsert(
    "INSERT INTO link_tokens (org_id, token_hash, purpose, subject_id, work_order_id, "
    "created_by, created_at, expires_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING id");
// A link names its organization before anything else does (like a session
// cookie): the one cross-tenant read, by the token's hash.
constexpr CrossTenantSql kByHash(
    "SELECT id, org_id, token_hash, purpose, subject_id, work_order_id, expires_at, revoked_at, "
    "used_at FROM link_tokens WHERE token_hash = $1");
constexpr OrgSql kMarkUsed(
    "UPDATE link_tokens SET used_at = $3 WHERE org_id = $1 AND id = $2 AND used_at IS NULL");
constexpr OrgSql kRevoke(
    "UPDATE link_tokens SET revoked_at = $3, revoked_by = $4 WHERE org_id = $1 AND id = $2 "
    "AND revoked_at IS NULL");
#define LINK_SELECT                                                                      \
  "SELECT l.id, l.purpose, l.subject_id, l.work_order_id, l.created_by, l.created_at, "  \
  "l.expires_at, l.revoked_at, l.used_at, u.name AS created_by_name FROM link_tokens l " \
  "LEFT JOIN users u ON u.org_id = $1 AND u.id = l.created_by "
constexpr OrgSql kOfWorkOrder(LINK_SELECT
                              "WHERE l.org_id = $1 AND l.work_order_id = $2 ORDER BY l.id DESC");
constexpr OrgSql kFind(LINK_SELECT "WHERE l.org_id = $1 AND l.id = $2");
#undef LINK_SELECT

struct Returned {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(Returned, (), (id))

// The URL-safe alphabet only, and exactly the length we issue: anything
// else cannot be ours and costs no database read.
bool well_formed(std::string_view token) {
  if (token.size() != kTokenChars) return false;
  for (char c : token) {
    const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                    c == '-' || c == '_';
    if (!ok) return false;
  }
  return true;
}

}  // namespace

std::string_view purpose_name(Purpose p) { return kPurposeNames.at(static_cast<std::size_t>(p)); }

std::optional<Purpose> parse_purpose(std::string_view name) {
  for (std::size_t i = 0; i < kPurposeNames.size(); ++i)
    if (kPurposeNames[i] == name) return static_cast<Purpose>(i);
  return std::nullopt;
}

ApiError link_not_found() {
  return ApiError(ErrorCode::not_found, "this link is not valid: it may have expired",
                  "link_not_found");
}

IssuedLink issue(store::OrgTx& tx, const NewLink& link, std::int64_t now) {
  IssuedLink out;
  out.token = crypto::random_token(kTokenBytes);
  out.expires_at = now + link.ttl.count();
  out.id = tx.one<Returned>(kInsert, crypto::sha256_hex(out.token),
                            std::string(purpose_name(link.purpose)), link.subject_id,
                            link.work_order_id, link.created_by, now, out.expires_at)
               .value()
               .id;
  return out;
}

Expected<ResolvedLink, ApiError> resolve(store::Database& db, std::string_view token,
                                         std::span<const Purpose> allowed, std::int64_t now) {
  if (!well_formed(token)) return unexpected(link_not_found());
  const auto hash = crypto::sha256_hex(token);
  auto r = db.query(kByHash, {hash});
  if (r.empty()) return unexpected(link_not_found());
  const auto& row = r.rows[0];
  // The index found the row by equality; compare once more in constant time
  // so that no answer depends on how much of a guessed hash matched.
  if (!crypto::constant_time_equal(row.text(2), hash)) return unexpected(link_not_found());
  const auto purpose = parse_purpose(row.text(3));
  bool permitted = false;
  for (auto p : allowed) permitted = permitted || (purpose && *purpose == p);
  if (!permitted || now >= row.integer(6) || row.optional_integer(7))
    return unexpected(link_not_found());
  return ResolvedLink{row.integer(0),         row.integer(1),          *purpose,
                      row.integer(4),         row.optional_integer(5), row.integer(6),
                      row.optional_integer(8)};
}

bool mark_used(store::OrgTx& tx, std::int64_t id, std::int64_t now) {
  return tx.run(kMarkUsed, id, now).affected == 1;
}

bool revoke(store::OrgTx& tx, std::int64_t id, std::optional<std::int64_t> by, std::int64_t now) {
  return tx.run(kRevoke, id, now, by).affected == 1;
}

std::vector<LinkRow> of_work_order(store::OrgTx& tx, std::int64_t work_order_id) {
  return tx.all<LinkRow>(kOfWorkOrder, work_order_id);
}

std::optional<LinkRow> find(store::OrgTx& tx, std::int64_t id) {
  return tx.one<LinkRow>(kFind, id);
}

}  // namespace bulwark::domain::links
