#include "domain/timestamps.hpp"

#include <algorithm>
#include <cstdio>
#include <ctime>

namespace bulwark::domain {

namespace {
bool digits(std::string_view s, std::size_t pos, std::size_t n, int& out) {
  if (pos + n > s.size()) return false;
  out = 0;
  for (std::size_t i = pos; i < pos + n; ++i) {
    if (s[i] < '0' || s[i] > '9') return false;
    out = out * 10 + (s[i] - '0');
  }
  return true;
}
bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
}  // namespace

std::optional<std::int64_t> parse_rfc3339(std::string_view s) {
  int y, mo, d, h, mi, sec;
  if (!digits(s, 0, 4, y) || s.size() < 20 || s[4] != '-' || !digits(s, 5, 2, mo) || s[7] != '-' ||
      !digits(s, 8, 2, d) || (s[10] != 'T' && s[10] != 't') || !digits(s, 11, 2, h) ||
      s[13] != ':' || !digits(s, 14, 2, mi) || s[16] != ':' || !digits(s, 17, 2, sec))
    return std::nullopt;
  static constexpr int kDays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (y < 1970 || y > 9999 || mo < 1 || mo > 12 || d < 1 ||
      d > kDays[mo - 1] + (mo == 2 && leap(y) ? 1 : 0) || h > 23 || mi > 59 || sec > 59)
    return std::nullopt;
  std::size_t pos = 19;
  int ms = 0;
  if (pos < s.size() && s[pos] == '.') {
    std::size_t start = ++pos;
    while (pos < s.size() && s[pos] >= '0' && s[pos] <= '9') ++pos;
    if (pos == start || pos - start > 9) return std::nullopt;
    int scale = 100;
    for (std::size_t i = start; i < start + 3 && i < pos; ++i, scale /= 10)
      ms += (s[i] - '0') * scale;
  }
  int offset_min = 0;
  if (pos < s.size() && (s[pos] == 'Z' || s[pos] == 'z')) {
    ++pos;
  } else if (pos < s.size() && (s[pos] == '+' || s[pos] == '-')) {
    int oh, om;
    if (!digits(s, pos + 1, 2, oh) || pos + 3 >= s.size() || s[pos + 3] != ':' ||
        !digits(s, pos + 4, 2, om) || oh > 23 || om > 59)
      return std::nullopt;
    offset_min = (oh * 60 + om) * (s[pos] == '-' ? -1 : 1);
    pos += 6;
  } else {
    return std::nullopt;
  }
  if (pos != s.size()) return std::nullopt;
  std::tm tm{};
  tm.tm_year = y - 1900;
  tm.tm_mon = mo - 1;
  tm.tm_mday = d;
  tm.tm_hour = h;
  tm.tm_min = mi;
  tm.tm_sec = sec;
  const std::int64_t seconds = static_cast<std::int64_t>(timegm(&tm)) - offset_min * 60;
  return seconds * 1000 + ms;
}

// Howard Hinnant's civil_from_days: exact for the proleptic Gregorian
// calendar, and much cheaper than gmtime_r + strftime (this runs for every
// timestamp of every listed row, so it writes into the caller's buffer:
// a 20-character std::string would be one allocation per timestamp).
Rfc3339Text rfc3339_text(std::int64_t epoch_ms) {
  std::int64_t secs = epoch_ms / 1000;
  if (epoch_ms < 0 && epoch_ms % 1000) --secs;
  std::int64_t days = secs / 86400, rem = secs % 86400;
  if (rem < 0) {
    rem += 86400;
    --days;
  }
  const std::int64_t z = days + 719468;
  const std::int64_t era = (z >= 0 ? z : z - 146096) / 146097;
  const std::int64_t doe = z - era * 146097;
  const std::int64_t yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const std::int64_t doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const std::int64_t mp = (5 * doy + 2) / 153;
  const int d = static_cast<int>(doy - (153 * mp + 2) / 5 + 1);
  const int m = static_cast<int>(mp < 10 ? mp + 3 : mp - 9);
  const int y = static_cast<int>(yoe + era * 400 + (m <= 2 ? 1 : 0));
  Rfc3339Text out;
  if (y < 0 || y > 9999) {
    const int n = std::snprintf(
        out.chars.data(), out.chars.size(), "%04d-%02d-%02dT%02d:%02d:%02dZ", y, m, d,
        static_cast<int>(rem / 3600), static_cast<int>(rem / 60 % 60), static_cast<int>(rem % 60));
    out.size = std::min(static_cast<std::size_t>(n), out.chars.size() - 1);
    return out;
  }
  // Digits written directly: snprintf was the largest single cost of listing.
  constexpr std::string_view kShape = "0000-00-00T00:00:00Z";
  std::copy(kShape.begin(), kShape.end(), out.chars.begin());
  out.size = kShape.size();
  auto put2 = [&out](std::size_t at, int v) {
    out.chars[at] = static_cast<char>('0' + v / 10);
    out.chars[at + 1] = static_cast<char>('0' + v % 10);
  };
  put2(0, y / 100);
  put2(2, y % 100);
  put2(5, m);
  put2(8, d);
  put2(11, static_cast<int>(rem / 3600));
  put2(14, static_cast<int>(rem / 60 % 60));
  put2(17, static_cast<int>(rem % 60));
  return out;
}

std::string format_rfc3339(std::int64_t epoch_ms) {
  return std::string(rfc3339_text(epoch_ms).view());
}

}  // namespace bulwark::domain
