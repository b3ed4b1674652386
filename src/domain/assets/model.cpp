#include "domain/assets/model.hpp"

#include "resource/read.hpp"

namespace bulwark::domain::assets {

bool read_value(const boost::json::value& v, MeterValue& out, std::string& problem) {
  return resource::detail::read_number(v, out.value, 0, MeterValue::kMax, false, problem);
}

}  // namespace bulwark::domain::assets
