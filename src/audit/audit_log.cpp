#include "audit/audit_log.hpp"

#include <boost/json.hpp>
#include <chrono>

#include "crypto/random.hpp"
#include "store/org_lock.hpp"
#include "store/org_tx.hpp"

namespace bulwark::audit {

const std::string kGenesisHash(64, '0');

namespace {

using store::CrossTenantSql;
using store::OrgSql;
using store::Value;

std::int64_t now_ms() {
  return std::chrono::duration_cast<std::chrono::milliseconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string join_fields(const std::vector<std::string>& fields) {
  std::string out;
  for (const auto& f : fields) {
    if (!out.empty()) out += ',';
    out += f;
  }
  return out;
}

std::vector<std::string> split_fields(const std::string& s) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start < s.size()) {
    auto comma = s.find(',', start);
    if (comma == std::string::npos) comma = s.size();
    out.push_back(s.substr(start, comma - start));
    start = comma + 1;
  }
  return out;
}

}  // namespace

Record record_from_row(const store::Row& row) {
  Record r;
  r.id = row.integer(0);
  r.org_id = row.integer(1);
  r.seq = row.integer(2);
  r.at_ms = row.integer(3);
  r.entry.org_id = r.org_id;
  r.entry.actor_type = row.text(4);
  r.entry.actor_id = row.optional_integer(5);
  r.entry.action = row.text(6);
  r.entry.target_type = row.text(7);
  r.entry.target_id = row.text(8);
  r.entry.ip = row.text(9);
  r.entry.outcome = row.text(10);
  r.entry.fields = split_fields(row.text(11));
  r.prev_hash = row.text(12);
  r.hash = row.text(13);
  return r;
}

namespace {

#define AUDIT_COLUMNS                                                                        \
  "id, org_id, seq, at, actor_type, actor_id, action, target_type, target_id, ip, outcome, " \
  "fields, prev_hash, hash"

constexpr OrgSql kHead(
    "SELECT seq, hash FROM audit_log WHERE org_id = $1 ORDER BY seq DESC LIMIT 1");
constexpr OrgSql kInsert(
    "INSERT INTO audit_log (org_id, seq, at, actor_type, actor_id, action, "
    "target_type, target_id, ip, outcome, fields, prev_hash, hash) "
    "VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13)");
// Optional filters as "($n IS NULL OR column = $n)" keep the SQL constant.
constexpr OrgSql kList("SELECT " AUDIT_COLUMNS
                       " FROM audit_log WHERE org_id = $1 "
                       "AND (CAST($2 AS TEXT) IS NULL OR action = CAST($2 AS TEXT)) "
                       "AND (CAST($3 AS TEXT) IS NULL OR "
                       "     substr(action, 1, length(CAST($3 AS TEXT))) = CAST($3 AS TEXT)) "
                       "AND (CAST($4 AS BIGINT) IS NULL OR actor_id = CAST($4 AS BIGINT)) "
                       "AND (CAST($5 AS TEXT) IS NULL OR outcome = CAST($5 AS TEXT)) "
                       "AND (CAST($6 AS BIGINT) IS NULL OR at >= CAST($6 AS BIGINT)) "
                       "AND (CAST($7 AS BIGINT) IS NULL OR at < CAST($7 AS BIGINT)) "
                       "AND (CAST($8 AS BIGINT) IS NULL OR seq < CAST($8 AS BIGINT)) "
                       "ORDER BY seq DESC LIMIT $9");
// `audit verify` walks every organization's chain.
constexpr CrossTenantSql kChainedOrgs("SELECT DISTINCT org_id FROM audit_log ORDER BY org_id");
// Where the live chain starts once old entries are archived.
constexpr OrgSql kCheckpoint("SELECT seq, hash FROM audit_checkpoints WHERE org_id = $1");
constexpr OrgSql kChainPage("SELECT " AUDIT_COLUMNS
                            " FROM audit_log WHERE org_id = $1 AND "
                            "seq >= $2 ORDER BY seq LIMIT 1000");

}  // namespace

std::string chain_hash(const std::string& prev, const Record& r) {
  return crypto::sha256_hex(prev + "\n" + canonical(r));
}

