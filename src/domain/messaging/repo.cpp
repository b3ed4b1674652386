#include "domain/messaging/repo.hpp"

#include <boost/describe/class.hpp>

#include "domain/customers/blind.hpp"
#include "messaging/sealed_message.hpp"
#include "resource/columns.hpp"

namespace bulwark::domain::messaging::repo {

namespace {

using store::CrossTenantSql;
using store::OrgSql;
using store::Sql;

constexpr OrgSql kCustomTemplates("SELECT kind, body FROM sms_templates WHERE org_id = $1");
constexpr OrgSql kSaveTemplate(
    "INSERT INTO sms_templates (org_id, kind, body, updated_at) VALUES ($1, $2, $3, $4) "
    "ON CONFLICT (org_id, kind) DO UPDATE SET body = excluded.body, "
    "updated_at = excluded.updated_at");

constexpr OrgSql kLiveCustomer(
    "SELECT id, sms_opt_out, phone, row_key FROM customers WHERE org_id = $1 AND id = $2 "
    "AND deleted_at IS NULL");
constexpr OrgSql kCustomersWorkOrder(
    "SELECT 1 AS found FROM work_orders WHERE org_id = $1 AND id = $2 AND customer_id = $3");
// Technicians: only their own work orders (404 otherwise, like every read).
constexpr OrgSql kWorkOrderStatus(
    "SELECT status FROM work_orders WHERE org_id = $1 AND id = $2 AND "
    "(CAST($3 AS BIGINT) IS NULL OR assignee_id = CAST($3 AS BIGINT))");

constexpr OrgSql kMessages(
    "SELECT id, customer_id, work_order_id, direction, kind, phone, body, status, attempts, "
    "last_error, created_at, updated_at, row_key FROM sms_messages WHERE org_id = $1 "
    "AND (CAST($2 AS BIGINT) IS NULL OR customer_id = CAST($2 AS BIGINT)) "
    "AND (CAST($3 AS TEXT) IS NULL OR status = CAST($3 AS TEXT)) "
    "AND (CAST($4 AS TEXT) IS NULL OR direction = CAST($4 AS TEXT)) "
    "AND (CAST($5 AS BIGINT) IS NULL OR id < CAST($5 AS BIGINT)) ORDER BY id DESC LIMIT $6");
constexpr OrgSql kHasNumber("SELECT 1 AS found FROM org_sms_numbers WHERE org_id = $1");

constexpr OrgSql kSmsNumber("SELECT phone, verified FROM org_sms_numbers WHERE org_id = $1");
constexpr OrgSql kPendingRequest(
    "SELECT q.area_code, q.note, u.email AS requested_by, q.created_at AS requested_at "
    "FROM sms_number_requests q JOIN users u ON u.org_id = $1 AND u.id = q.requested_by "
    "WHERE q.org_id = $1 AND q.status = 'pending'");
constexpr OrgSql kRenewRequest(
    "UPDATE sms_number_requests SET area_code = $2, note = $3, requested_by = $4, "
    "created_at = $5 WHERE org_id = $1 AND status = 'pending'");
constexpr OrgSql kInsertRequest(
    "INSERT INTO sms_number_requests (org_id, requested_by, area_code, note, status, "
    "created_at) VALUES ($1, $2, $3, $4, 'pending', $5)");

// The receiving number names the organization (one number, one organization).
constexpr CrossTenantSql kOrgOfNumber("SELECT org_id FROM org_sms_numbers WHERE phone = $1");
// webhook_events is no tenant's: it holds provider event ids only.
constexpr Sql kFirstDelivery(
    "INSERT INTO webhook_events (provider, event_id, received_at) VALUES ('twilio', $1, $2) "
    "ON CONFLICT (provider, event_id) DO NOTHING RETURNING 1");
// By the number's blind index (the phone is sealed); the candidates' numbers
// are compared after opening (a truncated index can match another number).
constexpr OrgSql kCustomerByPhone(
    "SELECT id, sms_opt_out, phone, row_key FROM customers WHERE org_id = $1 AND phone_bidx = $2 "
    "AND deleted_at IS NULL ORDER BY id LIMIT 20");

// customers' sealed phone with its row key.
struct SealedPhoneRow {
  std::int64_t id = 0;
  bool sms_opt_out = false;
  std::optional<std::string> phone;
  std::string row_key;
};
BOOST_DESCRIBE_STRUCT(SealedPhoneRow, (), (id, sms_opt_out, phone, row_key))

std::optional<std::string> opened_phone(store::OrgTx& tx, const SealedPhoneRow& r) {
  if (!r.phone) return std::nullopt;
  return tx.open("customers", "phone", r.row_key, *r.phone);
}
constexpr OrgSql kOpenWorkOrder(
    "SELECT id FROM work_orders WHERE org_id = $1 AND customer_id = $2 "
    "AND status NOT IN ('completed', 'closed', 'cancelled') "
    "ORDER BY COALESCE(scheduled_start, due_at, created_at), id LIMIT 1");
constexpr OrgSql kInsertInbound(
    "INSERT INTO sms_messages (org_id, customer_id, work_order_id, direction, kind, phone, "
    "body, status, provider_sid, created_at, updated_at, row_key) VALUES ($1, $2, $3, "
    "'inbound', $4, $5, $6, 'received', $7, $8, $8, $9) RETURNING id");
constexpr OrgSql kNextVisit(
    "SELECT id, number, scheduled_start FROM work_orders WHERE org_id = $1 "
    "AND customer_id = $2 AND status = 'scheduled' AND scheduled_start >= $3 "
    "ORDER BY scheduled_start, id LIMIT 1");
constexpr OrgSql kConfirmVisit(
    "UPDATE work_orders SET customer_confirmed_at = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kOrgName("SELECT name FROM orgs WHERE id = $1");

// A delivery status names our message by Twilio's id, whichever organization sent it.
constexpr CrossTenantSql kSentMessage(
    "SELECT id, org_id, status FROM sms_messages WHERE provider_sid = $1 "
    "AND direction = 'outbound'");
constexpr OrgSql kSetDeliveryStatus(
    "UPDATE sms_messages SET status = $3, last_error = $4, updated_at = $5 "
    "WHERE org_id = $1 AND id = $2");

struct IdRow {
  std::int64_t id = 0;
};
BOOST_DESCRIBE_STRUCT(IdRow, (), (id))
struct OrgIdRow {
  std::int64_t org_id = 0;
};
BOOST_DESCRIBE_STRUCT(OrgIdRow, (), (org_id))
struct TemplateRow {
  std::string kind, body;
};
BOOST_DESCRIBE_STRUCT(TemplateRow, (), (kind, body))
struct StatusRow {
  std::string status;
};
BOOST_DESCRIBE_STRUCT(StatusRow, (), (status))
struct NameRow {
  std::string name;
};
BOOST_DESCRIBE_STRUCT(NameRow, (), (name))

std::optional<std::int64_t> id_of(const std::optional<IdRow>& row) {
  if (!row) return std::nullopt;
  return row->id;
}

}  // namespace

std::map<std::string, std::string> custom_templates(store::OrgTx& tx) {
  std::map<std::string, std::string> out;
  for (auto& t : tx.all<TemplateRow>(kCustomTemplates)) out.emplace(t.kind, std::move(t.body));
  return out;
}

void save_template(store::OrgTx& tx, std::string_view kind, const std::string& body,
                   std::int64_t now) {
  tx.run(kSaveTemplate, kind, body, now);
}

std::optional<Recipient> live_customer(store::OrgTx& tx, std::int64_t id) {
  const auto row = tx.one<SealedPhoneRow>(kLiveCustomer, id);
  if (!row) return std::nullopt;
  return Recipient{row->sms_opt_out, opened_phone(tx, *row)};
}

bool is_customers_work_order(store::OrgTx& tx, std::int64_t work_order, std::int64_t customer) {
  return !tx.run(kCustomersWorkOrder, work_order, customer).empty();
}

std::optional<std::string> work_order_status(store::OrgTx& tx, std::int64_t id,
                                             std::optional<std::int64_t> assignee) {
  auto row = tx.one<StatusRow>(kWorkOrderStatus, id, assignee);
  if (!row) return std::nullopt;
  return std::move(row->status);
}

std::vector<MessageRow> messages(store::OrgTx& tx, const MessageQuery& q) {
  auto rows =
      tx.all<MessageRow>(kMessages, q.customer, q.status, q.direction, q.before, q.limit + 1);
  for (auto& m : rows) {
    m.phone = bulwark::messaging::open_message_field(tx, "phone", m.row_key, std::move(m.phone));
    m.body = bulwark::messaging::open_message_field(tx, "body", m.row_key, std::move(m.body));
  }
  return rows;
}

bool has_sms_number(store::OrgTx& tx) { return !tx.run(kHasNumber).empty(); }

std::optional<NumberRow> sms_number(store::OrgTx& tx) { return tx.one<NumberRow>(kSmsNumber); }

std::optional<PendingRequestRow> pending_request(store::OrgTx& tx) {
  return tx.one<PendingRequestRow>(kPendingRequest);
}

void request_number(store::OrgTx& tx, std::int64_t user, const std::string& area_code,
                    const std::string& note, std::int64_t now) {
  if (tx.run(kRenewRequest, area_code, note, user, now).affected > 0) return;
  tx.run(kInsertRequest, user, area_code, note, now);
}

std::optional<std::int64_t> org_of_number(store::Connection& conn, const std::string& phone) {
  const store::Value params[] = {phone};
  auto row = store::decode_first<OrgIdRow>(conn.query(kOrgOfNumber, params));
  if (!row) return std::nullopt;
  return row->org_id;
}

bool first_delivery(store::Connection& conn, const std::string& sid, std::int64_t now) {
  return !conn.query(kFirstDelivery, {sid, now}).empty();
}

std::optional<std::int64_t> customer_by_phone(store::OrgTx& tx, const std::string& phone) {
  for (const auto& row : tx.all<SealedPhoneRow>(kCustomerByPhone, customers::phone_bidx(tx, phone)))
    if (opened_phone(tx, row) == phone) return row.id;
  return std::nullopt;
}

std::optional<std::int64_t> open_work_order(store::OrgTx& tx, std::int64_t customer) {
  return id_of(tx.one<IdRow>(kOpenWorkOrder, customer));
}

std::int64_t insert_inbound(store::OrgTx& tx, std::optional<std::int64_t> customer,
                            std::optional<std::int64_t> work_order, std::string_view keyword,
                            const InboundSms& sms, std::int64_t now) {
  const auto sealed = bulwark::messaging::seal_message(tx, sms.from, sms.body);
  return tx
      .one<IdRow>(kInsertInbound, customer, work_order, keyword, sealed.phone, sealed.body, sms.sid,
                  now, sealed.row_key)
      ->id;
}

std::optional<VisitRow> next_visit(store::OrgTx& tx, std::int64_t customer, std::int64_t now) {
  return tx.one<VisitRow>(kNextVisit, customer, now);
}

void confirm_visit(store::OrgTx& tx, std::int64_t work_order, std::int64_t now) {
  tx.run(kConfirmVisit, work_order, now);
}

std::string org_name(store::OrgTx& tx) {
  auto row = tx.one<NameRow>(kOrgName);
  return row ? row->name : std::string();
}

std::optional<SentRow> sent_message(store::Connection& conn, const std::string& sid) {
  const store::Value params[] = {sid};
  return store::decode_first<SentRow>(conn.query(kSentMessage, params));
}

void set_delivery_status(store::OrgTx& tx, std::int64_t id, const std::string& status,
                         const std::optional<std::string>& error, std::int64_t now) {
  tx.run(kSetDeliveryStatus, id, status, error, now);
}

}  // namespace bulwark::domain::messaging::repo
