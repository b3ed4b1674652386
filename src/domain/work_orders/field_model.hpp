#pragma once
// What the technician needs at the gate, read beside a work order (the
// site, its access notes, the asset, the customer's phone), and the work
// history an asset's page lists. Rows and views described once.
#include <optional>
#include <string>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::work_orders {

// The field facts of one work order (site_facts.cpp).
struct FieldFactsRow {
  std::optional<std::int64_t> site_id, asset_id;
  std::optional<std::string> site_name, site_address, access_notes, asset_name, customer_phone;
  std::optional<bool> customer_sms_opt_out;
  std::optional<std::string> gate_code;
  // The joined rows' keys: the repository opens the sealed columns with them.
  std::optional<std::string> site_row_key, customer_row_key;
};
BOOST_DESCRIBE_STRUCT(FieldFactsRow, (),
                      (site_id, asset_id, site_name, site_address, access_notes, asset_name,
                       customer_phone, customer_sms_opt_out, gate_code, site_row_key,
                       customer_row_key))

// One work order of an asset's history with what it cost, computed as its
// invoice would be (domain/invoice_lines.hpp): labour minutes at the
// organization's rate, parts at their unit cost. Costs are billing data:
// left out for technicians.
struct AssetWorkOrder {
  std::int64_t id = 0;
  std::string number;  // "WO-1042"
  std::string title, type, status;
  std::optional<resource::Time> scheduled_start, completed_at;
  resource::Time created_at;
  std::optional<std::string> assignee_name;
  std::int64_t labour_minutes = 0;
  resource::Omittable<std::int64_t> labour_cents, parts_cents, total_cents;
};
BULWARK_RESOURCE(AssetWorkOrder, id, number, title, type, status, scheduled_start, completed_at,
                 created_at, assignee_name, labour_minutes, labour_cents, parts_cents, total_cents)

struct AssetWorkHistory {
  std::vector<AssetWorkOrder> items;
  resource::Omittable<std::int64_t> labour_cents, parts_cents, total_cents;  // over all items
  bool truncated = false;  // more than the answer holds (the newest are shown)
};
BULWARK_RESOURCE(AssetWorkHistory, items, labour_cents, parts_cents, total_cents, truncated)

struct AssetWorkRow {
  std::int64_t id = 0;
  std::int64_t number = 0;
  std::string title, type, status;
  std::optional<resource::Time> scheduled_start, completed_at;
  resource::Time created_at;
  std::optional<std::string> assignee_name;
  std::int64_t labour_minutes = 0;
};
BOOST_DESCRIBE_STRUCT(AssetWorkRow, (),
                      (id, number, title, type, status, scheduled_start, completed_at, created_at,
                       assignee_name, labour_minutes))

struct AssetPartRow {  // a part used on one of the asset's work orders
  std::int64_t work_order_id = 0;
  double quantity = 0;
  std::int64_t unit_cost_cents = 0;
};
BOOST_DESCRIBE_STRUCT(AssetPartRow, (), (work_order_id, quantity, unit_cost_cents))

}  // namespace bulwark::domain::work_orders
