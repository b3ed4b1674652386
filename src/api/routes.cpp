#include "api/routes.hpp"

#include "api/api_client_handlers.hpp"
#include "api/asset_handlers.hpp"
#include "api/asset_status_handlers.hpp"
#include "api/attachment_handlers.hpp"
#include "api/audit_export_handlers.hpp"
#include "api/auth_handlers.hpp"
#include "api/checklist_handlers.hpp"
#include "api/customer_handlers.hpp"
#include "api/dispatch_handlers.hpp"
#include "api/field_handlers.hpp"
#include "api/invitation_handlers.hpp"
#include "api/invoice_editing_handlers.hpp"
#include "api/invoice_handlers.hpp"
#include "api/invoice_send_handlers.hpp"
#include "api/link_handlers.hpp"
#include "api/messaging_handlers.hpp"
#include "api/mfa_handlers.hpp"
#include "api/oauth_handlers.hpp"
#include "api/openapi.hpp"
#include "api/org_export_routes.hpp"
#include "api/org_handlers.hpp"
#include "api/org_logo_handlers.hpp"
#include "api/org_security_handlers.hpp"
#include "api/org_switch_handlers.hpp"
#include "api/own_session_handlers.hpp"
#include "api/password_reset_handlers.hpp"
#include "api/pdf_handlers.hpp"
#include "api/pm_handlers.hpp"
#include "api/price_book_handlers.hpp"
#include "api/privacy_routes.hpp"
#include "api/report_handlers.hpp"
#include "api/request_handlers.hpp"
#include "api/retention_handlers.hpp"
#include "api/service_plan_handlers.hpp"
#include "api/sms_number_handlers.hpp"
#include "api/sso_handlers.hpp"
#include "api/stripe_handlers.hpp"
#include "api/system_handlers.hpp"
#include "api/twilio_webhooks.hpp"
#include "api/user_handlers.hpp"
#include "api/work_order_handlers.hpp"
#include "api/work_order_items.hpp"
#include "api/working_hours_handlers.hpp"

