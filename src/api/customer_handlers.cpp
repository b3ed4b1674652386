#include "api/customer_handlers.hpp"

#include <boost/json.hpp>

#include "api/query_params.hpp"
#include "audit/audit_log.hpp"
#include "core/error.hpp"
#include "crypto/random.hpp"
#include "domain/phone.hpp"
#include "http/json_body.hpp"
#include "http/json_reader.hpp"
#include "identity/clock.hpp"
#include "identity/users.hpp"
#include "messaging/consent.hpp"
#include "store/database.hpp"

namespace bulwark::api {

namespace {

using store::Sql;
using store::Value;

// Each record with the consent of its phone number (sms_consent), which is
// what sending obeys; the record's own flags mirror it.
#define CUSTOMER_COLUMNS                                                                   \
  "c.id, c.name, c.phone, c.email, c.billing_address, c.notes, c.sms_opt_out, "            \
  "c.deleted_at, c.created_at, c.updated_at, c.version, c.sms_opt_out_by_customer, "       \
  "s.state, s.changed_at, s.source"
#define CUSTOMER_FROM                                                                      \
  " FROM customers c LEFT JOIN sms_consent s ON s.org_id = c.org_id AND s.phone_e164 = c.phone "
#define CUSTOMER_OPTED_OUT \
  "(CASE WHEN c.sms_opt_out = 1 OR s.state = 'opted_out' THEN 1 ELSE 0 END)"

constexpr Sql kSelectCustomer(
    "SELECT " CUSTOMER_COLUMNS CUSTOMER_FROM "WHERE c.org_id = $1 AND c.id = $2");

// Keyset pagination: the cursor is the last row's sort key, so pages stay
// stable while rows are inserted.
constexpr Sql kListByName(
    "SELECT " CUSTOMER_COLUMNS CUSTOMER_FROM "WHERE c.org_id = $1 "
    "AND ((CAST($2 AS BIGINT) = 1 AND c.deleted_at IS NOT NULL) OR "
    "     (CAST($2 AS BIGINT) = 0 AND c.deleted_at IS NULL)) "
    "AND (CAST($3 AS TEXT) IS NULL OR lower(c.name) LIKE CAST($3 AS TEXT) ESCAPE '\\' "
    "     OR lower(COALESCE(c.email, '')) LIKE CAST($3 AS TEXT) ESCAPE '\\' "
    "     OR (CAST($4 AS TEXT) IS NOT NULL AND COALESCE(c.phone, '') LIKE CAST($4 AS TEXT))) "
    "AND (CAST($5 AS BIGINT) IS NULL OR " CUSTOMER_OPTED_OUT " = CAST($5 AS BIGINT)) "
    "AND (CAST($6 AS TEXT) IS NULL OR c.name > CAST($6 AS TEXT) "
    "     OR (c.name = CAST($6 AS TEXT) AND c.id > CAST($7 AS BIGINT))) "
    "ORDER BY c.name, c.id LIMIT $8");

constexpr Sql kListNewest(
    "SELECT " CUSTOMER_COLUMNS CUSTOMER_FROM "WHERE c.org_id = $1 "
    "AND ((CAST($2 AS BIGINT) = 1 AND c.deleted_at IS NOT NULL) OR "
    "     (CAST($2 AS BIGINT) = 0 AND c.deleted_at IS NULL)) "
    "AND (CAST($3 AS TEXT) IS NULL OR lower(c.name) LIKE CAST($3 AS TEXT) ESCAPE '\\' "
    "     OR lower(COALESCE(c.email, '')) LIKE CAST($3 AS TEXT) ESCAPE '\\' "
    "     OR (CAST($4 AS TEXT) IS NOT NULL AND COALESCE(c.phone, '') LIKE CAST($4 AS TEXT))) "
    "AND (CAST($5 AS BIGINT) IS NULL OR " CUSTOMER_OPTED_OUT " = CAST($5 AS BIGINT)) "
    "AND (CAST($6 AS BIGINT) IS NULL OR c.id < CAST($6 AS BIGINT)) "
    "ORDER BY c.id DESC LIMIT $7");

boost::json::value opt(const store::Row& r, std::size_t i) {
  if (r.is_null(i)) return nullptr;
  return boost::json::string(r.text(i));
}

// What sending obeys: the number's consent, or the record's own opt-out.
bool opted_out(const store::Row& r) {
  return r.integer(6) != 0 || (!r.is_null(12) && r.text(12) == messaging::kOptedOut);
}

bool opted_out_by_customer(const store::Row& r) {
  if (!r.is_null(12))
    return r.text(12) == messaging::kOptedOut && r.text(14) == messaging::kSourceCustomerSms;
  return r.integer(11) != 0;
}

// The choice recorded for this record's phone number; null when none was.
boost::json::value consent_view(const store::Row& r) {
  if (r.is_null(12)) return nullptr;
  return boost::json::object{
      {"state", r.text(12)}, {"changed_at", r.integer(13)}, {"source", r.text(14)}};
}

boost::json::object customer_view(const store::Row& r) {
  return {{"id", r.integer(0)},
          {"name", r.text(1)},
          {"phone", opt(r, 2)},
          {"email", opt(r, 3)},
          {"billing_address", r.text(4)},
          {"notes", r.text(5)},
          {"sms_opt_out", opted_out(r)},
          {"deleted", !r.is_null(7)},
          {"created_at", r.integer(8)},
          {"updated_at", r.integer(9)},
          {"version", r.integer(10)},
          {"sms_opt_out_by_customer", opted_out_by_customer(r)},
          {"sms_consent", consent_view(r)}};
}


// Reads and validates the writable fields; `partial` for PATCH.
struct CustomerFields {
  std::optional<std::string> name, phone, email, billing_address, notes;
  std::optional<bool> sms_opt_out;
  bool phone_cleared = false, email_cleared = false;
  std::vector<std::string> changed;
};

CustomerFields read_customer(http::JsonReader& in, const boost::json::object& body, bool partial) {
  CustomerFields f;
  if (partial) f.name = in.optional_string("name", 200);
  else f.name = in.required_string("name", 200);
  if (f.name && f.name->find_first_not_of(" \t") == std::string::npos) in.fail("name", "must not be blank");
  if (auto phone = in.optional_string("phone", 40)) {
    if (auto e164 = domain::normalize_phone(*phone)) f.phone = *e164;
    else in.fail("phone", "must be a phone number, e.g. +15551234567 or (555) 123-4567");
  } else if (body.contains("phone") && body.at("phone").is_null()) {
    f.phone_cleared = true;
  }
  if (auto email = in.optional_string("email", 254)) {
    auto normalized = identity::normalize_email(*email);
    if (identity::plausible_email(normalized)) f.email = normalized;
    else in.fail("email", "is not a valid email address");
  } else if (body.contains("email") && body.at("email").is_null()) {
    f.email_cleared = true;
  }
  f.billing_address = in.optional_string("billing_address", 500);
  f.notes = in.optional_string("notes", 5000);
  f.sms_opt_out = in.optional_bool("sms_opt_out");
  for (const auto& kv : body)
    if (kv.key() != "version") f.changed.emplace_back(kv.key());
  return f;
}

store::Row load_customer(store::Connection& conn, std::int64_t org, std::int64_t id) {
  auto r = conn.query(kSelectCustomer, {org, id});
  if (r.empty()) throw ApiError(ErrorCode::not_found, "no such customer");
  return r.rows[0];
}

// After the office's choice for a record's number (or a new number on the
// record): every record with that number shows the number's consent. The
// record being written is audited by its own entry; the others here.
void mirror_to_records(app::RequestContext& ctx, store::Connection& conn, std::int64_t org,
                       const std::string& phone, std::int64_t self, std::int64_t now) {
  for (auto id : messaging::mirror_consent_to_customers(conn, org, phone, now)) {
    if (id == self) continue;
    auto entry = ctx.audit_entry("customer.sms_consent_changed", "customer", std::to_string(id));
    entry.fields = {"sms_opt_out"};
    audit::append(conn, entry);
  }
}

ApiError customer_stop_error() {
  return ApiError(ErrorCode::conflict,
                  "this number texted STOP; only the customer can opt back in, by texting START",
                  "opted_out_by_customer");
}

}  // namespace

http::Response list_customers(app::RequestContext& ctx) {
  QueryParams q(ctx.request.query);
  q.allow_only({"q", "opted_out", "deleted", "sort", "limit", "cursor"});
  const auto limit = q.integer("limit", 1, 200).value_or(50);
  const auto search = q.text("q", 200);
  const auto sort = q.text("sort", 20).value_or("name");
  if (sort != "name" && sort != "newest")
    throw ApiError(ErrorCode::validation_failed, "unknown sort", "invalid_parameter",
                   {{"sort", "must be name or newest"}});
  auto flag = [&](const std::string& name) -> Value {
    auto v = q.text(name, 5);
    if (!v) return nullptr;
    if (*v == "true") return std::int64_t{1};
    if (*v == "false") return std::int64_t{0};
    throw ApiError(ErrorCode::validation_failed, "bad flag", "invalid_parameter",
                   {{name, "must be true or false"}});
  };
  const Value opted_out = flag("opted_out");
  const Value deleted = flag("deleted");
  Value pattern = nullptr, digits_pattern = nullptr;
  if (search) {
    pattern = like_pattern(*search);
    std::string digits;
    for (char c : *search)
      if (c >= '0' && c <= '9') digits += c;
    if (digits.size() >= 3) digits_pattern = "%" + digits + "%";
  }
  const Value deleted_flag = std::holds_alternative<std::nullptr_t>(deleted) ? Value(std::int64_t{0}) : deleted;

  const auto cursor = q.text("cursor", 600);
  store::Result rows;
  if (sort == "name") {
    Value after_name = nullptr, after_id = nullptr;
    if (cursor) {
      auto dot = cursor->rfind('.');
      try {
        if (dot == std::string::npos) throw std::invalid_argument("cursor");
        std::string name;
        const auto hex = cursor->substr(0, dot);
        if (hex.size() % 2) throw std::invalid_argument("cursor");
        for (std::size_t i = 0; i < hex.size(); i += 2)
          name += static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16));
        after_name = name;
        after_id = std::int64_t{std::stoll(cursor->substr(dot + 1))};
      } catch (const std::exception&) {
        throw ApiError(ErrorCode::validation_failed, "bad cursor", "invalid_parameter",
                       {{"cursor", "is not a cursor from a previous page"}});
      }
    }
    rows = ctx.services.db.query(kListByName, {ctx.who().org_id, deleted_flag, pattern, digits_pattern,
                                               opted_out, after_name, after_id, limit + 1});
  } else {
    Value before = nullptr;
    if (cursor) {
      try {
        before = std::int64_t{std::stoll(*cursor)};
      } catch (const std::exception&) {
        throw ApiError(ErrorCode::validation_failed, "bad cursor", "invalid_parameter",
                       {{"cursor", "is not a cursor from a previous page"}});
      }
    }
    rows = ctx.services.db.query(kListNewest, {ctx.who().org_id, deleted_flag, pattern, digits_pattern,
                                               opted_out, before, limit + 1});
  }
  boost::json::array items;
  for (std::size_t i = 0; i < rows.rows.size() && i < std::size_t(limit); ++i)
    items.push_back(customer_view(rows.rows[i]));
  boost::json::value next = nullptr;
  if (rows.rows.size() > std::size_t(limit)) {
    const auto& last = rows.rows[limit - 1];
    next = sort == "name" ? boost::json::value(crypto::to_hex(last.text(1)) + "." + last.text(0))
                          : boost::json::value(last.text(0));
  }
  return app::json_response(200, {{"items", std::move(items)}, {"next_cursor", next}});
}

