#pragma once
// The compile-time tenant check behind store::OrgSql (tenant isolation, design.md: every query
// on tenant data is scoped by the caller's organization). The rule, stated
// so that two people build the same check:
//   - an INSERT into a tenant table lists `org_id` first and its VALUES (or
//     INSERT ... SELECT list) start with `$1`;
//   - in a SELECT, UPDATE or DELETE every tenant table named in FROM, JOIN
//     or UPDATE has `<alias>.org_id = $1` in the top-level AND chain of its
//     ON or of its statement's WHERE. An OR at the top level of a clause
//     voids the clause (nothing in it counts). When a statement names one
//     table only, the alias may be left out (`WHERE org_id = $1`).
//   - the root table `orgs` is scoped by `<alias>.id = $1` the same way.
// Subqueries, CTE bodies and UNION arms are checked as statements of their
// own. `$1` is always the organization: OrgTx binds it itself.
#include <array>
#include <cstddef>
#include <string_view>
#include <vector>

namespace bulwark::store::tenant_scope {

// Every table with an org_id column. A unit test compares this list with the
// migrated schema, so a new tenant table cannot be forgotten here.
inline constexpr std::array<std::string_view, 61> kTenantTables{"api_clients",
                                                                "asset_status_changes",
                                                                "assets",
                                                                "attachment_chunks",
                                                                "attachments",
                                                                "audit_archives",
                                                                "audit_checkpoints",
                                                                "audit_log",
                                                                "checklist_template_items",
                                                                "checklist_templates",
                                                                "checkout_sessions",
                                                                "completion_records",
                                                                "customer_do_not_sell",
                                                                "customer_erasures",
                                                                "customer_name_tokens",
                                                                "customers",
                                                                "email_outbox",
                                                                "idempotency_keys",
                                                                "identity_providers",
                                                                "invitations",
                                                                "invoice_lines",
                                                                "invoice_payments",
                                                                "invoices",
                                                                "jobs",
                                                                "link_tokens",
                                                                "marketing_consent",
                                                                "meter_readings",
                                                                "oauth_tokens",
                                                                "org_counters",
                                                                "org_domains",
                                                                "org_export_chunks",
                                                                "org_exports",
                                                                "org_keys",
                                                                "org_sms_numbers",
                                                                "org_working_hours",
                                                                "payment_ledger",
                                                                "payment_mismatches",
                                                                "pm_generated",
                                                                "pm_schedules",
                                                                "price_items",
                                                                "privacy_requests",
                                                                "request_links",
                                                                "request_photos",
                                                                "service_plans",
                                                                "sessions",
                                                                "site_access_reveals",
                                                                "sites",
                                                                "sms_consent",
                                                                "sms_messages",
                                                                "sms_number_requests",
                                                                "sms_templates",
                                                                "sso_identities",
                                                                "sso_logins",
                                                                "tax_rates",
                                                                "users",
                                                                "work_order_checklist",
                                                                "work_order_comments",
                                                                "work_order_history",
                                                                "work_order_parts",
                                                                "work_order_time",
                                                                "work_requests"};
inline constexpr std::string_view kExtraTenantTable = "work_orders";
inline constexpr std::string_view kRootTable = "orgs";

struct Token {
  enum class Kind : unsigned char { word, param, number, text, punct };
  Kind kind;
  std::string_view text;
  int depth;  // parenthesis depth; '(' and ')' carry the outer depth
};

constexpr char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c + 32) : c; }

constexpr bool same_word(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (lower(a[i]) != lower(b[i])) return false;
  return true;
}

constexpr bool is_word_char(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

constexpr std::vector<Token> tokenize(std::string_view s) {
  std::vector<Token> out;
  int depth = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    const char c = s[i];
    if (c == ' ' || c == '\n' || c == '\t' || c == '\r') {
      ++i;
    } else if (c == '\'') {  // a string literal; '' is a quote inside it
      std::size_t j = i + 1;
      while (j < s.size() && !(s[j] == '\'' && (j + 1 >= s.size() || s[j + 1] != '\''))) {
        j += s[j] == '\'' ? 2 : 1;
      }
      out.push_back({Token::Kind::text, s.substr(i, j + 1 - i), depth});
      i = j + 1;
    } else if (c == '$') {
      std::size_t j = i + 1;
      while (j < s.size() && s[j] >= '0' && s[j] <= '9') ++j;
      out.push_back({Token::Kind::param, s.substr(i, j - i), depth});
      i = j;
    } else if (is_word_char(c)) {
      std::size_t j = i;
      while (j < s.size() && is_word_char(s[j])) ++j;
      const bool digits = c >= '0' && c <= '9';
      out.push_back({digits ? Token::Kind::number : Token::Kind::word, s.substr(i, j - i), depth});
      i = j;
    } else if (c == '"') {  // a quoted identifier: one word
      std::size_t j = i + 1;
      while (j < s.size() && s[j] != '"') ++j;
      out.push_back({Token::Kind::word, s.substr(i + 1, j - i - 1), depth});
      i = j + 1;
    } else {
      if (c == ')') --depth;
      out.push_back({Token::Kind::punct, s.substr(i, 1), depth});
      if (c == '(') ++depth;
      ++i;
    }
  }
  return out;
}

