#include "http/json_writer.hpp"

#include <charconv>
#include <cmath>

namespace bulwark::http {

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (!first_.back()) out_.push_back(',');
  first_.back() = false;
}

void JsonWriter::open(char c) {
  before_value();
  out_.push_back(c);
  first_.push_back(true);
}

void JsonWriter::close(char c) {
  first_.pop_back();
  out_.push_back(c);
}

void JsonWriter::key(std::string_view name) {
  // Names are our own literals (never user data): no escaping needed.
  before_value();
  out_.reserve(out_.size() + name.size() + 3);
  out_.push_back('"');
  out_.append(name);
  out_.append("\":", 2);
  after_key_ = true;
}

namespace {
bool needs_escape(unsigned char c) { return c < 0x20 || c == '"' || c == '\\'; }
}  // namespace

void JsonWriter::string(std::string_view value) {
  before_value();
  static constexpr char kHex[] = "0123456789abcdef";
  out_.push_back('"');
  // The common case: nothing to escape, one append.
  std::size_t first = 0;
  while (first < value.size() && !needs_escape(static_cast<unsigned char>(value[first]))) ++first;
  if (first == value.size()) {
    out_.append(value);
    out_.push_back('"');
    return;
  }
  std::size_t plain = 0;  // start of the run of characters that need no escape
  for (std::size_t i = 0; i < value.size(); ++i) {
    const auto c = static_cast<unsigned char>(value[i]);
    if (!needs_escape(c)) continue;
    out_.append(value.data() + plain, i - plain);
    plain = i + 1;
    switch (c) {
      case '"': out_ += "\\\""; break;
      case '\\': out_ += "\\\\"; break;
      case '\n': out_ += "\\n"; break;
      case '\r': out_ += "\\r"; break;
      case '\t': out_ += "\\t"; break;
      case '\b': out_ += "\\b"; break;
      case '\f': out_ += "\\f"; break;
      default:
        out_ += "\\u00";
        out_.push_back(kHex[c >> 4]);
        out_.push_back(kHex[c & 15]);
    }
  }
  out_.append(value.data() + plain, value.size() - plain);
  out_.push_back('"');
}

void JsonWriter::plain_string(std::string_view value) {
  before_value();
  out_.reserve(out_.size() + value.size() + 2);
  out_.push_back('"');
  out_.append(value);
  out_.push_back('"');
}

void JsonWriter::integer(std::int64_t value) {
  before_value();
  char buf[24];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, end);
}

void JsonWriter::number(double value) {
  if (!std::isfinite(value)) return null();  // JSON has no NaN or infinity
  before_value();
  char buf[32];
  auto [end, ec] = std::to_chars(buf, buf + sizeof buf, value);
  out_.append(buf, end);
}

void JsonWriter::boolean(bool value) {
  before_value();
  out_ += value ? "true" : "false";
}

void JsonWriter::null() {
  before_value();
  out_ += "null";
}

void JsonWriter::raw(std::string_view json) {
  before_value();
  out_.append(json);
}

}  // namespace bulwark::http