std::string canonical(const Record& r) {
  boost::json::array a{r.org_id,
                       r.seq,
                       r.at_ms,
                       r.entry.actor_type,
                       r.entry.actor_id ? boost::json::value(*r.entry.actor_id) : nullptr,
                       r.entry.action,
                       r.entry.target_type,
                       r.entry.target_id,
                       r.entry.ip,
                       r.entry.outcome,
                       join_fields(r.entry.fields)};
  return boost::json::serialize(a);
}

void append(store::Connection& conn, const Entry& entry) {
  // Serialize appends per org: the chain head is read and extended under its lock.
  store::lock_org_for_update(conn, entry.org_id);
  store::OrgTx tx(conn, entry.org_id);
  auto last = tx.run(kHead);
  Record r;
  r.org_id = entry.org_id;
  r.seq = last.empty() ? 1 : last.rows[0].integer(0) + 1;
  r.prev_hash = last.empty() ? kGenesisHash : last.rows[0].text(1);
  r.at_ms = now_ms();
  r.entry = entry;
  r.hash = chain_hash(r.prev_hash, r);
  tx.run(kInsert, r.seq, r.at_ms, entry.actor_type, entry.actor_id, entry.action, entry.target_type,
         entry.target_id, entry.ip, entry.outcome, join_fields(entry.fields), r.prev_hash, r.hash);
}

void append(store::Database& db, const Entry& entry) {
  db.transaction([&](store::Connection& conn) { append(conn, entry); });
}

std::vector<Record> list(store::Database& db, const Query& q) {
  std::string action_exact, action_prefix;
  if (q.action) {
    if (q.action->ends_with('.'))
      action_prefix = *q.action;
    else
      action_exact = *q.action;
  }
  auto opt_text = [](const std::string& s) { return s.empty() ? Value(nullptr) : Value(s); };
  auto opt_int = [](const std::optional<std::int64_t>& v) {
    return v ? Value(*v) : Value(nullptr);
  };
  auto result = store::read_org(db, q.org_id, [&](store::OrgTx& tx) {
    return tx.run(kList, opt_text(action_exact), opt_text(action_prefix), opt_int(q.actor_id),
                  q.outcome ? Value(*q.outcome) : Value(nullptr), opt_int(q.since_ms),
                  opt_int(q.until_ms), opt_int(q.before_seq), std::int64_t{q.limit});
  });
  std::vector<Record> out;
  for (const auto& row : result.rows) out.push_back(record_from_row(row));
  return out;
}

std::vector<VerifyProblem> verify(store::Database& db,
                                  const std::function<void(std::int64_t, std::int64_t)>& progress) {
  std::vector<VerifyProblem> problems;
  auto orgs = db.query(kChainedOrgs);
  for (const auto& org_row : orgs.rows) {
    const std::int64_t org = org_row.integer(0);
    std::string prev = kGenesisHash;
    std::int64_t expected_seq = 1, rows = 0;
    const auto checkpoint =
        store::read_org(db, org, [&](store::OrgTx& tx) { return tx.run(kCheckpoint); });
    if (!checkpoint.empty()) {
      expected_seq = checkpoint.rows[0].integer(0) + 1;
      prev = checkpoint.rows[0].text(1);
    }
    // Page through the chain in order, 1,000 rows at a time.
    for (;;) {
      auto page = store::read_org(
          db, org, [&](store::OrgTx& tx) { return tx.run(kChainPage, expected_seq); });
      if (page.empty()) break;
      bool broken = false;
      for (const auto& row : page.rows) {
        Record r = record_from_row(row);
        ++rows;
        if (r.seq != expected_seq) {
          problems.push_back({org, expected_seq, 0, "sequence gap: a row was deleted"});
          broken = true;
        } else if (r.prev_hash != prev) {
          problems.push_back({org, r.seq, r.id,
                              "previous-hash mismatch: a row was removed or "
                              "re-chained"});
          broken = true;
        } else if (chain_hash(prev, r) != r.hash) {
          problems.push_back({org, r.seq, r.id, "hash mismatch: the row was edited"});
          broken = true;
        }
        if (broken) break;
        prev = r.hash;
        ++expected_seq;
      }
      if (broken) break;
    }
    if (progress) progress(org, rows);
  }
  return problems;
}

}  // namespace bulwark::audit
