#pragma once
// The customer's visit texts that follow a schedule change (service.cpp),
// shared by the work order's edit and the dispatch board's schedule.
#include <cstdint>
#include <string>
#include <string_view>

#include "domain/work_orders/model.hpp"
#include "store/org_tx.hpp"

namespace bulwark::domain::work_orders {

// Withdraws the visit's unsent confirmations and reminders, audited once.
void supersede_visit_texts(store::OrgTx& tx, const Caller& by, std::int64_t id,
                           std::string_view reason, std::int64_t now);

// The customer's text goes out with the change or not at all (outbox).
void queue_text(store::OrgTx& tx, std::int64_t id, std::string kind, std::int64_t version,
                std::int64_t now);

}  // namespace bulwark::domain::work_orders