// Words that end a table reference (so they are not its alias) or a clause.
constexpr bool is_keyword(std::string_view w) {
  constexpr std::string_view kWords[] = {
      "select", "from",    "where",     "join",   "left",      "right",  "inner",  "outer",
      "full",   "cross",   "on",        "using",  "group",     "order",  "by",     "limit",
      "offset", "having",  "returning", "union",  "intersect", "except", "set",    "values",
      "for",    "skip",    "locked",    "nowait", "of",        "as",     "and",    "or",
      "not",    "natural", "window",    "do",     "conflict",  "update", "delete", "insert",
      "into",   "with",    "lateral"};
  for (auto k : kWords)
    if (same_word(w, k)) return true;
  return false;
}

constexpr bool ends_clause(const Token& t) {
  if (t.kind != Token::Kind::word) return t.text == ")";
  constexpr std::string_view kEnders[] = {"join",   "left",      "right", "inner",     "full",
                                          "cross",  "where",     "group", "order",     "limit",
                                          "having", "returning", "for",   "on",        "natural",
                                          "window", "offset",    "union", "intersect", "except"};
  for (auto k : kEnders)
    if (same_word(t.text, k)) return true;
  return false;
}

constexpr bool is_tenant_table(std::string_view name) {
  if (same_word(name, kExtraTenantTable)) return true;
  for (auto t : kTenantTables)
    if (same_word(name, t)) return true;
  return false;
}

struct TableRef {
  std::string_view table, alias;
  std::size_t on_begin = 0, on_end = 0;  // the JOIN's ON clause, if any
  bool inserted = false;                 // INSERT INTO target
  std::size_t after = 0;                 // first token after the reference
};

// Does [begin, end) at `depth` hold `<alias>.<column> = $1` (or `$1 = ...`,
// or the bare column when `bare_ok`) as one conjunct of a pure AND chain?
constexpr bool clause_scopes(const std::vector<Token>& t, std::size_t begin, std::size_t end,
                             int depth, std::string_view alias, std::string_view column,
                             bool bare_ok) {
  for (std::size_t i = begin; i < end; ++i)
    if (t[i].depth == depth && t[i].kind == Token::Kind::word && same_word(t[i].text, "or"))
      return false;
  auto is = [&](std::size_t i, std::string_view text) {
    return i < end && t[i].depth == depth && same_word(t[i].text, text);
  };
  auto column_at = [&](std::size_t i) -> std::size_t {  // tokens the column reference spans
    if (is(i, alias) && is(i + 1, ".") && is(i + 2, column)) return 3;
    if (bare_ok && is(i, column) && !is(i + 1, ".")) return 1;
    return 0;
  };
  std::size_t start = begin;
  for (std::size_t i = begin; i <= end; ++i) {
    const bool boundary = i == end || (t[i].depth == depth && t[i].kind == Token::Kind::word &&
                                       same_word(t[i].text, "and"));
    if (!boundary) continue;
    const std::size_t len = i - start;
    if (auto n = column_at(start); n && len == n + 2 && is(start + n, "=") &&
                                   t[start + n + 1].kind == Token::Kind::param &&
                                   t[start + n + 1].text == "$1")
      return true;
    if (len >= 3 && t[start].kind == Token::Kind::param && t[start].text == "$1" &&
        is(start + 1, "=")) {
      if (auto n = column_at(start + 2); n && len == n + 2) return true;
    }
    start = i + 1;
  }
  return false;
}

// Reads one table reference starting at `i` (the token after FROM/JOIN/...).
constexpr bool read_ref(const std::vector<Token>& t, std::size_t i, std::size_t end, int depth,
                        TableRef& ref) {
  if (i >= end || t[i].depth != depth || t[i].kind != Token::Kind::word || is_keyword(t[i].text))
    return false;
  ref.table = t[i].text;
  ref.alias = t[i].text;
  ++i;
  if (i < end && t[i].depth == depth && same_word(t[i].text, "as")) ++i;
  if (i < end && t[i].depth == depth && t[i].kind == Token::Kind::word && !is_keyword(t[i].text))
    ref.alias = t[i++].text;
  ref.after = i;
  return true;
}

