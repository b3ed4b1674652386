#include "api/local_date_param.hpp"

#include <charconv>

namespace bulwark::api {

using std::chrono::year_month_day;

// "2026-12-02", checked for a real day; a 400 naming the parameter otherwise.
Result<std::optional<year_month_day>> local_date_param(const QueryParams& q,
                                                       const std::string& name) {
  const auto text = q.text(name, 10);
  if (!text) return std::optional<year_month_day>{};
  const auto bad = [&] {
    return unexpected(ApiError(ErrorCode::validation_failed, "bad date", "invalid_parameter",
                               {{name, "must be a date like 2026-12-02"}}));
  };
  if (text->size() != 10 || (*text)[4] != '-' || (*text)[7] != '-') return bad();
  int y = 0;
  unsigned m = 0;
  unsigned d = 0;
  const auto read = [&](std::size_t from, std::size_t len, auto& out) {
    const auto* end = text->data() + from + len;
    const auto r = std::from_chars(text->data() + from, end, out);
    return r.ec == std::errc{} && r.ptr == end;
  };
  if (!read(0, 4, y) || !read(5, 2, m) || !read(8, 2, d)) return bad();
  const year_month_day day{std::chrono::year(y), std::chrono::month(m), std::chrono::day(d)};
  if (!day.ok() || y < 2000 || y > 2200) return bad();
  return std::optional(day);
}

}  // namespace bulwark::api
