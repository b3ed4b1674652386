#pragma once
// Assets at a site (a 1,000-gallon tank, a pump) and their meter readings:
// what a request may send, what a view shows, and the rows behind them,
// each described once (resource/fields.hpp). Where a row and its view are
// the same, one struct is both.
#include <array>
#include <boost/json/value.hpp>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"
#include "resource/schema.hpp"

namespace bulwark::domain::assets {

using resource::Date;
using resource::OneOf;
using resource::Text;
using resource::Time;

inline constexpr std::array<std::string_view, 3> kMeterKinds{"hours", "gallons", "cycles"};
// running: in service; down: broken (downtime counts); retired: out of service for good.
inline constexpr std::array<std::string_view, 3> kAssetStatuses{"running", "down", "retired"};

// The asset an asset sits under (site -> area -> machine): same site.
struct ParentRef {
  // NOLINTNEXTLINE(readability-identifier-naming): Ref<Tag> reads Tag::noun
  static constexpr std::string_view noun = "asset";
};

struct NewAsset {  // POST /api/v1/sites/{id}/assets
  Text<200> name;
  std::optional<Text<100, 0>> type, make, model, serial;
  std::optional<Date> install_date;
  std::optional<resource::Ref<ParentRef>> parent_id;  // an area or machine at the same site
};
BULWARK_RESOURCE(NewAsset, name, type, make, model, serial, install_date, parent_id)

// An assets row, and its view.
struct AssetView {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string name, type, make, model, serial;
  std::optional<std::string> install_date;  // YYYY-MM-DD
  Time created_at;
  // Names for the page (the site's, its customer's) instead of ids.
  std::optional<std::string> site_name;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_name;
  // Where it sits (issue 14 item 7) and whether it runs.
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> parent_name;
  std::string status;  // running | down | retired
  std::int64_t version = 0;
};
BULWARK_RESOURCE(AssetView, id, site_id, name, type, make, model, serial, install_date, created_at,
                 site_name, customer_id, customer_name, parent_id, parent_name, status, version)

// An asset in the organization-wide list, with where it is and whose it is.
struct AssetSummary {
  std::int64_t id = 0;
  std::int64_t site_id = 0;
  std::string name, type, make, model, serial;
  std::optional<std::string> install_date;
  Time created_at;
  std::string site_name, site_address;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> customer_name;
  std::optional<std::int64_t> parent_id;
  std::optional<std::string> parent_name;
  std::string status;
  std::int64_t version = 0;
  std::int64_t open_work_orders = 0;  // not completed, closed or cancelled
};
BULWARK_RESOURCE(AssetSummary, id, site_id, name, type, make, model, serial, install_date,
                 created_at, site_name, site_address, customer_id, customer_name, parent_id,
                 parent_name, status, version, open_work_orders)

// GET /api/v1/assets: a keyset page whose cursor is the last asset's id.
struct AssetPage {
  std::vector<AssetSummary> items;
  std::optional<std::int64_t> next_cursor;
};
BULWARK_RESOURCE(AssetPage, items, next_cursor)

struct AssetQuery {
  std::optional<std::string> like;          // "%term%" on name, make, model, serial
  std::vector<std::string> customer_words;  // the customer's name: words or prefixes (tokens)
  std::optional<std::string> type;
  std::optional<std::int64_t> customer_id;
  std::optional<std::string> status;
  std::optional<std::int64_t> parent_id;
  std::optional<std::int64_t> site_id;
  std::optional<std::int64_t> after_id;
  std::int64_t limit = 50;
};

// A meter's value: a JSON number in [0, 1e12]. Its own type rather than
// resource::Number<0, 1e12>, whose double template arguments clang-tidy 14
// cannot compile.
struct MeterValue {
  double value = 0;
  static constexpr double kMax = 1e12;
};
bool read_value(const boost::json::value& v, MeterValue& out, std::string& problem);

struct NewReading {  // POST /api/v1/assets/{id}/readings
  OneOf<kMeterKinds> kind;
  MeterValue value;
  std::optional<Time> read_at;  // now when absent
};
BULWARK_RESOURCE(NewReading, kind, value, read_at)

// A meter_readings row, and its view.
struct ReadingView {
  std::int64_t id = 0;
  std::string kind;
  double value = 0;
  Time read_at;
  std::int64_t recorded_by = 0;
};
BULWARK_RESOURCE(ReadingView, id, kind, value, read_at, recorded_by)

// What recording a reading answers.
struct RecordedReading {
  std::int64_t id = 0;
  std::string kind;
  double value = 0;
  Time read_at;
};
BULWARK_RESOURCE(RecordedReading, id, kind, value, read_at)

// The readings of one kind dated around a new one: meters only go up.
struct ReadingBounds {
  std::optional<double> earlier_max;  // dated at or before
  std::optional<double> later_min;    // dated after
};
BOOST_DESCRIBE_STRUCT(ReadingBounds, (), (earlier_max, later_min))

}  // namespace bulwark::domain::assets

template <>
struct bulwark::resource::Schema<bulwark::domain::assets::MeterValue> {
  static boost::json::object json() {
    return {{"type", "number"}, {"minimum", 0}, {"maximum", domain::assets::MeterValue::kMax}};
  }
  static std::string ts() { return "number"; }
};
