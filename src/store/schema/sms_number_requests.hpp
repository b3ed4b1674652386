#pragma once
// Migration 0007: SMS numbers are assigned by the operator only (issue 10
// item 16). Before, any admin could claim any unclaimed number through the
// API, after which that number's inbound texts (STOPs included) reached their
// organization. Now `bulwark admin set-sms-number` assigns numbers, verified
// against the Twilio account when credentials exist; an organization's admin
// can only ask for one (sms_number_requests), which the operator sees with
// `bulwark admin sms-requests`.
//
// org_sms_numbers.verified: 1 when the operator's command found the number
// in the configured Twilio account; rows from before this migration (which an
// admin may have claimed) stay 0 and are shown as unverified.
namespace bulwark::store::schema {

#define BULWARK_SMS_NUMBER_REQUESTS_SCHEMA(ID, BIG)                                   \
  "ALTER TABLE org_sms_numbers ADD COLUMN verified INTEGER NOT NULL DEFAULT 0;\n"     \
  "CREATE TABLE sms_number_requests (\n"                                              \
  "  id " ID ",\n"                                                                    \
  "  org_id " BIG " NOT NULL REFERENCES orgs(id),\n"                                  \
  "  requested_by " BIG " NOT NULL REFERENCES users(id),\n"                           \
  "  area_code TEXT NOT NULL DEFAULT '',\n"                                           \
  "  note TEXT NOT NULL DEFAULT '',\n"                                                \
  "  status TEXT NOT NULL CHECK (status IN ('pending','fulfilled','withdrawn')),\n"   \
  "  created_at " BIG " NOT NULL,\n"                                                  \
  "  closed_at " BIG "\n"                                                             \
  ");\n"                                                                              \
  "CREATE INDEX sms_number_requests_status ON sms_number_requests(status, id);\n"     \
  "CREATE INDEX sms_number_requests_org ON sms_number_requests(org_id, id);\n"

inline constexpr char kSmsNumberRequestsSqlite[] =
    BULWARK_SMS_NUMBER_REQUESTS_SCHEMA("INTEGER PRIMARY KEY", "INTEGER");
inline constexpr char kSmsNumberRequestsPostgres[] =
    BULWARK_SMS_NUMBER_REQUESTS_SCHEMA("BIGINT GENERATED ALWAYS AS IDENTITY PRIMARY KEY", "BIGINT");

#undef BULWARK_SMS_NUMBER_REQUESTS_SCHEMA

}  // namespace bulwark::store::schema