http::Response create_customer(app::RequestContext& ctx) {
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"name", "phone", "email", "billing_address", "notes", "sms_opt_out"});
  auto f = read_customer(in, body, false);
  in.finish();
  const auto now = identity::now_ms();
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto r = conn.query(
        Sql("INSERT INTO customers (org_id, name, phone, email, billing_address, notes, "
            "sms_opt_out, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8) "
            "RETURNING id"),
        {ctx.who().org_id, *f.name, f.phone ? Value(*f.phone) : Value(nullptr),
         f.email ? Value(*f.email) : Value(nullptr), f.billing_address.value_or(""),
         f.notes.value_or(""), std::int64_t{f.sms_opt_out.value_or(false) ? 1 : 0}, now});
    const auto id = r.rows.at(0).integer(0);
    auto entry = ctx.audit_entry("customer.created", "customer", std::to_string(id));
    entry.fields = f.changed;
    audit::append(conn, entry);
    if (f.phone) {
      // A number that texted STOP stays opted out on every new record of it.
      if (f.sms_opt_out.value_or(false))
        messaging::record_office_choice(conn, ctx.who().org_id, *f.phone, true, now);
      mirror_to_records(ctx, conn, ctx.who().org_id, *f.phone, id, now);
    }
    row = load_customer(conn, ctx.who().org_id, id);
  });
  return app::json_response(201, customer_view(row));
}

