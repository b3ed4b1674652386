#include "domain/privacy/repo.hpp"

#include <array>
#include <boost/json.hpp>
#include <string_view>

#include "domain/customers/blind.hpp"
#include "messaging/sealed_message.hpp"

namespace bulwark::domain::privacy::repo {

namespace {

using store::OrgSql;

// The customer's work orders, as a subquery every statement below reuses.
#define CUSTOMER_WOS "(SELECT id FROM work_orders WHERE org_id = $1 AND customer_id = $2)"

constexpr OrgSql kFind(
    "SELECT c.name, c.row_key, (SELECT COUNT(*) FROM customer_erasures e WHERE e.org_id = $1 "
    "AND e.customer_id = $2) AS erased FROM customers c WHERE c.org_id = $1 AND c.id = $2");

constexpr OrgSql kCustomer(
    "SELECT id, name, phone, email, billing_address, notes, sms_opt_out, do_not_sell, "
    "deleted_at, created_at, updated_at, row_key FROM customers WHERE org_id = $1 AND id = $2");
constexpr OrgSql kSites(
    "SELECT id, name, address, access_notes, gate_code, created_at, updated_at, row_key "
    "FROM sites WHERE org_id = $1 AND customer_id = $2 ORDER BY id");
constexpr OrgSql kSiteKeys(
    "SELECT id, row_key FROM sites WHERE org_id = $1 AND customer_id = $2 ORDER BY id");
constexpr OrgSql kWorkOrders(
    "SELECT id, number, title, description, type, priority, status, site_id, scheduled_start, "
    "scheduled_end, created_at, completed_at, row_key FROM work_orders "
    "WHERE org_id = $1 AND customer_id = $2 ORDER BY id");
constexpr OrgSql kComments(
    "SELECT id, work_order_id, author_id, body, created_at, row_key FROM work_order_comments "
    "WHERE org_id = $1 AND work_order_id IN " CUSTOMER_WOS " ORDER BY id");
constexpr OrgSql kChecklist(
    "SELECT id, work_order_id, label, kind, unit, value, done, done_at, attachment_id, "
    "row_key FROM work_order_checklist WHERE org_id = $1 AND work_order_id IN " CUSTOMER_WOS
    " ORDER BY id");
constexpr OrgSql kTime(
    "SELECT id, work_order_id, user_id, minutes, note, created_at, row_key FROM work_order_time "
    "WHERE org_id = $1 AND work_order_id IN " CUSTOMER_WOS " ORDER BY id");
constexpr OrgSql kParts(
    "SELECT id, work_order_id, name, quantity, unit_cost_cents, currency, created_at "
    "FROM work_order_parts WHERE org_id = $1 AND work_order_id IN " CUSTOMER_WOS " ORDER BY id");
constexpr OrgSql kMessages(
    "SELECT id, work_order_id, direction, kind, phone, body, status, created_at, row_key "
    "FROM sms_messages WHERE org_id = $1 AND (customer_id = $2 OR work_order_id IN " CUSTOMER_WOS
    ") ORDER BY id");
constexpr OrgSql kInvoices(
    "SELECT id, number, work_order_id, status, currency, total_cents, created_at, paid_at "
    "FROM invoices WHERE org_id = $1 AND customer_id = $2 ORDER BY id");
constexpr OrgSql kInvoiceLines(
    "SELECT id, invoice_id, description, quantity, unit_cents, amount_cents FROM invoice_lines "
    "WHERE org_id = $1 AND invoice_id IN "
    "(SELECT id FROM invoices WHERE org_id = $1 AND customer_id = $2) ORDER BY id");
// The consent of the customer's number (a STOP outlives even an erasure).
constexpr OrgSql kConsent(
    "SELECT phone AS phone_e164, state, changed_at, source, row_key FROM sms_consent "
    "WHERE org_id = $1 AND "
    "phone_bidx = (SELECT phone_bidx FROM customers WHERE org_id = $1 AND id = $2)");
constexpr OrgSql kDoNotSell(
    "SELECT do_not_sell, source, changed_by, changed_at FROM customer_do_not_sell "
    "WHERE org_id = $1 AND customer_id = $2 ORDER BY id");
constexpr OrgSql kPrivacyRequests(
    "SELECT id, type, regime, received_on, due_on, notes, created_at, completed_at, row_key "
    "FROM privacy_requests WHERE org_id = $1 AND customer_id = $2 ORDER BY id");
// row_key: '' on a row not sealed yet (from before migration 0021).
constexpr OrgSql kAttachments(
    "SELECT id, owner_id AS work_order_id, original_name, mime, size_bytes, sha256, caption, "
    "created_at, COALESCE(row_key, '') AS row_key FROM attachments WHERE org_id = $1 "
    "AND owner_kind = 'work_order' AND owner_id IN " CUSTOMER_WOS " ORDER BY id");
constexpr OrgSql kAttachmentKeys(
    "SELECT id, blob_key, thumbnail_bytes, original_name, COALESCE(row_key, ''), blob_format "
    "FROM attachments WHERE org_id = $1 "
    "AND owner_kind = 'work_order' AND owner_id IN " CUSTOMER_WOS " ORDER BY id");

// Erasure, in an order that keeps every reference valid. Erased free text
// is the plain marker with the row key NULL (domain/work_orders/visit_text.hpp):
// a row with a key still holds text to erase.
#define ERASED_TEXT "(kind IN ('text', 'signature', 'photo') AND value IS NOT NULL)"
constexpr OrgSql kEraseChecklist(
    "UPDATE work_order_checklist SET attachment_id = NULL, "
    "value = CASE WHEN " ERASED_TEXT
    " THEN '[erased]' ELSE value END, "
    "row_key = CASE WHEN " ERASED_TEXT
    " THEN NULL ELSE row_key END "
    "WHERE org_id = $1 AND work_order_id IN " CUSTOMER_WOS
    " AND (attachment_id IS NOT NULL OR (" ERASED_TEXT
    " AND (row_key IS NOT NULL "
    "OR value <> '[erased]')))");
#undef ERASED_TEXT
constexpr OrgSql kDeleteAttachments(
    "DELETE FROM attachments WHERE org_id = $1 AND owner_kind = 'work_order' "
    "AND owner_id IN " CUSTOMER_WOS);
constexpr OrgSql kEraseWorkOrders(
    "UPDATE work_orders SET description = '[erased]', row_key = NULL, updated_at = $3, "
    "version = version + 1 WHERE org_id = $1 AND customer_id = $2");
constexpr OrgSql kEraseComments(
    "UPDATE work_order_comments SET body = '[erased]', row_key = NULL WHERE org_id = $1 "
    "AND work_order_id IN " CUSTOMER_WOS " AND (row_key IS NOT NULL OR body <> '[erased]')");
constexpr OrgSql kEraseTime(
    "UPDATE work_order_time SET note = '[erased]', row_key = NULL WHERE org_id = $1 "
    "AND work_order_id IN " CUSTOMER_WOS
    " AND (row_key IS NOT NULL OR (note <> '' AND note <> '[erased]'))");
constexpr OrgSql kEraseCompletion(
    "UPDATE completion_records SET record = '{\"erased\":true}', row_key = NULL "
    "WHERE org_id = $1 AND work_order_id IN " CUSTOMER_WOS
    " AND (row_key IS NOT NULL OR record <> '{\"erased\":true}')");
// A queued text to an erased number must not go out.
constexpr OrgSql kEraseMessages(
    "UPDATE sms_messages SET body = '[erased]', phone = '', row_key = NULL, status = CASE WHEN "
    "status = "
    "'queued' THEN 'superseded' ELSE status END, last_error = NULL, updated_at = $3 "
    "WHERE org_id = $1 AND (customer_id = $2 OR work_order_id IN " CUSTOMER_WOS ")");
// Mail to the customer goes: the outbox row holds their address, the message
// and perhaps their invoice as a PDF. A queued one is never sent then (the
// send job gives up on a message that is gone).
constexpr OrgSql kEraseEmails("DELETE FROM email_outbox WHERE org_id = $1 AND customer_id = $2");
// What stays is sealed like any value (readers open every row); the blind
// indexes and name tokens go with the values.
constexpr OrgSql kEraseSite(
    "UPDATE sites SET name = '[erased]', address = $4, access_notes = $5, "
    "gate_code = $6, updated_at = $3 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kEraseCustomer(
    "UPDATE customers SET name = $4, phone = NULL, email = NULL, phone_bidx = NULL, "
    "email_bidx = NULL, billing_address = $5, notes = $6, "
    "deleted_at = COALESCE(deleted_at, $3), updated_at = $3, "
    "version = version + 1 WHERE org_id = $1 AND id = $2");
constexpr OrgSql kEraseRequestNotes(
    "UPDATE privacy_requests SET notes = '[erased]', row_key = NULL WHERE org_id = $1 "
    "AND customer_id = $2 AND (row_key IS NOT NULL OR (notes <> '' AND notes <> '[erased]'))");
constexpr OrgSql kCountInvoices(
    "SELECT COUNT(*) AS n FROM invoices WHERE org_id = $1 AND customer_id = $2");
constexpr OrgSql kRecord(
    "INSERT INTO customer_erasures (org_id, customer_id, erased_by, erased_at, reason) "
    "VALUES ($1, $2, $3, $4, $5)");
#undef CUSTOMER_WOS

// Ids, times, counts and flags are numbers in the export on both engines
// (PostgreSQL hands every column over as text).
bool numeric(std::string_view c) {
  static constexpr std::array kExact = {
      "id",         "number",          "minutes",       "done",        "sms_opt_out", "do_not_sell",
      "size_bytes", "scheduled_start", "scheduled_end", "total_cents", "changed_by"};
  for (std::string_view e : kExact)
    if (c == e) return true;
  return c.ends_with("_id") || c.ends_with("_at") || c.ends_with("_cents");
}

// Opens the listed columns of each exported row with its row_key (which
// itself is left out of the export). Consent rows copied before the
// sealing pass (no key yet) hold the plain number.
void open_columns(store::OrgTx& tx, boost::json::array& rows, std::string_view table,
                  std::initializer_list<std::string_view> columns) {
  for (auto& v : rows) {
    auto& o = v.as_object();
    const auto* key = o.if_contains("row_key");
    if (key && key->is_string()) {
      const std::string row_key(key->as_string());
      for (auto column : columns) {
        const auto name = std::string(column == "phone_e164" ? "phone" : column);
        if (auto* value = o.if_contains(column); value && value->is_string())
          *value = tx.open(table, name, row_key, std::string(value->as_string()));
      }
    }
    o.erase("row_key");
  }
}

boost::json::array rows(const store::Result& r) {
  boost::json::array out;
  for (const auto& row : r.rows) {
    boost::json::object o;
    for (std::size_t i = 0; i < r.columns.size(); ++i) {
      const auto& c = r.columns[i];
      if (row.is_null(i))
        o[c] = nullptr;
      else if (c == "quantity")
        o[c] = row.real(i);
      else if (numeric(c))
        o[c] = row.integer(i);
      else
        o[c] = row.text(i);
    }
    out.push_back(std::move(o));
  }
  return out;
}

// Messages' phone and body are sealed per row (messaging/sealed_message.hpp):
// the export holds them opened, and not the row key.
boost::json::array message_rows(store::OrgTx& tx, const store::Result& r) {
  auto out = rows(r);
  for (auto& v : out) {
    auto& o = v.as_object();
    std::optional<std::string> key;
    if (auto* k = o.if_contains("row_key"); k && k->is_string()) key = std::string(k->as_string());
    for (std::string_view column : {"phone", "body"})
      if (auto* f = o.if_contains(column); f && f->is_string())
        *f = bulwark::messaging::open_message_field(tx, column, key, std::string(f->as_string()));
    o.erase("row_key");
  }
  return out;
}

}  // namespace

std::optional<Target> find(store::OrgTx& tx, std::int64_t customer) {
  const auto r = tx.run(kFind, customer);
  if (r.rows.empty()) return std::nullopt;
  return Target{tx.open("customers", "name", r.rows[0].text(1), r.rows[0].text(0)),
                r.rows[0].integer(2) > 0};
}

ExportRows export_rows(store::OrgTx& tx, std::int64_t customer) {
  ExportRows e;
  e.customer = rows(tx.run(kCustomer, customer));
  open_columns(tx, e.customer, "customers", {"name", "phone", "email", "billing_address", "notes"});
  e.sites = rows(tx.run(kSites, customer));
  open_columns(tx, e.sites, "sites", {"address", "access_notes", "gate_code"});
  e.work_orders = rows(tx.run(kWorkOrders, customer));
  open_columns(tx, e.work_orders, "work_orders", {"description"});
  e.comments = rows(tx.run(kComments, customer));
  open_columns(tx, e.comments, "work_order_comments", {"body"});
  e.checklist = rows(tx.run(kChecklist, customer));
  open_columns(tx, e.checklist, "work_order_checklist", {"value"});
  e.time = rows(tx.run(kTime, customer));
  open_columns(tx, e.time, "work_order_time", {"note"});
  e.parts = rows(tx.run(kParts, customer));
  e.messages = message_rows(tx, tx.run(kMessages, customer));
  e.invoices = rows(tx.run(kInvoices, customer));
  e.invoice_lines = rows(tx.run(kInvoiceLines, customer));
  e.consent = rows(tx.run(kConsent, customer));
  open_columns(tx, e.consent, "sms_consent", {"phone_e164"});
  e.do_not_sell = rows(tx.run(kDoNotSell, customer));
  e.privacy_requests = rows(tx.run(kPrivacyRequests, customer));
  open_columns(tx, e.privacy_requests, "privacy_requests", {"notes"});
  e.attachments = rows(tx.run(kAttachments, customer));
  // Names and captions are sealed (issue 13): opened here, the key dropped.
  for (auto& a : e.attachments) {
    auto& o = a.as_object();
    const std::string row_key(o.at("row_key").as_string());
    for (const char* column : {"original_name", "caption"})
      if (!row_key.empty())
        o[column] = tx.open("attachments", column, row_key, o.at(column).as_string());
    o.erase("row_key");
  }
  return e;
}

std::vector<AttachmentKey> attachment_keys(store::OrgTx& tx, std::int64_t customer) {
  std::vector<AttachmentKey> out;
  for (const auto& row : tx.run(kAttachmentKeys, customer).rows) {
    AttachmentKey k{row.integer(0), row.text(1), !row.is_null(2),
                    row.text(3),    row.text(4), row.integer(5)};
    if (!k.row_key.empty())
      k.original_name = tx.open("attachments", "original_name", k.row_key, k.original_name);
    out.push_back(std::move(k));
  }
  return out;
}

Erased erase_rows(store::OrgTx& tx, std::int64_t customer, std::int64_t now) {
  Erased n;
  n.checklist_values = tx.run(kEraseChecklist, customer).affected;
  n.attachments = tx.run(kDeleteAttachments, customer).affected;
  n.work_orders = tx.run(kEraseWorkOrders, customer, now).affected;
  n.comments = tx.run(kEraseComments, customer).affected;
  n.time_notes = tx.run(kEraseTime, customer).affected;
  n.completion_records = tx.run(kEraseCompletion, customer).affected;
  n.messages = tx.run(kEraseMessages, customer, now).affected;
  n.emails = tx.run(kEraseEmails, customer).affected;
  for (const auto& site : tx.run(kSiteKeys, customer).rows) {
    const auto key = site.text(1);
    n.sites +=
        tx.run(kEraseSite, site.integer(0), now, tx.seal("sites", "address", key, "[erased]"),
               tx.seal("sites", "access_notes", key, ""), tx.seal("sites", "gate_code", key, ""))
            .affected;
  }
  n.privacy_request_notes = tx.run(kEraseRequestNotes, customer).affected;
  const auto key = tx.run(kFind, customer).rows.at(0).text(1);
  n.customers = tx.run(kEraseCustomer, customer, now, tx.seal("customers", "name", key, "[erased]"),
                       tx.seal("customers", "billing_address", key, ""),
                       tx.seal("customers", "notes", key, ""))
                    .affected;
  customers::erase_name_tokens(tx, customer);
  n.invoices = tx.run(kCountInvoices, customer).rows.at(0).integer(0);
  return n;
}

void record_erasure(store::OrgTx& tx, std::int64_t customer, std::int64_t by, std::int64_t now,
                    const std::string& reason) {
  tx.run(kRecord, customer, by, now, reason);
}

}  // namespace bulwark::domain::privacy::repo
