#include "api/routes.hpp"

#include "api/asset_handlers.hpp"
#include "api/auth_handlers.hpp"
#include "api/customer_handlers.hpp"
#include "api/dispatch_handlers.hpp"
#include "api/invoice_handlers.hpp"
#include "api/messaging_handlers.hpp"
#include "api/sms_number_handlers.hpp"
#include "api/stripe_handlers.hpp"
#include "api/twilio_webhooks.hpp"
#include "api/openapi.hpp"
#include "api/pm_handlers.hpp"
#include "api/work_order_handlers.hpp"
#include "api/work_order_items.hpp"
#include "api/system_handlers.hpp"
#include "api/user_handlers.hpp"

namespace bulwark::api {

using http::Auth;
using http::Effect;
using http::Execution;
using http::Method;
using http::RateClass;
using security::Permission;

http::Router build_router() {
  http::Router r;
  // MUST-001: only these few routes are public; each says so explicitly.
  r.add({.method = Method::get, .pattern = "/health", .auth = Auth::public_access,
         .permission = http::no_permission(), .rate = RateClass::unlimited,
         .effect = Effect::read_only, .execution = Execution::network_thread,
         .handler = health, .summary = "Liveness probe"});
  r.add({.method = Method::get, .pattern = "/ready", .auth = Auth::public_access,
         .permission = http::no_permission(), .rate = RateClass::standard,
         .effect = Effect::read_only, .execution = Execution::pool, .handler = ready,
         .summary = "Readiness probe: the database answers"});

  // Login is public by nature; it runs on the password pool (bcrypt) and
  // its own rate class.
  r.add({.method = Method::post, .pattern = "/api/v1/auth/login", .auth = Auth::public_access,
         .permission = http::no_permission(), .rate = RateClass::auth,
         .effect = Effect::changes_state, .execution = Execution::password_pool,
         .handler = login, .summary = "Log in with email and password; sets the session cookie"});

  // Everything below requires a session (MUST-001).
  auto authed = [&](Method m, const char* pattern, http::DeclaredPermission permission,
                    http::Endpoint handler, const char* summary,
                    Execution execution = Execution::pool) {
    r.add({.method = m, .pattern = pattern, .auth = Auth::session_or_token,
           .permission = permission, .rate = RateClass::standard,
           .effect = m == Method::get ? Effect::read_only : Effect::changes_state,
           .execution = execution, .handler = std::move(handler), .summary = summary});
  };
  using http::requires_permission;
  authed(Method::post, "/api/v1/auth/logout", http::no_permission(), logout,
         "End this session");
  authed(Method::get, "/api/v1/auth/me", http::no_permission(), me,
         "The current user, organization, role and permissions");
  authed(Method::post, "/api/v1/auth/password", http::no_permission(), change_password,
         "Change your password (ends your other sessions)", Execution::password_pool);

  authed(Method::get, "/api/v1/users", requires_permission(Permission::users_manage), list_users,
         "List the organization's users");
  authed(Method::post, "/api/v1/users", requires_permission(Permission::users_manage),
         create_user, "Create (invite) a user", Execution::password_pool);
  authed(Method::patch, "/api/v1/users/{id:int}", requires_permission(Permission::users_manage),
         update_user, "Change a user's role or deactivate them");
  authed(Method::post, "/api/v1/users/{id:int}/revoke-sessions",
         requires_permission(Permission::users_manage), revoke_user_sessions,
         "End all of a user's sessions");
  authed(Method::post, "/api/v1/org/revoke-sessions",
         requires_permission(Permission::settings_manage), revoke_org_sessions,
         "End every session in the organization (incident response)");
  authed(Method::get, "/api/v1/audit", requires_permission(Permission::audit_read), list_audit,
         "The organization's audit log, newest first");

  authed(Method::get, "/api/v1/openapi.json", http::no_permission(), openapi,
         "This API's OpenAPI 3.1 document, generated from the route table");

  // Customers and their sites.
  const auto customers_read = requires_permission(Permission::customers_read);
  const auto customers_write = requires_permission(Permission::customers_write);
  authed(Method::get, "/api/v1/customers", customers_read, endpoint<list_customers>(),
         "Search and page through customers (q, opted_out, deleted, sort, cursor)");
  authed(Method::post, "/api/v1/customers", customers_write, endpoint<create_customer>(), "Create a customer");
  authed(Method::get, "/api/v1/customers/{id:int}", customers_read, endpoint<get_customer>(), "A customer");
  authed(Method::patch, "/api/v1/customers/{id:int}", customers_write, endpoint<update_customer>(),
         "Change a customer (send the version you read)");
  authed(Method::del, "/api/v1/customers/{id:int}", customers_write, endpoint<delete_customer>(),
         "Soft-delete a customer");
  authed(Method::post, "/api/v1/customers/{id:int}/restore", customers_write, endpoint<restore_customer>(),
         "Restore a soft-deleted customer");
  authed(Method::get, "/api/v1/customers/{id:int}/sites", customers_read, endpoint<list_sites>(),
         "A customer's service sites");
  authed(Method::post, "/api/v1/customers/{id:int}/sites", customers_write, endpoint<create_site>(),
         "Add a service site");

  // Assets at sites, and their meters.
  authed(Method::get, "/api/v1/sites/{id:int}/assets", customers_read, list_site_assets,
         "A site's assets");
  authed(Method::post, "/api/v1/sites/{id:int}/assets", customers_write, create_asset,
         "Add an asset (tank, pump, compressor) to a site");
  authed(Method::get, "/api/v1/assets", customers_read, list_assets,
         "Every asset of the organization with its site and customer (q=, type=, customer_id=)");
  authed(Method::get, "/api/v1/assets/{id:int}", customers_read, get_asset, "An asset");
  authed(Method::get, "/api/v1/assets/{id:int}/readings", customers_read, list_readings,
         "An asset's meter readings, newest first (kind, limit)");
  authed(Method::post, "/api/v1/assets/{id:int}/readings",
         requires_permission(Permission::work_orders_write), add_reading,
         "Record a meter reading (hours, gallons, cycles)");

  // Work orders.
  const auto wo_read = requires_permission(Permission::work_orders_read);
  const auto wo_write = requires_permission(Permission::work_orders_write);
  authed(Method::get, "/api/v1/work-orders", wo_read, list_work_orders,
         "Work orders, newest first (status, assignee_id, customer_id, from, to, cursor)");
  authed(Method::post, "/api/v1/work-orders", requires_permission(Permission::work_orders_assign),
         create_work_order, "Create a work order");
  authed(Method::get, "/api/v1/work-orders/{id:int}", wo_read, get_work_order, "A work order");
  authed(Method::patch, "/api/v1/work-orders/{id:int}", wo_write, update_work_order,
         "Change a work order's details (send the version you read)");
  authed(Method::post, "/api/v1/work-orders/{id:int}/transition", wo_write,
         transition_work_order, "Move a work order to another status");
  authed(Method::get, "/api/v1/work-orders/{id:int}/history", wo_read, work_order_history,
         "A work order's status history");
  authed(Method::get, "/api/v1/work-orders/{id:int}/details", wo_read, work_order_details,
         "Comments, checklist, time entries and parts of a work order");
  authed(Method::post, "/api/v1/work-orders/{id:int}/comments", wo_write, add_comment,
         "Add a comment");
  authed(Method::post, "/api/v1/work-orders/{id:int}/checklist", wo_write, add_checklist_item,
         "Add a checklist item");
  authed(Method::patch, "/api/v1/work-orders/{id:int}/checklist/{item:int}", wo_write,
         set_checklist_item, "Check or uncheck a checklist item");
  authed(Method::post, "/api/v1/work-orders/{id:int}/time", wo_write, add_time_entry,
         "Record time spent");
  authed(Method::post, "/api/v1/work-orders/{id:int}/parts", wo_write, add_part,
         "Record a part used");
  authed(Method::patch, "/api/v1/work-orders/{id:int}/parts/{part:int}",
         requires_permission(Permission::invoices_manage), update_part,
         "Set or correct a part's price, name or quantity (until the work order is invoiced)");
  authed(Method::get, "/api/v1/dispatch/my-day", wo_read, my_day,
         "Your work orders scheduled today (UTC), in order");
  authed(Method::get, "/api/v1/dispatch/week", requires_permission(Permission::work_orders_assign),
         dispatch_week, "One week (start=YYYY-MM-DD, default this Monday) by technician, and unplanned work");

  // Preventive maintenance: the server's worker turns these into work orders.
  authed(Method::get, "/api/v1/pm-schedules", wo_read, list_pm_schedules,
         "Preventive-maintenance schedules");
  authed(Method::post, "/api/v1/pm-schedules", requires_permission(Permission::work_orders_assign),
         create_pm_schedule, "Create a schedule: every N days/weeks/months, or every N meter units");
  authed(Method::patch, "/api/v1/pm-schedules/{id:int}",
         requires_permission(Permission::work_orders_assign), update_pm_schedule,
         "Pause or resume a schedule, or change its title, priority, technician or lead time");

  // Invoices and business metrics: owners, admins and dispatchers; never technicians.
  const auto invoices = requires_permission(Permission::invoices_manage);
  authed(Method::post, "/api/v1/work-orders/{id:int}/invoice", invoices, create_invoice,
         "Invoice a completed work order (labour at the org's rate plus parts)");
  authed(Method::get, "/api/v1/invoices", invoices, list_invoices, "Invoices, newest first");
  authed(Method::get, "/api/v1/invoices/{id:int}", invoices, get_invoice, "An invoice and its lines");
  authed(Method::post, "/api/v1/invoices/{id:int}/status", invoices, set_invoice_status,
         "Move an invoice: draft → open → paid → refunded, or void");
  authed(Method::get, "/api/v1/metrics/business", requires_permission(Permission::metrics_read),
         business_metrics, "Open work by status and priority, overdue, time to complete, "
                           "completions per week, invoiced and paid per month");

  authed(Method::post, "/api/v1/invoices/{id:int}/payment-link", invoices, create_payment_link,
         "A Stripe Checkout link for an open invoice (created once), texted to the customer");

  // Customer messaging (SMS). Threads hold customers' words: dispatchers and above.
  const auto dispatch = requires_permission(Permission::work_orders_assign);
  const auto settings = requires_permission(Permission::settings_manage);
  authed(Method::get, "/api/v1/org/sms", settings, get_sms_settings,
         "The organization's SMS number (assigned by the operator), a pending request for one, "
         "and whether Twilio and Stripe are configured");
  authed(Method::post, "/api/v1/org/sms/request", settings, request_sms_number,
         "Ask the operator for an SMS number (optionally in an area code)");
  authed(Method::get, "/api/v1/sms-templates", settings, list_sms_templates,
         "The texts sent to customers, per kind");
  authed(Method::put, "/api/v1/sms-templates/{kind:slug}", settings, set_sms_template,
         "Replace one text; placeholders {org} {customer} {number} {date} {time} {amount} {link}");
  authed(Method::get, "/api/v1/customers/{id:int}/messages", dispatch, customer_messages,
         "A customer's SMS thread, newest first");
  authed(Method::post, "/api/v1/customers/{id:int}/messages", dispatch, send_customer_message,
         "Text a customer (queued; never to a customer who opted out)");
  authed(Method::get, "/api/v1/messages", dispatch, list_messages,
         "All messages, newest first, with why a queued one is waiting (status=, direction=)");
  authed(Method::post, "/api/v1/work-orders/{id:int}/on-the-way", wo_write, technician_on_the_way,
         "Tell the customer the technician is on the way");

  // Provider webhooks (MUST-005): no session and no CSRF; the signature,
  // checked by the pipeline before the handler, is the authentication.
  auto webhook = [&](const char* pattern, Auth auth, http::Handler handler, const char* summary) {
    r.add({.method = Method::post, .pattern = pattern, .auth = auth,
           .permission = http::no_permission(), .rate = RateClass::webhook,
           .effect = Effect::changes_state, .execution = Execution::pool,
           .handler = std::move(handler), .summary = summary});
  };
  webhook("/webhooks/twilio/sms", Auth::twilio_signature, twilio_inbound_sms,
          "Twilio: an inbound SMS (answered with TwiML)");
  webhook("/webhooks/twilio/status", Auth::twilio_signature, twilio_message_status,
          "Twilio: delivery status of a message we sent");
  webhook("/webhooks/stripe", Auth::stripe_signature, stripe_webhook,
          "Stripe: payment events");

  // The web app (its shell holds no data; every API call it makes is
  // authenticated). Last, and a fallback: any route above wins.
  r.add({.method = Method::get, .pattern = "/{path*}", .auth = Auth::public_access,
         .permission = http::no_permission(), .rate = RateClass::standard,
         .effect = Effect::read_only, .execution = Execution::pool, .handler = web_app_file,
         .summary = "The web application's files"});
  return r;
}

}  // namespace bulwark::api