http::Response get_customer(app::RequestContext& ctx) {
  store::Row row;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    row = load_customer(conn, ctx.who().org_id, ctx.params.integer("id"));
  });
  return app::json_response(200, customer_view(row));
}

http::Response update_customer(app::RequestContext& ctx) {
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"name", "phone", "email", "billing_address", "notes", "sms_opt_out",
                             "version"});
  auto f = read_customer(in, body, true);
  auto version = in.optional_int("version", 1, INT32_MAX);
  if (!version) in.fail("version", "is required (the version you read), so edits do not collide");
  const auto id = ctx.params.integer("id");
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    // Existence first: another org's customer is a 404 whatever the body says.
    auto current = load_customer(conn, ctx.who().org_id, id);
    if (!current.is_null(7)) throw ApiError(ErrorCode::not_found, "no such customer");
    in.finish();
    const auto org = ctx.who().org_id;
    const auto now = identity::now_ms();
    const auto phone_before = current.optional_text(2);
    const auto phone_after = f.phone_cleared ? std::nullopt : f.phone ? f.phone : phone_before;
    const bool phone_changed = phone_after != phone_before;
    // A new number for someone who opted out stays opted out (the office's
    // choice now, which the office may clear once it has asked them).
    auto choice = f.sms_opt_out;
    if (!choice && phone_changed && opted_out(current)) choice = true;
    if (choice) f.sms_opt_out = choice;
    // Consent the number withdrew by texting STOP is its own to give back.
    if (choice == false && phone_after) {
      const auto consent = messaging::consent_for(conn, org, *phone_after);
      if (consent && consent->by_customer()) throw customer_stop_error();
    }
    // Optimistic concurrency: the update applies only to the version read.
    auto r = conn.query(
        Sql("UPDATE customers SET name = COALESCE($4, name), "
            "phone = CASE WHEN CAST($5 AS BIGINT) = 1 THEN NULL ELSE COALESCE($6, phone) END, "
            "email = CASE WHEN CAST($7 AS BIGINT) = 1 THEN NULL ELSE COALESCE($8, email) END, "
            "billing_address = COALESCE($9, billing_address), notes = COALESCE($10, notes), "
            "sms_opt_out = COALESCE($11, sms_opt_out), updated_at = $12, version = version + 1 "
            "WHERE org_id = $1 AND id = $2 AND version = $3"),
        {ctx.who().org_id, id, *version, f.name ? Value(*f.name) : Value(nullptr),
         std::int64_t{f.phone_cleared}, f.phone ? Value(*f.phone) : Value(nullptr),
         std::int64_t{f.email_cleared}, f.email ? Value(*f.email) : Value(nullptr),
         f.billing_address ? Value(*f.billing_address) : Value(nullptr),
         f.notes ? Value(*f.notes) : Value(nullptr),
         f.sms_opt_out ? Value(std::int64_t{*f.sms_opt_out ? 1 : 0}) : Value(nullptr), now});
    if (r.affected == 0)
      throw ApiError(ErrorCode::conflict, "the customer was changed by someone else; reload it",
                     "version_conflict");
    auto entry = ctx.audit_entry("customer.updated", "customer", std::to_string(id));
    entry.fields = f.changed;
    audit::append(conn, entry);
    if (phone_after) {
      const auto outcome =
          choice ? messaging::record_office_choice(conn, org, *phone_after, *choice, now)
                 : messaging::OfficeChoice::unchanged;
      if (outcome == messaging::OfficeChoice::refused_customer_stop) throw customer_stop_error();
      if (outcome == messaging::OfficeChoice::changed || phone_changed)
        mirror_to_records(ctx, conn, org, *phone_after, id, now);
    }
    row = load_customer(conn, org, id);
  });
  return app::json_response(200, customer_view(row));
}

