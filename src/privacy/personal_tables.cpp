#include "privacy/personal_tables.hpp"

namespace bulwark::privacy {

const std::vector<PersonalTable>& personal_tables() {
  // Nullable columns compare with "or both NULL" (NULL = NULL is not true).
  static const std::vector<PersonalTable> kTables = {
      {"customers",
       {"name", "phone", "email", "billing_address", "notes"},
       store::OrgSql(
           "SELECT id, row_key, name, phone, email, billing_address, notes FROM customers "
           "WHERE org_id = $1 AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql(
           "UPDATE customers SET name = $3, phone = $4, email = $5, billing_address = $6, "
           "notes = $7 WHERE org_id = $1 AND id = $2 AND name = $8 AND "
           "(phone = CAST($9 AS TEXT) OR (phone IS NULL AND CAST($9 AS TEXT) IS NULL)) AND "
           "(email = CAST($10 AS TEXT) OR (email IS NULL AND CAST($10 AS TEXT) IS NULL)) AND "
           "billing_address = $11 AND notes = $12"),
       store::OrgSql("SELECT COUNT(*) FROM customers WHERE org_id = $1 AND row_key IS NOT NULL")},
      {"sites",
       {"address", "access_notes", "gate_code"},
       store::OrgSql("SELECT id, row_key, address, access_notes, gate_code FROM sites "
                     "WHERE org_id = $1 AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE sites SET address = $3, access_notes = $4, gate_code = $5 "
                     "WHERE org_id = $1 AND id = $2 AND address = $6 AND access_notes = $7 "
                     "AND gate_code = $8"),
       store::OrgSql("SELECT COUNT(*) FROM sites WHERE org_id = $1 AND row_key IS NOT NULL")},
      {"sms_messages",
       {"phone", "body"},
       store::OrgSql("SELECT id, row_key, phone, body FROM sms_messages WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE sms_messages SET phone = $3, body = $4 WHERE org_id = $1 AND id = $2 "
                     "AND phone = $5 AND body = $6"),
       store::OrgSql(
           "SELECT COUNT(*) FROM sms_messages WHERE org_id = $1 AND row_key IS NOT NULL")},
      // The names and captions; the files are re-sealed by
      // privacy/rotate_files.cpp (each is one envelope under a blob key).
      {"attachments",
       {"original_name", "caption"},
       store::OrgSql(
           "SELECT id, row_key, original_name, caption FROM attachments WHERE org_id = $1 "
           "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE attachments SET original_name = $3, caption = $4 WHERE org_id = $1 "
                     "AND id = $2 AND original_name = $5 AND caption = $6"),
       store::OrgSql("SELECT COUNT(*) FROM attachments WHERE org_id = $1 AND row_key IS NOT NULL")},
      // The free text of a visit (migration 0024). Checklist items without a
      // value and erased rows hold no text: their NULL compares as equal.
      {"work_orders",
       {"description"},
       store::OrgSql("SELECT id, row_key, description FROM work_orders WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE work_orders SET description = $3 WHERE org_id = $1 AND id = $2 "
                     "AND description = $4"),
       store::OrgSql("SELECT COUNT(*) FROM work_orders WHERE org_id = $1 AND row_key IS NOT NULL")},
      {"work_order_comments",
       {"body"},
       store::OrgSql("SELECT id, row_key, body FROM work_order_comments WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE work_order_comments SET body = $3 WHERE org_id = $1 AND id = $2 "
                     "AND body = $4"),
       store::OrgSql(
           "SELECT COUNT(*) FROM work_order_comments WHERE org_id = $1 AND row_key IS NOT NULL")},
      {"work_order_time",
       {"note"},
       store::OrgSql("SELECT id, row_key, note FROM work_order_time WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE work_order_time SET note = $3 WHERE org_id = $1 AND id = $2 "
                     "AND note = $4"),
       store::OrgSql(
           "SELECT COUNT(*) FROM work_order_time WHERE org_id = $1 AND row_key IS NOT NULL")},
      {"work_order_checklist",
       {"value"},
       store::OrgSql("SELECT id, row_key, value FROM work_order_checklist WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql(
           "UPDATE work_order_checklist SET value = $3 WHERE org_id = $1 AND id = $2 "
           "AND (value = CAST($4 AS TEXT) OR (value IS NULL AND CAST($4 AS TEXT) IS NULL))"),
       store::OrgSql(
           "SELECT COUNT(*) FROM work_order_checklist WHERE org_id = $1 AND row_key IS NOT NULL")},
      {"completion_records",
       {"record"},
       store::OrgSql("SELECT id, row_key, record FROM completion_records WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE completion_records SET record = $3 WHERE org_id = $1 AND id = $2 "
                     "AND record = $4"),
       store::OrgSql(
           "SELECT COUNT(*) FROM completion_records WHERE org_id = $1 AND row_key IS NOT NULL")},
      // A data-subject request's notes (they may name the customer).
      {"privacy_requests",
       {"notes"},
       store::OrgSql("SELECT id, row_key, notes FROM privacy_requests WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE privacy_requests SET notes = $3 WHERE org_id = $1 AND id = $2 "
                     "AND notes = $4"),
       store::OrgSql(
           "SELECT COUNT(*) FROM privacy_requests WHERE org_id = $1 AND row_key IS NOT NULL")},
      // The consent list has no id: it pages by its blind index.
      {"sms_consent",
       {"phone"},
       store::OrgSql("SELECT phone_bidx AS id, row_key, phone FROM sms_consent "
                     "WHERE org_id = $1 AND phone_bidx > $2 AND row_key IS NOT NULL "
                     "ORDER BY phone_bidx LIMIT $3"),
       store::OrgSql("UPDATE sms_consent SET phone = $3 WHERE org_id = $1 AND phone_bidx = $2 "
                     "AND phone = $4"),
       store::OrgSql("SELECT COUNT(*) FROM sms_consent WHERE org_id = $1 AND row_key IS NOT NULL"),
       true},
      // Answers kept for Idempotency-Key replays (24 hours).
      {"idempotency_keys",
       {"body"},
       store::OrgSql("SELECT id, row_key, body FROM idempotency_keys WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE idempotency_keys SET body = $3 WHERE org_id = $1 AND id = $2 "
                     "AND body = $4"),
       store::OrgSql(
           "SELECT COUNT(*) FROM idempotency_keys WHERE org_id = $1 AND row_key IS NOT NULL")},
      // Why an asset went down or back up (issue 14 item 7): typed on site.
      {"asset_status_changes",
       {"reason"},
       store::OrgSql("SELECT id, row_key, reason FROM asset_status_changes WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE asset_status_changes SET reason = $3 WHERE org_id = $1 "
                     "AND id = $2 AND reason = $4"),
       store::OrgSql("SELECT COUNT(*) FROM asset_status_changes WHERE org_id = $1 "
                     "AND row_key IS NOT NULL")},
      // Invoice notes and the check numbers of payments recorded by hand
      // (issue 14 item 2); both nullable.
      {"invoices",
       {"notes"},
       store::OrgSql("SELECT id, row_key, notes FROM invoices WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql(
           "UPDATE invoices SET notes = $3 WHERE org_id = $1 AND id = $2 "
           "AND (notes = CAST($4 AS TEXT) OR (notes IS NULL AND CAST($4 AS TEXT) IS NULL))"),
       store::OrgSql("SELECT COUNT(*) FROM invoices WHERE org_id = $1 AND row_key IS NOT NULL")},
      {"payment_ledger",
       {"reference"},
       store::OrgSql("SELECT id, row_key, reference FROM payment_ledger WHERE org_id = $1 "
                     "AND id > $2 AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE payment_ledger SET reference = $3 WHERE org_id = $1 AND id = $2 AND "
                     "(reference = CAST($4 AS TEXT) OR (reference IS NULL AND CAST($4 AS TEXT) IS "
                     "NULL))"),
       store::OrgSql(
           "SELECT COUNT(*) FROM payment_ledger WHERE org_id = $1 AND row_key IS NOT NULL")},
      // Work requests (issue 14 item 6): who asked, what is wrong, why declined.
      {"work_requests",
       {"requester_name", "requester_phone", "description", "decline_reason"},
       store::OrgSql("SELECT id, row_key, requester_name, requester_phone, description, "
                     "decline_reason FROM work_requests WHERE org_id = $1 AND id > $2 "
                     "AND row_key IS NOT NULL ORDER BY id LIMIT $3"),
       store::OrgSql("UPDATE work_requests SET requester_name = $3, requester_phone = $4, "
                     "description = $5, decline_reason = $6 WHERE org_id = $1 AND id = $2 AND "
                     "requester_name = $7 AND (requester_phone = CAST($8 AS TEXT) OR "
                     "(requester_phone IS NULL AND CAST($8 AS TEXT) IS NULL)) AND "
                     "description = $9 AND (decline_reason = CAST($10 AS TEXT) OR "
                     "(decline_reason IS NULL AND CAST($10 AS TEXT) IS NULL))"),
       store::OrgSql(
           "SELECT COUNT(*) FROM work_requests WHERE org_id = $1 AND row_key IS NOT NULL")},
      // Email (issue 14 item 3): the recipient, the subject and both bodies.
      // The attached file (the invoice PDF, as base64) since 0032.
      {"email_outbox",
       {"to_address", "subject", "body_text", "body_html", "attachment"},
       store::OrgSql("SELECT id, row_key, to_address, subject, body_text, body_html, attachment "
                     "FROM email_outbox WHERE org_id = $1 AND id > $2 AND row_key IS NOT NULL "
                     "ORDER BY id LIMIT $3"),
       store::OrgSql(
           "UPDATE email_outbox SET to_address = $3, subject = $4, body_text = $5, "
           "body_html = $6, attachment = $7 WHERE org_id = $1 AND id = $2 AND to_address = $8 "
           "AND subject = $9 AND body_text = $10 AND body_html = $11 AND "
           "(attachment = CAST($12 AS TEXT) OR (attachment IS NULL AND CAST($12 AS TEXT) IS "
           "NULL))"),
       store::OrgSql(
           "SELECT COUNT(*) FROM email_outbox WHERE org_id = $1 AND row_key IS NOT NULL")},
  };
  return kTables;
}

}  // namespace bulwark::privacy
