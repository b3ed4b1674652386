#pragma once
// Customer messaging's SQL, beside its only callers (service.cpp). Tenant
// data goes through the caller's OrgTx; the two lookups that find the tenant
// (an inbound SMS by the number it was sent to, a delivery status by the
// message's Twilio id) are CrossTenantSql on a bare connection.
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "domain/messaging/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::messaging::repo {

// --- texts ---
std::map<std::string, std::string> custom_templates(store::OrgTx& tx);  // kind -> body
void save_template(store::OrgTx& tx, std::string_view kind, const std::string& body,
                   std::int64_t now);

// --- customers and work orders, as messaging sees them ---
struct Recipient {
  bool sms_opt_out = false;
  std::optional<std::string> phone;
};
BOOST_DESCRIBE_STRUCT(Recipient, (), (sms_opt_out, phone))
std::optional<Recipient> live_customer(store::OrgTx& tx, std::int64_t id);
bool is_customers_work_order(store::OrgTx& tx, std::int64_t work_order, std::int64_t customer);
// The status of a work order, if it exists (and, given an assignee, is theirs).
std::optional<std::string> work_order_status(store::OrgTx& tx, std::int64_t id,
                                             std::optional<std::int64_t> assignee);

// --- threads ---
// Up to q.limit + 1 rows, newest first (the extra one says there is more).
std::vector<MessageRow> messages(store::OrgTx& tx, const MessageQuery& q);
bool has_sms_number(store::OrgTx& tx);

// --- the organization's number ---
struct NumberRow {
  std::string phone;
  bool verified = false;
};
BOOST_DESCRIBE_STRUCT(NumberRow, (), (phone, verified))
std::optional<NumberRow> sms_number(store::OrgTx& tx);
struct PendingRequestRow {
  std::string area_code, note, requested_by;
  std::int64_t requested_at = 0;
};
BOOST_DESCRIBE_STRUCT(PendingRequestRow, (), (area_code, note, requested_by, requested_at))
std::optional<PendingRequestRow> pending_request(store::OrgTx& tx);
// One pending request per organization: a new one replaces its text.
void request_number(store::OrgTx& tx, std::int64_t user, const std::string& area_code,
                    const std::string& note, std::int64_t now);

// --- inbound SMS ---
std::optional<std::int64_t> org_of_number(store::Connection& conn, const std::string& phone);
// False when this MessageSid was seen before (Twilio retries).
bool first_delivery(store::Connection& conn, const std::string& sid, std::int64_t now);
std::optional<std::int64_t> customer_by_phone(store::OrgTx& tx, const std::string& phone);
std::optional<std::int64_t> open_work_order(store::OrgTx& tx, std::int64_t customer);
std::int64_t insert_inbound(store::OrgTx& tx, std::optional<std::int64_t> customer,
                            std::optional<std::int64_t> work_order, std::string_view keyword,
                            const InboundSms& sms, std::int64_t now);
struct VisitRow {
  std::int64_t id = 0;
  std::string number;
  std::int64_t scheduled_start = 0;
};
BOOST_DESCRIBE_STRUCT(VisitRow, (), (id, number, scheduled_start))
std::optional<VisitRow> next_visit(store::OrgTx& tx, std::int64_t customer, std::int64_t now);
void confirm_visit(store::OrgTx& tx, std::int64_t work_order, std::int64_t now);
std::string org_name(store::OrgTx& tx);

// --- delivery status ---
struct SentRow {
  std::int64_t id = 0;
  std::int64_t org_id = 0;
  std::string status;
};
BOOST_DESCRIBE_STRUCT(SentRow, (), (id, org_id, status))
std::optional<SentRow> sent_message(store::Connection& conn, const std::string& sid);
void set_delivery_status(store::OrgTx& tx, std::int64_t id, const std::string& status,
                         const std::optional<std::string>& error, std::int64_t now);

}  // namespace bulwark::domain::messaging::repo