http::Response delete_customer(app::RequestContext& ctx) {
  const auto id = ctx.params.integer("id");
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto r = conn.query(Sql("UPDATE customers SET deleted_at = $3, updated_at = $3, "
                            "version = version + 1 WHERE org_id = $1 AND id = $2 AND "
                            "deleted_at IS NULL"),
                        {ctx.who().org_id, id, identity::now_ms()});
    if (r.affected == 0) throw ApiError(ErrorCode::not_found, "no such customer");
    audit::append(conn, ctx.audit_entry("customer.deleted", "customer", std::to_string(id)));
  });
  http::Response res;
  res.status = 204;
  return res;
}

http::Response restore_customer(app::RequestContext& ctx) {
  const auto id = ctx.params.integer("id");
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    auto r = conn.query(Sql("UPDATE customers SET deleted_at = NULL, updated_at = $3, "
                            "version = version + 1 WHERE org_id = $1 AND id = $2 AND "
                            "deleted_at IS NOT NULL"),
                        {ctx.who().org_id, id, identity::now_ms()});
    if (r.affected == 0) throw ApiError(ErrorCode::not_found, "no such deleted customer");
    audit::append(conn, ctx.audit_entry("customer.restored", "customer", std::to_string(id)));
    row = load_customer(conn, ctx.who().org_id, id);
  });
  return app::json_response(200, customer_view(row));
}