namespace bulwark::api {

using http::Auth;
using http::Csrf;
using http::Effect;
using http::Execution;
using http::Method;
using http::RateClass;
using security::Permission;

namespace {

// What a session route needs: the role permission a person must hold, and the
// OAuth scope that will grant the same to an API client (inert until the
// OAuth issue). Reads take "<area>:read", changes "<area>:write".
struct Access {
  http::DeclaredPermission permission;
  std::string_view scope;
};
Access access(Permission p, std::string_view scope) {
  return {http::requires_permission(p), scope};
}
// Any signed-in person, and no API client: logging out, one's own profile.
const Access kSignedIn{http::no_permission(), ""};

// Columns a session row may add: where it runs (handler pool unless it hashes
// a password), and whether it needs a fresh second factor (the step_up stage,
// app/step_up_stage.cpp: a step-up within 15 minutes).
struct Extra {
  Execution execution = Execution::pool;
  bool step_up = false;
  http::BodyLimit body_limit = http::BodyLimit::standard;
};

}  // namespace

http::Router build_router() {
  // Short names for the declared columns, so that each row stays two lines.
  const Effect reads = Effect::read_only;
  const Effect changes = Effect::changes_state;
  const Effect new_session = Effect::creates_session;
  const Csrf safe = Csrf::not_applicable;  // a GET: nothing to forge
  const Csrf token = Csrf::session_token;  // Origin check + the session's X-CSRF-Token

  http::Router r;
  // MUST-001: only these few routes are public; each says so explicitly.
  r.add({.method = Method::get,
         .pattern = "/health",
         .auth = Auth::public_access,
         .permission = http::no_permission(),
         .rate = RateClass::unlimited,
         .effect = reads,
         .csrf = safe,
         .execution = Execution::network_thread,
         .handler = health,
         .summary = "Liveness probe"});
  r.add({.method = Method::get,
         .pattern = "/ready",
         .auth = Auth::public_access,
         .permission = http::no_permission(),
         .rate = RateClass::standard,
         .effect = reads,
         .csrf = safe,
         .execution = Execution::pool,
         .handler = ready,
         .summary = "Readiness probe: the database answers"});

  // Login is public by nature; it runs on the password pool (bcrypt) and its
  // own rate class. No session exists yet, so CSRF is the Origin check alone
  // (login CSRF).
  r.add({.method = Method::post,
         .pattern = "/api/v1/auth/login",
         .auth = Auth::public_access,
         .permission = http::no_permission(),
         .rate = RateClass::auth,
         .effect = new_session,
         .csrf = Csrf::same_origin_only,
         .execution = Execution::password_pool,
         .handler = endpoint<login>(),
         .summary = "Log in with email and password; sets the session cookie"});

  // OAuth 2.0 for API clients (issue 15 item 3): the token endpoint and
  // revocation, public, authenticated by the client's secret.
  add_oauth_routes(r);

  // Everything below requires a session (MUST-001), at the standard rate.
  auto authed = [&](Method m, const char* pattern, Effect effect, Csrf csrf, Access need,
                    http::Endpoint handler, const char* summary, Extra extra = {}) {
    r.add({.method = m,
           .pattern = pattern,
           .auth = Auth::session_or_token,
           .permission = need.permission,
           .rate = RateClass::standard,
           .effect = effect,
           .csrf = csrf,
           .execution = extra.execution,
           .handler = std::move(handler),
           .summary = summary,
           .scope = need.scope,
           .step_up = extra.step_up,
           .body_limit = extra.body_limit});
  };
  const Extra bcrypt{.execution = Execution::password_pool};
  const Extra step_up{.step_up = true};

  authed(Method::post, "/api/v1/auth/logout", changes, token, kSignedIn, endpoint<logout>(),
         "End this session");
  authed(Method::get, "/api/v1/auth/me", reads, safe, kSignedIn, endpoint<me>(),
         "The current user, organization, role and permissions");
  authed(Method::post, "/api/v1/auth/password", new_session, token, kSignedIn,
         endpoint<change_password>(), "Change your password (ends your other sessions)", bcrypt);
  add_mfa_routes(r);  // two-step sign-in and step-up (issue 15 item 1)

  const auto users_read = access(Permission::users_manage, "users:read");
  const auto users_write = access(Permission::users_manage, "users:write");
  const auto security_write = access(Permission::settings_manage, "settings:write");
  authed(Method::get, "/api/v1/users", reads, safe, users_read, endpoint<list_users>(),
         "List the organization's users");
  // An invitation (issue 14 item 4): 202 and the same answer for every address.
  authed(Method::post, "/api/v1/users", changes, token, users_write, endpoint<create_user>(),
         "Invite a user by email (202 for every address; the invitee sets the password)");
  add_api_client_routes(r);      // OAuth API clients: create, list, revoke (issue 15 item 3)
  add_org_switch_routes(r);      // a person in several organizations (issue 14 item 4)
  add_own_session_routes(r);     // where you are signed in (issue 15 item 7)
  add_org_security_routes(r);    // the owner's security policy (issue 15 items 2 and 5)
  add_invitation_routes(r);      // list, resend, revoke; the invitee's show and accept
  add_password_reset_routes(r);  // "Forgot password" (issue 14 item 4)
  add_sso_routes(r);             // OpenID Connect single sign-on (issue 15 item 4)
  authed(Method::patch, "/api/v1/users/{id:int}", changes, token, users_write,
         endpoint<update_user>(), "Change a user's role or deactivate them", step_up);
  authed(Method::post, "/api/v1/users/{id:int}/revoke-sessions", changes, token, users_write,
         endpoint<revoke_user_sessions>(), "End all of a user's sessions");
  authed(Method::post, "/api/v1/org/revoke-sessions", changes, token, security_write,
         endpoint<revoke_org_sessions>(),
         "End every session in the organization (incident response)", step_up);
  authed(Method::get, "/api/v1/audit", reads, safe, access(Permission::audit_read, "audit:read"),
         endpoint<list_audit>(), "The organization's audit log, newest first");
  add_audit_export_routes(r);  // CSV and JSON Lines (issue 15 item 6)

  authed(Method::get, "/api/v1/openapi.json", reads, safe, kSignedIn, openapi,
         "This API's OpenAPI 3.1 document, generated from the route table");

  // Customers and their sites.
  const auto customers_read = access(Permission::customers_read, "customers:read");
  const auto customers_write = access(Permission::customers_write, "customers:write");
  authed(Method::get, "/api/v1/customers", reads, safe, customers_read, endpoint<list_customers>(),
         "Search and page through customers (q, opted_out, deleted, sort, cursor)");
  authed(Method::post, "/api/v1/customers", changes, token, customers_write,
         endpoint<create_customer>(), "Create a customer");
  authed(Method::get, "/api/v1/customers/{id:int}", reads, safe, customers_read,
         endpoint<get_customer>(), "A customer");
  authed(Method::patch, "/api/v1/customers/{id:int}", changes, token, customers_write,
         endpoint<update_customer>(), "Change a customer (send the version you read)");
  authed(Method::del, "/api/v1/customers/{id:int}", changes, token, customers_write,
         endpoint<delete_customer>(), "Soft-delete a customer");
  authed(Method::post, "/api/v1/customers/{id:int}/restore", changes, token, customers_write,
         endpoint<restore_customer>(), "Restore a soft-deleted customer");
  authed(Method::get, "/api/v1/customers/{id:int}/sites", reads, safe, customers_read,
         endpoint<list_sites>(), "A customer's service sites");
  authed(Method::post, "/api/v1/customers/{id:int}/sites", changes, token, customers_write,
         endpoint<create_site>(), "Add a service site");
  authed(Method::patch, "/api/v1/sites/{id:int}", changes, token, customers_write,
         endpoint<update_site>(), "Edit a site (name, address, access notes, gate code)");

  add_privacy_routes(r);  // export, erasure, privacy requests, do-not-sell (issue 13)
  // Export everything (issue 13 item 8).
  add_org_export_routes(r);

  // Assets at sites, and their meters (a reading is the technician's work).
  const auto wo_read = access(Permission::work_orders_read, "work_orders:read");
  const auto wo_write = access(Permission::work_orders_write, "work_orders:write");
  const auto wo_assign = access(Permission::work_orders_assign, "work_orders:write");
  const auto wo_plan = access(Permission::work_orders_assign, "work_orders:read");
  authed(Method::get, "/api/v1/sites/{id:int}/assets", reads, safe, customers_read,
         endpoint<list_site_assets>(), "A site's assets");
  authed(Method::post, "/api/v1/sites/{id:int}/assets", changes, token, customers_write,
         endpoint<create_asset>(), "Add an asset (tank, pump, compressor) to a site");
  authed(Method::get, "/api/v1/assets", reads, safe, customers_read, endpoint<list_assets>(),
         "Every asset of the organization with its site and customer (q=, type=, customer_id=)");
  authed(Method::get, "/api/v1/assets/{id:int}", reads, safe, customers_read, endpoint<get_asset>(),
         "An asset");
  // A plant's assets (issue 14 item 7): technicians may mark one down or
  // running (checked in the service); costs are billing, not for technicians.
  authed(Method::patch, "/api/v1/assets/{id:int}", changes, token, wo_write,
         endpoint<update_asset>(),
         "Change an asset (name, parent_id, status with reason; send the version you read)");
  authed(Method::get, "/api/v1/assets/{id:int}/status-changes", reads, safe, customers_read,
         endpoint<asset_status_changes>(), "An asset's status changes, newest first (limit)");
  authed(Method::get, "/api/v1/assets/{id:int}/downtime", reads, safe, customers_read,
         endpoint<asset_downtime>(),
         "An asset's down minutes and periods between two local dates (from, to; this month)");
  authed(Method::get, "/api/v1/assets/{id:int}/readings", reads, safe, customers_read,
         endpoint<list_readings>(), "An asset's meter readings, newest first (kind, limit)");
  authed(Method::post, "/api/v1/assets/{id:int}/readings", changes, token, wo_write,
         endpoint<add_reading>(), "Record a meter reading (hours, gallons, cycles)");

  // Work orders.
  authed(Method::get, "/api/v1/work-orders", reads, safe, wo_read, endpoint<list_work_orders>(),
         "Work orders, newest first or sort=due|scheduled|created|priority|number|status (filters: "
         "status (or active: still to be done), assignee_id, customer_id, site_id, asset_id, from, "
         "to, overdue, due_after, due_before, "
         "q; cursor)");
  authed(Method::post, "/api/v1/work-orders", changes, token, wo_assign,
         endpoint<create_work_order>(), "Create a work order");
  authed(Method::get, "/api/v1/work-orders/{id:int}", reads, safe, wo_read,
         endpoint<get_work_order>(), "A work order");
  authed(Method::patch, "/api/v1/work-orders/{id:int}", changes, token, wo_write,
         endpoint<update_work_order>(),
         "Change a work order's details (send the version you read)");
  authed(Method::post, "/api/v1/work-orders/{id:int}/transition", changes, token, wo_write,
         endpoint<transition_work_order>(), "Move a work order to another status");
  authed(Method::get, "/api/v1/work-orders/{id:int}/history", reads, safe, wo_read,
         endpoint<work_order_history>(), "A work order's status history");
  authed(Method::get, "/api/v1/work-orders/{id:int}/details", reads, safe, wo_read,
         endpoint<work_order_details>(),
         "Comments, checklist, time entries and parts of a work order");
  authed(Method::post, "/api/v1/work-orders/{id:int}/comments", changes, token, wo_write,
         endpoint<add_comment>(), "Add a comment");
  authed(Method::post, "/api/v1/work-orders/{id:int}/checklist", changes, token, wo_write,
         endpoint<add_checklist_item>(), "Add a checklist item");
  authed(Method::patch, "/api/v1/work-orders/{id:int}/checklist/{item:int}", changes, token,
         wo_write, endpoint<set_checklist_item>(),
         "Enter a checklist item: done, number, result (pass/fail), text, attachment_id");
  authed(Method::post, "/api/v1/work-orders/{id:int}/time", changes, token, wo_write,
         endpoint<add_time_entry>(), "Record time spent");
  authed(Method::post, "/api/v1/work-orders/{id:int}/parts", changes, token, wo_write,
         endpoint<add_part>(), "Record a part used");
  authed(Method::patch, "/api/v1/work-orders/{id:int}/parts/{part:int}", changes, token,
         access(Permission::invoices_manage, "invoices:write"), endpoint<update_part>(),
         "Set or correct a part's price, name or quantity (until the work order is invoiced)");
  authed(Method::get, "/api/v1/dispatch/my-day", reads, safe, wo_read, endpoint<my_day>(),
         "Your work orders scheduled today (the organization's local day), in order");
  authed(Method::get, "/api/v1/dispatch/week", reads, safe, wo_plan, endpoint<dispatch_week>(),
         "One week (start=YYYY-MM-DD, default this Monday) by technician, and unplanned work");
  authed(Method::post, "/api/v1/work-orders/{id:int}/schedule", changes, token, wo_assign,
         endpoint<schedule_work_order>(),
         "Put a job on a technician and a time, or back in the queue (both null); answers "
         "{work_order, warnings} (overlap, outside_working_hours); a past start is 422");

  // The field: a site's access notes for the assigned technician (viewers
  // cannot; other technicians get 403 not_assigned), an asset's work history.
  authed(Method::post, "/api/v1/sites/{id:int}/access/reveal", changes, token, wo_write,
         endpoint<reveal_site_access>(),
         "A site's access notes (gate code) for the technician assigned to open work there; "
         "audited once per user, site and day");
  authed(Method::get, "/api/v1/assets/{id:int}/work-orders", reads, safe, wo_read,
         endpoint<asset_work_orders>(),
         "An asset's work orders, newest first, with labour and parts cost (not for technicians)");

  // Attachments (MUST-007): photos, PDFs and signatures, scanned and
  // type-checked on upload; the upload routes take files up to
  // BULWARK_MAX_UPLOAD_BYTES. Removing: the uploader or the office (service).
  const Extra upload{.body_limit = http::BodyLimit::upload};
  authed(Method::post, "/api/v1/work-orders/{id:int}/attachments", changes, token, wo_write,
         endpoint<upload_work_order_attachment>(),
         "Attach a photo or PDF (multipart/form-data: file, caption)", upload);
  authed(Method::get, "/api/v1/work-orders/{id:int}/attachments", reads, safe, wo_read,
         endpoint<list_work_order_attachments>(), "A work order's attachments");
  authed(Method::post, "/api/v1/assets/{id:int}/attachments", changes, token, wo_write,
         endpoint<upload_asset_attachment>(),
         "Attach a photo or PDF to an asset (multipart/form-data: file, caption)", upload);
  authed(Method::get, "/api/v1/assets/{id:int}/attachments", reads, safe, customers_read,
         endpoint<list_asset_attachments>(), "An asset's attachments");
  authed(Method::get, "/api/v1/attachments/{id:int}/content", reads, safe, wo_read,
         endpoint<attachment_content>(), "Download an attachment");
  authed(Method::get, "/api/v1/attachments/{id:int}/thumbnail", reads, safe, wo_read,
         endpoint<attachment_thumbnail>(), "An image attachment's thumbnail (JPEG)");
  authed(Method::del, "/api/v1/attachments/{id:int}", changes, token, wo_write,
         endpoint<delete_attachment>(), "Remove an attachment (its uploader or the office)");

  // Preventive maintenance: the server's worker turns these into work orders.
  authed(Method::get, "/api/v1/pm-schedules", reads, safe, wo_read, endpoint<list_pm_schedules>(),
         "Preventive-maintenance schedules");
  authed(Method::post, "/api/v1/pm-schedules", changes, token, wo_assign,
         endpoint<create_pm_schedule>(),
         "Create a schedule: every N days/weeks/months, or every N meter units");
  authed(Method::patch, "/api/v1/pm-schedules/{id:int}", changes, token, wo_assign,
         endpoint<update_pm_schedule>(),
         "Pause or resume a schedule, or change its title, priority, technician, lead time, "
         "checklist or estimate");

  // Invoices and business metrics: owners, admins and dispatchers; never technicians.
  const auto invoices_read = access(Permission::invoices_manage, "invoices:read");
  // An asset's cost per month (issue 14 item 7): billing amounts, like the invoices.
  authed(Method::get, "/api/v1/assets/{id:int}/cost", reads, safe, invoices_read,
         endpoint<asset_cost>(), "An asset's labour and parts cost per local month (months=12)");
  const auto invoices_write = access(Permission::invoices_manage, "invoices:write");
  authed(Method::post, "/api/v1/work-orders/{id:int}/invoice", changes, token, invoices_write,
         endpoint<create_invoice>(),
         "Invoice a completed work order (labour at the org's rate plus parts)");
  authed(Method::get, "/api/v1/invoices", reads, safe, invoices_read, endpoint<list_invoices>(),
         "Invoices, newest first");
  authed(Method::get, "/api/v1/invoices/{id:int}", reads, safe, invoices_read,
         endpoint<get_invoice>(), "An invoice and its lines");
  authed(Method::post, "/api/v1/invoices/{id:int}/status", changes, token, invoices_write,
         endpoint<set_invoice_status>(),
         "Move an invoice: draft → open → paid → refunded, or void");
  authed(Method::get, "/api/v1/metrics/business", reads, safe,
         access(Permission::metrics_read, "metrics:read"), endpoint<business_metrics>(),
         "Open work by status and priority, overdue, time to complete, completions per week, "
         "invoiced and paid per month");

  authed(Method::post, "/api/v1/invoices/{id:int}/payment-link", changes, token, invoices_write,
         endpoint<create_payment_link>(),
         "A Stripe Checkout link for an open invoice (created once), texted to the customer");

  // The PDFs an office sends (issue 14 item 2): the invoice, and the pump-out
  // report of a completed work order (409 before; technicians only their own).
  authed(Method::get, "/api/v1/invoices/{id:int}/pdf", reads, safe, invoices_read,
         endpoint<invoice_pdf>(), "The invoice as a PDF (download)");
  authed(Method::get, "/api/v1/work-orders/{id:int}/report.pdf", reads, safe, wo_read,
         endpoint<work_order_report_pdf>(),
         "A completed work order's pump-out report as a PDF: checklist, notes, photos, "
         "signature and the record's fingerprint");

  add_price_book_routes(r);       // the price book (issue 14 item 1)
  add_pm_checklist_routes(r);     // PM checklists (issue 14 item 7)
  add_report_routes(r);           // maintenance reports (issue 14 item 7)
  add_invoice_editing_routes(r);  // draft editing, manual payments, receivables (item 2)
  // Send: the invoice PDF by email, its link by text, and its template (issue 14 item 2).
  add_invoice_send_routes(r);

  // Customer links (issue 14 item 5): public by token, and the office's side.
  add_customer_link_routes(r);

  // Work requests (issue 14 item 6): QR labels, the public form, the inbox.
  add_work_request_routes(r);

  // Completion (issue 12 item 5): the record of a completed work order, and
  // the office's checklist templates per work type, copied onto new work orders.
  authed(Method::get, "/api/v1/work-orders/{id:int}/completion-record", reads, safe, wo_read,
         endpoint<work_order_completion_record>(),
         "A completed work order's record (checklist values, photo and signature hashes, "
         "technician, time), its SHA-256 in the audit chain, and whether it still matches");
  authed(Method::get, "/api/v1/checklist-templates", reads, safe,
         access(Permission::settings_manage, "settings:read"), endpoint<list_checklist_templates>(),
         "The checklist items each work type starts with");
  authed(Method::post, "/api/v1/checklist-templates/items", changes, token,
         access(Permission::settings_manage, "settings:write"),
         endpoint<add_checklist_template_item>(),
         "Add an item to a work type's checklist template (new work orders copy it)");
  authed(Method::del, "/api/v1/checklist-templates/items/{id:int}", changes, token,
         access(Permission::settings_manage, "settings:write"),
         endpoint<delete_checklist_template_item>(), "Remove an item from a checklist template");

  // Customer messaging (SMS). Threads hold customers' words: dispatchers and above.
  const auto messages_read = access(Permission::work_orders_assign, "messages:read");
  const auto messages_write = access(Permission::work_orders_assign, "messages:write");
  const auto settings_read = access(Permission::settings_manage, "settings:read");
  const auto settings_write = access(Permission::settings_manage, "settings:write");
  authed(Method::get, "/api/v1/org/sms", reads, safe, settings_read, endpoint<get_sms_settings>(),
         "The organization's SMS number (assigned by the operator), a pending request for one, "
         "and whether Twilio and Stripe are configured");
  authed(Method::post, "/api/v1/org/sms/request", changes, token, settings_write,
         endpoint<request_sms_number>(),
         "Ask the operator for an SMS number (optionally in an area code)");
  add_org_routes(r);  // settings (time zone, Reply-To, labour rate) and the first-run checklist
  add_org_logo_routes(r);      // the logo on invoices and reports
  add_service_plan_routes(r);  // recurring customer service (issue 14 item 8)
  // Working hours per weekday: the board reads them, owners and admins set them.
  authed(Method::get, "/api/v1/org/working-hours", reads, safe,
         access(Permission::work_orders_read, "org:read"), endpoint<get_working_hours>(),
         "The organization's working hours per weekday (local times)");
  authed(Method::patch, "/api/v1/org/working-hours", changes, token, settings_write,
         endpoint<update_working_hours>(),
         "Change working hours: monday 08:00-17:00 (a string), null closes the day");
  // Retention periods (issue 13 item 5): owners and admins read and set them.
  authed(Method::get, "/api/v1/org/retention", reads, safe, settings_read,
         endpoint<get_retention>(),
         "How long deleted customers, invoices and audit entries are kept");
  authed(Method::patch, "/api/v1/org/retention", changes, token, settings_write,
         endpoint<update_retention>(), "Change a retention period in years (at least 1; audited)");
  authed(Method::get, "/api/v1/sms-templates", reads, safe, settings_read,
         endpoint<list_sms_templates>(), "The texts sent to customers, per kind");
  authed(Method::put, "/api/v1/sms-templates/{kind:slug}", changes, token, settings_write,
         endpoint<set_sms_template>(),
         "Replace one text; placeholders {org} {customer} {number} {date} {time} {amount} {link}");
  authed(Method::get, "/api/v1/customers/{id:int}/messages", reads, safe, messages_read,
         endpoint<customer_messages>(), "A customer's SMS thread, newest first");
  authed(Method::post, "/api/v1/customers/{id:int}/messages", changes, token, messages_write,
         endpoint<send_customer_message>(),
         "Text a customer (queued; never to a customer who opted out)");
  authed(Method::get, "/api/v1/messages", reads, safe, messages_read, endpoint<list_messages>(),
         "All messages, newest first, with why a queued one is waiting (status=, direction=)");
  authed(Method::post, "/api/v1/work-orders/{id:int}/on-the-way", changes, token, wo_write,
         endpoint<technician_on_the_way>(), "Tell the customer the technician is on the way");

  // Provider webhooks (MUST-005): no session and no CSRF token; the signature,
  // checked by the pipeline before the handler, is the authentication. Their
  // own rate class, on the handler pool.
  auto webhook = [&](const char* pattern, Auth auth, Effect effect, Csrf csrf,
                     http::Handler handler, const char* summary) {
    r.add({.method = Method::post,
           .pattern = pattern,
           .auth = auth,
           .permission = http::no_permission(),
           .rate = RateClass::webhook,
           .effect = effect,
           .csrf = csrf,
           .execution = Execution::pool,
           .handler = std::move(handler),
           .summary = summary});
  };
  const auto signed_only = Csrf::exempt_signed;
  webhook("/webhooks/twilio/sms", Auth::twilio_signature, changes, signed_only,
          endpoint<twilio_inbound_sms>(), "Twilio: an inbound SMS (answered with TwiML)");
  webhook("/webhooks/twilio/status", Auth::twilio_signature, changes, signed_only,
          endpoint<twilio_message_status>(), "Twilio: delivery status of a message we sent");
  webhook("/webhooks/stripe", Auth::stripe_signature, changes, signed_only,
          endpoint<stripe_webhook>().call, "Stripe: payment events");

  // The web app (its shell holds no data; every API call it makes is
  // authenticated). Last, and a fallback: any route above wins.
  r.add({.method = Method::get,
         .pattern = "/{path*}",
         .auth = Auth::public_access,
         .permission = http::no_permission(),
         .rate = RateClass::standard,
         .effect = reads,
         .csrf = safe,
         .execution = Execution::pool,
         .handler = web_app_file,
         .summary = "The web application's files"});
  return r;
}

}  // namespace bulwark::api
