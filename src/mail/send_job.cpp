#include "mail/send_job.hpp"

#include <boost/describe/class.hpp>
#include <optional>

#include "crypto/random.hpp"
#include "identity/clock.hpp"
#include "logging/log.hpp"
#include "mail/message.hpp"
#include "mail/outbox.hpp"
#include "mail/smtp.hpp"
#include "mail/unsubscribe.hpp"
#include "store/org_tx.hpp"

namespace bulwark::mail {

namespace {

using jobs::HttpVerdict;
using store::OrgSql;

constexpr OrgSql kRow(
    "SELECT status, kind, to_customer, customer_id, to_address, subject, body_text, body_html, "
    "row_key, "
    "attachment_name, attachment_type, attachment FROM email_outbox "
    "WHERE org_id = $1 AND id = $2");
constexpr OrgSql kOrg("SELECT name, reply_to_email FROM orgs WHERE id = $1");
constexpr OrgSql kSent(
    "UPDATE email_outbox SET status = 'sent', attempts = attempts + 1, last_error = NULL, "
    "message_id = $3, sent_at = $4, updated_at = $4 WHERE org_id = $1 AND id = $2 "
    "AND status = 'queued'");
constexpr OrgSql kAttempt(
    "UPDATE email_outbox SET status = $3, attempts = attempts + 1, last_error = $4, "
    "updated_at = $5 WHERE org_id = $1 AND id = $2 AND status = 'queued'");

struct OutboxRow {
  std::string status, kind;
  bool to_customer = false;
  std::optional<std::int64_t> customer_id;
  std::string to_address, subject, body_text, body_html, row_key;
  std::optional<std::string> attachment_name, attachment_type, attachment;
};
BOOST_DESCRIBE_STRUCT(OutboxRow, (),
                      (status, kind, to_customer, customer_id, to_address, subject, body_text,
                       body_html, row_key, attachment_name, attachment_type, attachment))
struct OrgRow {
  std::string name;
  std::optional<std::string> reply_to_email;
};
BOOST_DESCRIBE_STRUCT(OrgRow, (), (name, reply_to_email))

struct Loaded {
  OutboxRow row;
  OrgRow org;
};

std::optional<Loaded> load(store::Database& db, std::int64_t org, std::int64_t id) {
  return store::in_org(db, org, [&](store::OrgTx& tx) -> std::optional<Loaded> {
    auto row = tx.one<OutboxRow>(kRow, id);
    auto o = tx.one<OrgRow>(kOrg);
    if (!row || !o) return std::nullopt;
    if (row->status != "queued") return Loaded{std::move(*row), std::move(*o)};
    for (auto [column, value] :
         {std::pair{"to_address", &row->to_address}, std::pair{"subject", &row->subject},
          std::pair{"body_text", &row->body_text}, std::pair{"body_html", &row->body_html}})
      *value = tx.open(kOutboxTable, column, row->row_key, *value);
    if (row->attachment)
      row->attachment = tx.open(kOutboxTable, "attachment", row->row_key, *row->attachment);
    return Loaded{std::move(*row), std::move(*o)};
  });
}

void record(store::Database& db, std::int64_t org, std::int64_t id, std::string_view status,
            std::string_view error, std::int64_t now) {
  store::in_org(db, org, [&](store::OrgTx& tx) { tx.run(kAttempt, id, status, error, now); });
}

}  // namespace

jobs::JobResult run_send_job(const jobs::JobContext& ctx, const jobs::Job& job) {
  const auto* org = job.payload.if_contains("org_id");
  const auto* id = job.payload.if_contains("outbox_id");
  if (!org || !id || !org->is_int64() || !id->is_int64())
    return {HttpVerdict::give_up, "invalid_payload"};
  const auto org_id = org->as_int64(), outbox_id = id->as_int64();
  const auto loaded = load(ctx.db, org_id, outbox_id);
  if (!loaded) return {HttpVerdict::give_up, "no_such_message"};
  if (loaded->row.status != "queued") return {HttpVerdict::done, {}};  // sent by an earlier attempt
  const auto& s = ctx.config.smtp;
  const auto& row = loaded->row;
  OutgoingMessage m;
  m.from_name = loaded->org.name;
  m.from_address = s.mail_from;
  m.reply_to = loaded->org.reply_to_email;
  m.to_address = row.to_address;
  m.subject = row.subject;
  m.text = row.body_text;
  m.html = row.body_html;
  // Customer mail that is not transactional only (mail/unsubscribe.hpp):
  // one-click to a known customer, else the mailbox.
  m.list_unsubscribe =
      list_unsubscribe_for(row.kind, row.to_customer, m.reply_to.value_or(s.mail_from));
  if (m.list_unsubscribe && row.customer_id && !ctx.config.public_url.empty()) {
    const auto link = store::in_org(ctx.db, org_id, [&](store::OrgTx& tx) {
      return issue_one_click(tx, *row.customer_id, ctx.config.public_url, identity::now_ms());
    });
    m.list_unsubscribe = link.post_url;
    m.text = fill_unsubscribe_slot(std::move(m.text), link.page_url);
    m.html = fill_unsubscribe_slot(std::move(m.html), link.page_url);
  }
  if (row.attachment) {
    auto bytes = crypto::from_base64(*row.attachment);  // sealed as base64 (mail/outbox.cpp)
    if (!bytes) {
      record(ctx.db, org_id, outbox_id, "failed", "invalid_attachment", identity::now_ms());
      return {HttpVerdict::give_up, "invalid_attachment"};
    }
    m.attachments.push_back(
        {.filename = row.attachment_name.value_or("attachment"),
         .content_type = row.attachment_type.value_or("application/octet-stream"),
         .bytes = std::move(*bytes)});
  }
  m.message_id = crypto::random_hex(16) + s.mail_from.substr(s.mail_from.find('@'));
  m.date_ms = identity::now_ms();
  const auto text = build_message(m);
  if (!text) {
    record(ctx.db, org_id, outbox_id, "failed", text.error(), identity::now_ms());
    return {HttpVerdict::give_up, text.error()};
  }
  const auto outcome = send_smtp(s, row.to_address, *text);
  const auto now = identity::now_ms();
  if (outcome.verdict == HttpVerdict::done) {
    store::in_org(ctx.db, org_id,
                  [&](store::OrgTx& tx) { tx.run(kSent, outbox_id, m.message_id, now); });
    logging::info("mail sent",
                  {{logging::Field::org_id, org_id}, {logging::Field::count, outbox_id}});
    return {HttpVerdict::done, {}};
  }
  // The worker gives up after its last attempt: the row says so too.
  const bool last =
      outcome.verdict == HttpVerdict::give_up || job.attempts >= jobs::WorkerOptions{}.max_attempts;
  record(ctx.db, org_id, outbox_id, last ? "failed" : "queued", outcome.error, now);
  return {outcome.verdict, outcome.error};
}

}  // namespace bulwark::mail
