#pragma once
// A local date in a query string ("from=2026-12-02"): checked for a real day
// between 2000 and 2200; a 400 naming the parameter otherwise.
#include <chrono>
#include <optional>
#include <string>

#include "api/endpoint.hpp"
#include "api/query_params.hpp"

namespace bulwark::api {

Result<std::optional<std::chrono::year_month_day>> local_date_param(const QueryParams& q,
                                                                    const std::string& name);

}  // namespace bulwark::api