// Checks the statement made of the tokens at `depth` in [begin, end).
constexpr const char* check_statement(const std::vector<Token>& t, std::size_t begin,
                                      std::size_t end, int depth, int& tenant_refs) {
  std::vector<TableRef> refs;
  std::size_t where_begin = end, where_end = end;
  for (std::size_t i = begin; i < end; ++i) {
    if (t[i].depth != depth || t[i].kind != Token::Kind::word) continue;
    const auto w = t[i].text;
    if (same_word(w, "from") || same_word(w, "join") || same_word(w, "update") ||
        same_word(w, "into")) {
      const bool join = same_word(w, "join");
      std::size_t j = i + 1;
      while (true) {
        TableRef ref;
        if (!read_ref(t, j, end, depth, ref)) break;
        ref.inserted = same_word(w, "into");
        if (join && ref.after < end && same_word(t[ref.after].text, "on")) {
          ref.on_begin = ref.after + 1;
          std::size_t k = ref.on_begin;
          while (k < end && !(t[k].depth == depth && ends_clause(t[k]))) ++k;
          ref.on_end = k;
        }
        refs.push_back(ref);
        j = ref.after;
        if (!same_word(w, "from") || j >= end || t[j].depth != depth || t[j].text != ",") break;
        ++j;  // FROM a, b
      }
    } else if (same_word(w, "where")) {
      where_begin = i + 1;
      std::size_t k = where_begin;
      while (k < end && !(t[k].depth == depth && ends_clause(t[k]))) ++k;
      where_end = k;
    }
  }
  int readers = 0;
  for (const auto& r : refs)
    if (!r.inserted) ++readers;
  for (const auto& r : refs) {
    const bool root = same_word(r.table, kRootTable);
    if (!root && !is_tenant_table(r.table)) continue;
    ++tenant_refs;
    if (r.inserted) {
      if (root) return "an INSERT into orgs is cross-tenant by nature: use CrossTenantSql";
      std::size_t k = r.after;
      if (!(k + 1 < end && t[k].text == "(" && same_word(t[k + 1].text, "org_id")))
        return "an INSERT into a tenant table must list org_id first";
      while (k < end && !(t[k].depth == depth && t[k].text == ")")) ++k;
      ++k;
      const bool values = k + 2 < end && same_word(t[k].text, "values") && t[k + 1].text == "(" &&
                          t[k + 2].text == "$1";
      const bool select = k + 1 < end && same_word(t[k].text, "select") && t[k + 1].text == "$1";
      if (!values && !select) return "an INSERT into a tenant table must give $1 as its org_id";
      continue;
    }
    const auto column = root ? std::string_view("id") : std::string_view("org_id");
    const bool bare_ok = readers == 1;
    if (r.on_end && clause_scopes(t, r.on_begin, r.on_end, depth, r.alias, column, bare_ok))
      continue;
    if (where_begin < end &&
        clause_scopes(t, where_begin, where_end, depth, r.alias, column, bare_ok))
      continue;
    return "a tenant table without <alias>.org_id = $1 in the top-level AND chain of its ON or "
           "WHERE";
  }
  return nullptr;
}

// Checks every level: the top, then each parenthesized group, each split
// into statements at UNION / INTERSECT / EXCEPT. nullptr when scoped.
constexpr const char* check(std::string_view sql) {
  const auto t = tokenize(sql);
  int tenant_refs = 0;
  // Group starts: the top level (begin 0) and every '('.
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < t.size(); ++i)
    if (t[i].text == "(" && t[i].kind == Token::Kind::punct) starts.push_back(i + 1);
  for (auto begin : starts) {
    const int depth = begin == 0 ? 0 : t[begin - 1].depth + 1;
    std::size_t end = begin;
    // The group ends before its ')', the first token shallower than it.
    while (end < t.size() && t[end].depth >= depth) ++end;
    std::size_t part = begin;
    for (std::size_t i = begin; i <= end; ++i) {
      const bool split =
          i == end || (t[i].depth == depth && t[i].kind == Token::Kind::word &&
                       (same_word(t[i].text, "union") || same_word(t[i].text, "intersect") ||
                        same_word(t[i].text, "except")));
      if (!split) continue;
      if (auto why = check_statement(t, part, i, depth, tenant_refs)) return why;
      part = i + 1;
    }
  }
  if (tenant_refs == 0) return "names no tenant table: use Sql or CrossTenantSql";
  return nullptr;
}

}  // namespace bulwark::store::tenant_scope
