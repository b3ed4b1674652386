#pragma once
// One customer's erasure and export (issue 13 item 6): what the office sends
// and what it gets back, described once (resource/fields.hpp).
#include <cstdint>
#include <string>
#include <string_view>

#include "resource/fields.hpp"

namespace bulwark::domain::privacy {

// What replaces erased free text (descriptions, comments, checklist text).
inline constexpr std::string_view kErased = "[erased]";
// An erased customer's completion record: the hash stays (the audit chain
// holds it), the content goes; the record check reports "content erased".
inline constexpr std::string_view kErasedCompletionRecord = R"({"erased":true})";

struct EraseRequest {  // POST /api/v1/customers/{id}/erase
  resource::Text<1000, 1, resource::Blank::refused> reason;
  resource::Text<200, 1> confirm;  // the customer's name exactly as stored
};
BULWARK_RESOURCE(EraseRequest, reason, confirm)

// How many rows or files each step changed; all zero on a second call.
struct EraseCounts {
  bool already_erased = false;
  std::int64_t customers = 0, sites = 0, work_orders = 0, comments = 0, checklist_values = 0,
               time_notes = 0, completion_records = 0, messages = 0, attachments = 0,
               blobs_deleted = 0, invoices_kept = 0, privacy_request_notes = 0, emails = 0;
};
BULWARK_RESOURCE(EraseCounts, already_erased, customers, sites, work_orders, comments,
                 checklist_values, time_notes, completion_records, messages, attachments,
                 blobs_deleted, invoices_kept, privacy_request_notes, emails)

}  // namespace bulwark::domain::privacy
