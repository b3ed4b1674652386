#include "resource/read.hpp"

#include <cstdio>

#include "domain/phone.hpp"
#include "domain/timestamps.hpp"
#include "identity/users.hpp"

namespace bulwark::resource {

namespace {

std::size_t characters(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

std::string number_text(double d) {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%g", d);
  return buf;
}

}  // namespace

namespace detail {

bool read_text(const boost::json::value& v, std::string& out, std::size_t min, std::size_t max,
               bool refuse_blank, std::string& problem) {
  if (!v.is_string()) {
    problem = "must be a string";
    return false;
  }
  const auto& s = v.get_string();
  const auto n = characters(s);
  if (n > max) {
    problem = "must be at most " + std::to_string(max) + " characters";
    return false;
  }
  if (n < min) {
    problem =
        min == 1 ? "must not be empty" : "must be at least " + std::to_string(min) + " characters";
    return false;
  }
  if (refuse_blank && std::string_view(s).find_first_not_of(" \t") == std::string_view::npos) {
    problem = "must not be blank";
    return false;
  }
  out.assign(s.data(), s.size());
  return true;
}

bool read_choice(const boost::json::value& v, std::string& out, const std::string_view* options,
                 std::size_t count, std::string& problem) {
  if (v.is_string()) {
    for (std::size_t i = 0; i < count; ++i)
      if (v.get_string() == options[i]) {
        out = std::string(options[i]);
        return true;
      }
  }
  problem = "must be ";
  for (std::size_t i = 0; i < count; ++i) {
    if (i > 0) problem += i + 1 == count ? " or " : ", ";
    problem += options[i];
  }
  return false;
}

bool read_integer(const boost::json::value& v, std::int64_t& out, std::int64_t min,
                  std::int64_t max, std::string& problem) {
  std::int64_t n = 0;
  if (v.is_int64())
    n = v.get_int64();
  else if (v.is_uint64() && v.get_uint64() <= INT64_MAX)
    n = static_cast<std::int64_t>(v.get_uint64());
  else {
    problem = "must be an integer";
    return false;
  }
  if (n < min || n > max) {
    problem = "must be between " + std::to_string(min) + " and " + std::to_string(max);
    return false;
  }
  out = n;
  return true;
}

bool read_number(const boost::json::value& v, double& out, double min, double max, bool above_min,
                 std::string& problem) {
  if (!v.is_number()) {
    problem = "must be a number";
    return false;
  }
  const double d = v.to_number<double>();
  if ((above_min ? d <= min : d < min) || d > max) {
    problem = above_min
                  ? "must be more than " + number_text(min) + " and at most " + number_text(max)
                  : "must be between " + number_text(min) + " and " + number_text(max);
    return false;
  }
  out = d;
  return true;
}

}  // namespace detail

bool read_value(const boost::json::value& v, std::string& out, std::string& problem) {
  return detail::read_text(v, out, 0, 100'000, false, problem);
}

bool read_value(const boost::json::value& v, bool& out, std::string& problem) {
  if (!v.is_bool()) {
    problem = "must be true or false";
    return false;
  }
  out = v.get_bool();
  return true;
}

bool read_value(const boost::json::value& v, std::int64_t& out, std::string& problem) {
  return detail::read_integer(v, out, INT64_MIN, INT64_MAX, problem);
}

bool read_value(const boost::json::value& v, Time& out, std::string& problem) {
  problem = "must be an RFC 3339 time such as 2026-11-23T14:30:00Z";
  if (!v.is_string()) return false;
  auto ms = domain::parse_rfc3339(v.get_string());
  if (!ms) return false;
  out.ms = *ms;
  problem.clear();
  return true;
}

bool read_value(const boost::json::value& v, Date& out, std::string& problem) {
  problem = "must be a date like 2019-06-30";
  if (!v.is_string() || v.get_string().size() != 10) return false;
  const std::string text = std::string(v.get_string()) + "T00:00:00Z";
  if (!domain::parse_rfc3339(text)) return false;
  out.value = std::string(v.get_string());
  problem.clear();
  return true;
}

bool read_value(const boost::json::value& v, Version& out, std::string& problem) {
  return detail::read_integer(v, out.value, 1, INT32_MAX, problem);
}

bool read_value(const boost::json::value& v, Phone& out, std::string& problem) {
  std::string text;
  if (!detail::read_text(v, text, 0, 40, false, problem)) return false;
  if (auto e164 = domain::normalize_phone(text)) {
    out.e164 = *e164;
    return true;
  }
  problem = "must be a phone number, e.g. +15551234567 or (555) 123-4567";
  return false;
}

bool read_value(const boost::json::value& v, Email& out, std::string& problem) {
  std::string text;
  if (!detail::read_text(v, text, 0, 254, false, problem)) return false;
  auto normalized = identity::normalize_email(text);
  if (!identity::plausible_email(normalized)) {
    problem = "is not a valid email address";
    return false;
  }
  out.value = std::move(normalized);
  return true;
}

}  // namespace bulwark::resource
