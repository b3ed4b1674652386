#include "domain/privacy/org_export_tables.hpp"

#include <array>

namespace bulwark::domain::privacy {

namespace {

// Every table of an organization's data, read whole (SELECT *, so a column a
// later migration adds is exported without a change here). Tables left out
// on purpose are listed in privacy/export_columns.hpp; a unit test checks
// that every tenant table is either here or there.
constexpr std::array kTables = std::to_array<ExportTable>({
    {"orgs", "SELECT * FROM orgs WHERE id = $1"},
    {"users", "SELECT * FROM users WHERE org_id = $1 ORDER BY id"},
    {"customers", "SELECT * FROM customers WHERE org_id = $1 ORDER BY id"},
    {"sites", "SELECT * FROM sites WHERE org_id = $1 ORDER BY id"},
    {"assets", "SELECT * FROM assets WHERE org_id = $1 ORDER BY id"},
    {"meter_readings", "SELECT * FROM meter_readings WHERE org_id = $1 ORDER BY id"},
    {"price_items", "SELECT * FROM price_items WHERE org_id = $1 ORDER BY id"},
    {"tax_rates", "SELECT * FROM tax_rates WHERE org_id = $1 ORDER BY id"},
    {"asset_status_changes", "SELECT * FROM asset_status_changes WHERE org_id = $1 ORDER BY id"},
    {"work_orders", "SELECT * FROM work_orders WHERE org_id = $1 ORDER BY id"},
    {"work_order_history", "SELECT * FROM work_order_history WHERE org_id = $1 ORDER BY id"},
    {"work_order_comments", "SELECT * FROM work_order_comments WHERE org_id = $1 ORDER BY id"},
    {"work_order_checklist", "SELECT * FROM work_order_checklist WHERE org_id = $1 ORDER BY id"},
    {"work_order_time", "SELECT * FROM work_order_time WHERE org_id = $1 ORDER BY id"},
    {"work_order_parts", "SELECT * FROM work_order_parts WHERE org_id = $1 ORDER BY id"},
    {"checklist_templates", "SELECT * FROM checklist_templates WHERE org_id = $1 ORDER BY id"},
    {"checklist_template_items",
     "SELECT * FROM checklist_template_items WHERE org_id = $1 ORDER BY id"},
    {"completion_records", "SELECT * FROM completion_records WHERE org_id = $1 ORDER BY id"},
    {"attachments", "SELECT * FROM attachments WHERE org_id = $1 ORDER BY id"},
    {"pm_schedules", "SELECT * FROM pm_schedules WHERE org_id = $1 ORDER BY id"},
    {"pm_generated", "SELECT * FROM pm_generated WHERE org_id = $1"},
    {"invoices", "SELECT * FROM invoices WHERE org_id = $1 ORDER BY id"},
    {"invoice_lines", "SELECT * FROM invoice_lines WHERE org_id = $1 ORDER BY id"},
    {"invoice_payments", "SELECT * FROM invoice_payments WHERE org_id = $1"},
    {"checkout_sessions", "SELECT * FROM checkout_sessions WHERE org_id = $1 ORDER BY id"},
    {"payment_ledger", "SELECT * FROM payment_ledger WHERE org_id = $1 ORDER BY id"},
    {"payment_mismatches", "SELECT * FROM payment_mismatches WHERE org_id = $1 ORDER BY id"},
    {"sms_messages", "SELECT * FROM sms_messages WHERE org_id = $1 ORDER BY id"},
    {"sms_consent", "SELECT * FROM sms_consent WHERE org_id = $1"},
    {"sms_templates", "SELECT * FROM sms_templates WHERE org_id = $1"},
    {"email_outbox", "SELECT * FROM email_outbox WHERE org_id = $1 ORDER BY id"},
    // Customer links (token_hash is a secret column: left out).
    {"link_tokens", "SELECT * FROM link_tokens WHERE org_id = $1 ORDER BY id"},
    // Invitations (issue 14 item 4): who was invited, with which role, and the outcome.
    {"invitations", "SELECT * FROM invitations WHERE org_id = $1 ORDER BY id"},
    // Work requests (token_sealed of request_links is a secret column: left out).
    {"request_links", "SELECT * FROM request_links WHERE org_id = $1 ORDER BY id"},
    {"work_requests", "SELECT * FROM work_requests WHERE org_id = $1 ORDER BY id"},
    // Recurring service (issue 14 item 8): plans and the marketing consent history.
    {"service_plans", "SELECT * FROM service_plans WHERE org_id = $1 ORDER BY id"},
    {"marketing_consent", "SELECT * FROM marketing_consent WHERE org_id = $1 ORDER BY id"},
    // Their photos' rows (the bytes, like attachments', stay in the blob store).
    {"request_photos", "SELECT * FROM request_photos WHERE org_id = $1 ORDER BY id"},
    {"org_sms_numbers", "SELECT * FROM org_sms_numbers WHERE org_id = $1"},
    {"sms_number_requests", "SELECT * FROM sms_number_requests WHERE org_id = $1 ORDER BY id"},
    {"org_working_hours", "SELECT * FROM org_working_hours WHERE org_id = $1"},
    {"org_counters", "SELECT * FROM org_counters WHERE org_id = $1"},
    {"site_access_reveals", "SELECT * FROM site_access_reveals WHERE org_id = $1"},
    {"customer_do_not_sell", "SELECT * FROM customer_do_not_sell WHERE org_id = $1 ORDER BY id"},
    {"customer_erasures", "SELECT * FROM customer_erasures WHERE org_id = $1"},
    {"privacy_requests", "SELECT * FROM privacy_requests WHERE org_id = $1 ORDER BY id"},
    // API clients (issue 15 item 3): name, scopes, role ceiling, expiry
    // (secret_hash is a secret column: left out; their tokens are not exported).
    {"api_clients", "SELECT * FROM api_clients WHERE org_id = $1 ORDER BY id"},
    {"audit_log", "SELECT * FROM audit_log WHERE org_id = $1 ORDER BY id"},
    // Single sign-on (issue 15 item 4); the provider's client secret is a
    // secret column and stays out.
    {"identity_providers", "SELECT * FROM identity_providers WHERE org_id = $1"},
    {"sso_identities", "SELECT * FROM sso_identities WHERE org_id = $1 ORDER BY id"},
    {"org_domains", "SELECT * FROM org_domains WHERE org_id = $1 ORDER BY id"},
    // Where the live chain starts after older entries were archived, and
    // which archive files hold them (their sealed keys are left out).
    {"audit_checkpoints", "SELECT * FROM audit_checkpoints WHERE org_id = $1"},
    {"audit_archives", "SELECT * FROM audit_archives WHERE org_id = $1 ORDER BY first_seq"},
});

}  // namespace

std::span<const ExportTable> org_export_tables() { return kTables; }

}  // namespace bulwark::domain::privacy
