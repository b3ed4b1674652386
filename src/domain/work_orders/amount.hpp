#pragma once
// A JSON number within integer bounds: hours, quantities.
#include <boost/json/value.hpp>
#include <cstdint>
#include <string>

#include "resource/read.hpp"
#include "resource/schema.hpp"
#include "store/sql.hpp"

namespace bulwark::domain::work_orders {

// A JSON number within integer bounds, (Min, Max] with AboveMin. Not
// resource::Number: its double template arguments do not compile under
// clang 14 (clang-tidy).
template <std::int64_t Min, std::int64_t Max, bool AboveMin = false>
struct Amount {
  double value = 0;
};
template <std::int64_t Min, std::int64_t Max, bool AboveMin>
bool read_value(const boost::json::value& v, Amount<Min, Max, AboveMin>& out,
                std::string& problem) {
  if (resource::detail::read_number(v, out.value, Min, Max, AboveMin, problem)) return true;
  if (v.is_number())
    problem = (AboveMin ? "must be more than " : "must be between ") + std::to_string(Min) +
              (AboveMin ? " and at most " : " and ") + std::to_string(Max);
  return false;
}
template <std::int64_t Min, std::int64_t Max, bool AboveMin>
store::Value to_value(const Amount<Min, Max, AboveMin>& a) {
  return a.value;
}

}  // namespace bulwark::domain::work_orders

namespace bulwark::resource {
template <std::int64_t Min, std::int64_t Max, bool AboveMin>
struct Schema<domain::work_orders::Amount<Min, Max, AboveMin>> {
  static boost::json::object json() {
    boost::json::object o{{"type", "number"}, {"maximum", Max}};
    o[AboveMin ? "exclusiveMinimum" : "minimum"] = Min;
    return o;
  }
  static std::string ts() { return "number"; }
};
}  // namespace bulwark::resource
