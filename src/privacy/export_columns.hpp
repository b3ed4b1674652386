#pragma once
// What the organization's export (issue 13 item 8) opens and what it leaves
// out, in one place. The export reads every table generically (SELECT *);
// this list names the personal columns that hold sealed envelopes (the
// shared data contract of issue 13) and the secrets that never leave.
// `bulwark personal-fields` prints these with the rotation's list
// (privacy/personal_tables.hpp); the raw-bytes API test seeds every one.
#include <array>
#include <string_view>

namespace bulwark::privacy {

struct PersonalColumn {
  std::string_view table;
  std::string_view column;
};

// Opened with tx.open(table, column, row_key, value) when the row's row_key
// is not NULL (a row sealed by the field-encryption work); plain otherwise.
inline constexpr std::array<PersonalColumn, 32> kPersonalColumns{{
    {"customers", "name"},
    {"customers", "phone"},
    {"customers", "email"},
    {"customers", "billing_address"},
    {"customers", "notes"},
    {"sites", "address"},
    {"sites", "access_notes"},
    {"sites", "gate_code"},
    {"sms_consent", "phone"},
    {"sms_messages", "phone"},
    {"sms_messages", "body"},
    {"attachments", "original_name"},
    {"attachments", "caption"},
    {"invoices", "billing_snapshot"},
    {"invoices", "notes"},
    {"payment_ledger", "reference"},
    {"work_orders", "description"},
    {"work_order_comments", "body"},
    {"work_order_time", "note"},
    {"work_order_checklist", "value"},
    {"completion_records", "record"},
    {"privacy_requests", "notes"},
    {"email_outbox", "to_address"},
    {"email_outbox", "subject"},
    {"email_outbox", "body_text"},
    {"email_outbox", "body_html"},
    {"email_outbox", "attachment"},
    {"asset_status_changes", "reason"},
    {"work_requests", "requester_name"},
    {"work_requests", "requester_phone"},
    {"work_requests", "description"},
    {"work_requests", "decline_reason"},
}};

// Never exported: password hashes, session ids and token hashes, CSRF tokens,
// wrapped keys, webhook secrets, and the internals that only make sense to
// the server (row keys, blind indexes). Matched by exact column name.
inline constexpr std::array<std::string_view, 12> kSecretColumns{
    "password_hash",  "token_hash",     "csrf_token",  "wrapped",
    "webhook_secret", "signing_secret", "row_key",     "request_hash",
    "file_key",       "token_sealed",   "secret_hash", "client_secret"};

// Whole tables left out for the same reason, or because they are the
// server's internals (the jobs queue, the exports themselves) or exported in
// another form (attachment_chunks are the attachments/ files), or blind
// search tokens (customer_name_tokens: HMACs, useless outside and a way to
// test guesses against the live database). oauth_tokens are an API client's
// live bearer tokens (hashes, one hour): credentials like sessions.
// sso_logins: sign-ins in progress (a nonce and a PKCE verifier for ten
// minutes).
inline constexpr std::array<std::string_view, 10> kSecretTables{
    "sessions",    "org_keys",          "idempotency_keys",     "attachment_chunks", "jobs",
    "org_exports", "org_export_chunks", "customer_name_tokens", "oauth_tokens",      "sso_logins"};

constexpr bool is_personal(std::string_view table, std::string_view column) {
  for (const auto& p : kPersonalColumns)
    if (p.table == table && p.column == column) return true;
  return false;
}

// Blind indexes (…_bidx) are HMAC tokens: useless outside, and they would
// let a reader of the export test guesses against the live database.
constexpr bool is_secret_column(std::string_view column) {
  for (auto s : kSecretColumns)
    if (s == column) return true;
  return column.ends_with("_bidx");
}

}  // namespace bulwark::privacy
