#include "mail/outbox.hpp"

#include <boost/json/object.hpp>

#include "crypto/random.hpp"
#include "jobs/outbox.hpp"
#include "mail/message.hpp"
#include "store/org_tx.hpp"

namespace bulwark::mail {

namespace {

constexpr store::OrgSql kQueue(
    "INSERT INTO email_outbox (org_id, kind, customer_id, to_customer, to_address, subject, "
    "body_text, body_html, row_key, status, idempotency_key, created_at, updated_at, "
    "attachment_name, attachment_type, attachment) VALUES "
    "($1, $2, $3, $4, $5, $6, $7, $8, $9, 'queued', $10, $11, $11, $12, $13, $14) "
    "ON CONFLICT (org_id, idempotency_key) DO NOTHING RETURNING id");

}  // namespace

std::string_view to_string(QueueError e) {
  switch (e) {
    case QueueError::invalid_address: return "invalid_address";
    case QueueError::header_injection: return "header_injection";
    case QueueError::invalid_utf8: return "invalid_utf8";
    case QueueError::duplicate: return "duplicate";
    case QueueError::invalid_attachment: return "invalid_attachment";
  }
  return "unknown";
}

Expected<std::int64_t, QueueError> enqueue(store::Connection& conn, std::int64_t org_id,
                                           const Message& m, std::int64_t now_ms) {
  // Refused here rather than at sending: the cause can still tell its user.
  if (has_line_break(m.to_address) || has_line_break(m.subject))
    return unexpected(QueueError::header_injection);
  if (!valid_address(m.to_address)) return unexpected(QueueError::invalid_address);
  if (!valid_utf8(m.subject) || !valid_utf8(m.text) || !valid_utf8(m.html))
    return unexpected(QueueError::invalid_utf8);
  if (const auto& a = m.attachment;
      a && (!valid_content_type(a->content_type) || a->bytes.size() > kMaxAttachment))
    return unexpected(QueueError::invalid_attachment);
  // The row holds the HTML that will be sent (the export shows it as such).
  const auto html = m.html.empty() ? html_from_text(m.text) : m.html;
  store::OrgTx tx(conn, org_id);
  const auto key = tx.new_row_key();
  auto seal = [&](std::string_view column, std::string_view plain) {
    return tx.seal(kOutboxTable, column, key, plain);
  };
  const auto idempotency =
      m.idempotency_key.empty() ? "random:" + crypto::random_hex(16) : m.idempotency_key;
  std::optional<std::string> file_name, file_type, file;
  if (m.attachment) {
    file_name = sanitize_filename(m.attachment->filename);
    file_type = m.attachment->content_type;
    // Base64 under the seal: the opened column is text, like every other
    // (the organization export writes it into JSON).
    file = seal("attachment", crypto::base64(m.attachment->bytes));
  }
  const auto r = tx.run(kQueue, m.kind, m.customer_id, std::int64_t{m.to_customer ? 1 : 0},
                        seal("to_address", m.to_address), seal("subject", m.subject),
                        seal("body_text", m.text), seal("body_html", html), key, idempotency,
                        now_ms, file_name, file_type, file);
  if (r.empty()) return unexpected(QueueError::duplicate);
  const auto id = r.rows[0].integer(0);
  jobs::enqueue_job(conn, kSendJob, boost::json::object{{"org_id", org_id}, {"outbox_id", id}},
                    "email:" + std::to_string(id), org_id, now_ms);
  return id;
}

}  // namespace bulwark::mail
