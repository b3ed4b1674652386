#pragma once
// The SQL of work requests and request links, rows decoded by column name,
// personal columns sealed on the way in and opened on the way out
// (store/personal.hpp): services never see a ciphertext.
#include <boost/describe/class.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/org_tx.hpp"
#include "store/personal.hpp"

namespace bulwark::domain::requests::repo {

template <class T>
using Personal = store::Personal<T>;

// What a request link opens: an asset (with its site) or a site.
struct Subject {
  std::optional<std::int64_t> asset_id, site_id;  // site_id: the asset's site for an asset
  std::string name;                               // the asset's or the site's name
  std::optional<std::int64_t> customer_id;        // the site's customer
};
BOOST_DESCRIBE_STRUCT(Subject, (), (asset_id, site_id, name, customer_id))
std::optional<Subject> asset(store::OrgTx& tx, std::int64_t id);
std::optional<Subject> site(store::OrgTx& tx, std::int64_t id);

struct LinkRow {
  std::int64_t id = 0, link_id = 0;
  std::optional<std::int64_t> asset_id, site_id;
  std::string token;  // opened (token_sealed)
  std::int64_t created_at = 0;
};
// The live link of an asset (asset_id) or a site (site_id), newest first.
std::optional<LinkRow> live_link(store::OrgTx& tx, std::optional<std::int64_t> asset_id,
                                 std::optional<std::int64_t> site_id, std::int64_t now);
std::optional<LinkRow> by_link_id(store::OrgTx& tx, std::int64_t link_id);
std::int64_t insert_link(store::OrgTx& tx, std::int64_t link_id,
                         std::optional<std::int64_t> asset_id, std::optional<std::int64_t> site_id,
                         const std::string& token, std::int64_t now);

struct RequestRow {
  std::int64_t id = 0;
  std::optional<std::int64_t> link_id;  // null: filed in the app by a requester
  std::optional<std::int64_t> asset_id, site_id;
  std::string row_key;
  Personal<std::string> requester_name;
  Personal<std::optional<std::string>> requester_phone;
  Personal<std::string> description;
  std::string status;
  Personal<std::optional<std::string>> decline_reason;
  std::optional<std::int64_t> work_order_id, work_order_number;
  std::optional<std::int64_t> decided_at;
  std::int64_t version = 1, created_at = 0;
  std::optional<std::string> asset_name, site_name;
  std::optional<std::int64_t> site_customer_id;
  std::optional<std::string> work_order_status;
  std::optional<std::int64_t> filed_by;
};
BOOST_DESCRIBE_STRUCT(RequestRow, (),
                      (id, link_id, asset_id, site_id, row_key, requester_name, requester_phone,
                       description, status, decline_reason, work_order_id, work_order_number,
                       decided_at, version, created_at, asset_name, site_name, site_customer_id,
                       work_order_status, filed_by))

struct NewRow {
  std::optional<std::int64_t> link_id;   // the QR label's link, or
  std::optional<std::int64_t> filed_by;  // the requester who filed it in the app
  std::optional<std::int64_t> asset_id, site_id;
  std::string name;
  std::optional<std::string> phone;
  std::string description;
};
std::int64_t insert(store::OrgTx& tx, const NewRow& r, std::int64_t now);
std::int64_t filed_since(store::OrgTx& tx, std::int64_t link_id, std::int64_t since);
std::int64_t filed_by_since(store::OrgTx& tx, std::int64_t user_id, std::int64_t since);
std::optional<RequestRow> find(store::OrgTx& tx, std::int64_t id);
// A requester's own requests, newest first.
std::vector<RequestRow> filed_by(store::OrgTx& tx, std::int64_t user_id);

// The assets and the sites with a live request link, by name.
struct PlaceRow {
  std::int64_t id = 0;
  std::string name;
};
BOOST_DESCRIBE_STRUCT(PlaceRow, (), (id, name))
std::vector<PlaceRow> labelled_assets(store::OrgTx& tx, std::int64_t now);
std::vector<PlaceRow> labelled_sites(store::OrgTx& tx, std::int64_t now);
std::vector<RequestRow> list(store::OrgTx& tx, const std::optional<std::string>& status);

// Versioned: 409 version_conflict when the request changed meanwhile.
Expected<void, ApiError> approve(store::OrgTx& tx, std::int64_t id, std::int64_t version,
                                 std::int64_t work_order_id, std::int64_t by, std::int64_t now);
Expected<void, ApiError> decline(store::OrgTx& tx, const RequestRow& row, std::int64_t version,
                                 const std::string& reason, std::optional<std::int64_t> by,
                                 std::int64_t now);

}  // namespace bulwark::domain::requests::repo