namespace {
// Gate codes and similar access notes: dispatchers and above only.
bool sees_access_notes(const app::Principal& who) {
  return security::role_rank(who.role) >= security::role_rank(security::Role::dispatcher);
}
boost::json::object site_view(const store::Row& r, bool with_notes) {
  boost::json::object o{{"id", r.integer(0)},       {"customer_id", r.integer(1)},
                        {"name", r.text(2)},        {"address", r.text(3)},
                        {"created_at", r.integer(5)}};
  if (with_notes) o["access_notes"] = r.text(4);
  return o;
}
void require_live_customer(store::Connection& conn, std::int64_t org, std::int64_t id) {
  auto row = load_customer(conn, org, id);
  if (!row.is_null(7)) throw ApiError(ErrorCode::not_found, "no such customer");
}
}  // namespace

http::Response list_sites(app::RequestContext& ctx) {
  const auto customer = ctx.params.integer("id");
  store::Result rows;
  ctx.services.db.with_connection([&](store::Connection& conn) {
    require_live_customer(conn, ctx.who().org_id, customer);
    rows = conn.query(Sql("SELECT id, customer_id, name, address, access_notes, created_at "
                          "FROM sites WHERE org_id = $1 AND customer_id = $2 ORDER BY id"),
                      {ctx.who().org_id, customer});
  });
  boost::json::array items;
  for (const auto& r : rows.rows) items.push_back(site_view(r, sees_access_notes(ctx.who())));
  return app::json_response(200, {{"items", std::move(items)}});
}

http::Response create_site(app::RequestContext& ctx) {
  const auto customer = ctx.params.integer("id");
  auto body = http::parse_json_object_body(ctx.request);
  http::JsonReader in(body, {"name", "address", "access_notes"});
  auto name = in.required_string("name", 200);
  auto address = in.required_string("address", 500);
  auto notes = in.optional_string("access_notes", 2000).value_or("");
  store::Row row;
  ctx.services.db.transaction([&](store::Connection& conn) {
    require_live_customer(conn, ctx.who().org_id, customer);
    in.finish();
    const auto now = identity::now_ms();
    auto r = conn.query(Sql("INSERT INTO sites (org_id, customer_id, name, address, access_notes, "
                            "created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $6) "
                            "RETURNING id, customer_id, name, address, access_notes, created_at"),
                        {ctx.who().org_id, customer, name, address, notes, now});
    row = r.rows.at(0);
    auto entry = ctx.audit_entry("site.created", "site", row.text(0));
    entry.fields = {"name", "address", "access_notes"};
    audit::append(conn, entry);
  });
  return app::json_response(201, site_view(row, sees_access_notes(ctx.who())));
}

}  // namespace bulwark::api
