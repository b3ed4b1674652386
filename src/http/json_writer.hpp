#pragma once
// Writes JSON text straight into a string, for the hottest responses (work
// order lists): building a boost::json tree of 50 objects and serializing it
// cost more than the database. Strings are escaped per RFC 8259; they are
// valid UTF-8 already (every input is checked on the way in). Everything
// else keeps using boost::json.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bulwark::http {

class JsonWriter {
 public:
  explicit JsonWriter(std::string& out) : out_(out) {}

  void begin_object() { open('{'); }
  void end_object() { close('}'); }
  void begin_array() { open('['); }
  void end_array() { close(']'); }
  // Inside an object: the next value's name (a literal of ours: not escaped).
  void key(std::string_view name);
  void string(std::string_view value);
  // A string of our own that needs no escaping (a timestamp, "WO-1042", a
  // status name): written without looking at each character.
  void plain_string(std::string_view value);
  void integer(std::int64_t value);
  void number(double value);
  void boolean(bool value);
  void null();
  // A JSON text produced elsewhere, as the next value.
  void raw(std::string_view json);

  // key + value in one call, the common case.
  template <typename T>
  void field(std::string_view name, const T& value);

 private:
  void open(char c);
  void close(char c);
  void before_value();
  std::string& out_;
  std::vector<bool> first_ = {true};  // per nesting level: no comma before the first element
  bool after_key_ = false;
};

template <typename T>
void JsonWriter::field(std::string_view name, const T& value) {
  key(name);
  if constexpr (std::is_same_v<T, bool>)
    boolean(value);
  else if constexpr (std::is_integral_v<T>)
    integer(static_cast<std::int64_t>(value));
  else if constexpr (std::is_floating_point_v<T>)
    number(value);
  else
    string(value);
}

}  // namespace bulwark::http
