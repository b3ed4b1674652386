#include "http/multipart.hpp"

#include <algorithm>
#include <cctype>

namespace bulwark::http {

namespace {

constexpr std::string_view kCrlf = "\r\n";

bool iequals(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) ==
                  std::tolower(static_cast<unsigned char>(y));
         });
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

bool is_token_char(char c) {
  const auto u = static_cast<unsigned char>(c);
  return u > 32 && u < 127 &&
         std::string_view("()<>@,;:\\\"/[]?={}").find(c) == std::string_view::npos;
}

// `; name=value; name="quoted \"value\""` parameters of a header value, after
// its first token. Returns false on a malformed list.
struct Param {
  std::string name;
  std::string value;
};
bool parse_params(std::string_view s, std::vector<Param>& out) {
  while (true) {
    s = trim(s);
    if (s.empty()) return true;
    if (s.front() != ';') return false;
    s = trim(s.substr(1));
    std::size_t n = 0;
    while (n < s.size() && is_token_char(s[n]) && s[n] != '=') ++n;
    if (n == 0 || n >= s.size() || s[n] != '=') return false;
    Param p{std::string(s.substr(0, n)), {}};
    for (auto& c : p.name) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    s.remove_prefix(n + 1);
    if (!s.empty() && s.front() == '"') {
      std::size_t i = 1;
      for (; i < s.size() && s[i] != '"'; ++i) {
        if (s[i] == '\\' && i + 1 < s.size()) ++i;
        p.value += s[i];
      }
      if (i >= s.size()) return false;  // unterminated quote
      s.remove_prefix(i + 1);
    } else {
      std::size_t v = 0;
      while (v < s.size() && is_token_char(s[v])) ++v;
      if (v == 0) return false;
      p.value = std::string(s.substr(0, v));
      s.remove_prefix(v);
    }
    out.push_back(std::move(p));
  }
}

// The first token of a header value (the media type, "form-data") and its parameters.
bool split_value(std::string_view value, std::string_view& first, std::vector<Param>& params) {
  value = trim(value);
  const auto semi = value.find(';');
  first = trim(value.substr(0, semi));
  if (first.empty()) return false;
  return semi == std::string_view::npos || parse_params(value.substr(semi), params);
}

const Param* find_param(const std::vector<Param>& params, std::string_view name) {
  const Param* found = nullptr;
  for (const auto& p : params)
    if (p.name == name) {
      if (found) return nullptr;  // the same parameter twice is ambiguous: treat as absent
      found = &p;
    }
  return found;
}

// One part's header section (without the blank line ending it) into `part`.
std::string_view parse_part_headers(std::string_view section, FormPart& part) {
  bool have_disposition = false;
  while (!section.empty()) {
    const auto end = section.find(kCrlf);
    const std::string_view line = section.substr(0, end);
    section = end == std::string_view::npos ? std::string_view{} : section.substr(end + 2);
    // Folded (obs-fold) and bare-LF or bare-CR lines are refused, not joined.
    if (line.empty() || line.front() == ' ' || line.front() == '\t') return "multipart_malformed";
    if (line.find_first_of("\r\n") != std::string_view::npos) return "multipart_malformed";
    const auto colon = line.find(':');
    if (colon == 0 || colon == std::string_view::npos) return "multipart_malformed";
    const std::string_view name = line.substr(0, colon);
    if (!std::all_of(name.begin(), name.end(), is_token_char)) return "multipart_malformed";
    const std::string_view value = line.substr(colon + 1);
    std::string_view first;
    std::vector<Param> params;
    if (iequals(name, "Content-Disposition")) {
      if (have_disposition || !split_value(value, first, params) || !iequals(first, "form-data"))
        return "multipart_malformed";
      have_disposition = true;
      const Param* field = find_param(params, "name");
      if (!field || field->value.empty()) return "multipart_malformed";
      part.name = field->value;
      if (const Param* file = find_param(params, "filename")) part.filename = file->value;
    } else if (iequals(name, "Content-Type")) {
      part.content_type = std::string(trim(value));
    }  // other part headers (Content-Transfer-Encoding is deprecated) are ignored
  }
  return have_disposition ? std::string_view{} : std::string_view("multipart_malformed");
}

}  // namespace

const FormPart* FormData::find(std::string_view name) const {
  for (const auto& p : parts)
    if (p.name == name) return &p;
  return nullptr;
}

std::optional<std::string> form_data_boundary(std::string_view content_type) {
  std::string_view type;
  std::vector<Param> params;
  if (!split_value(content_type, type, params) || !iequals(type, "multipart/form-data"))
    return std::nullopt;
  const Param* b = find_param(params, "boundary");
  if (!b || b->value.empty() || b->value.size() > 70) return std::nullopt;
  // RFC 2046's bchars; a space may not end the boundary.
  constexpr std::string_view kSpecials = "'()+_,-./:=? ";
  for (char c : b->value)
    if (!std::isalnum(static_cast<unsigned char>(c)) && kSpecials.find(c) == std::string_view::npos)
      return std::nullopt;
  if (b->value.back() == ' ') return std::nullopt;
  return b->value;
}

FormData parse_form_data(std::string_view content_type, std::string_view body) {
  FormData out;
  const auto boundary = form_data_boundary(content_type);
  if (!boundary) {
    out.error = "multipart_not_form_data";
    return out;
  }
  const std::string dash = "--" + *boundary;
  const std::string delimiter = "\r\n" + dash;
  // The first delimiter opens the body, or follows a preamble and a CRLF.
  std::size_t pos;
  if (body.starts_with(dash)) {
    pos = dash.size();
  } else {
    const auto at = body.find(delimiter);
    if (at == std::string_view::npos) {
      out.error = "multipart_malformed";
      return out;
    }
    pos = at + delimiter.size();
  }
  auto fail = [&out](std::string_view why) {
    out.parts.clear();
    out.error = why;
    return out;
  };
  while (true) {
    // After a delimiter: "--" closes the body; else optional padding and CRLF.
    std::string_view rest = body.substr(pos);
    if (rest.starts_with("--")) return out;  // the epilogue is ignored
    while (!rest.empty() && (rest.front() == ' ' || rest.front() == '\t')) rest.remove_prefix(1);
    if (!rest.starts_with(kCrlf)) return fail("multipart_malformed");
    rest.remove_prefix(2);
    const auto header_end = rest.find("\r\n\r\n");
    const bool empty_headers = rest.starts_with(kCrlf);
    if (!empty_headers && header_end == std::string_view::npos)
      return fail(rest.size() > kMaxPartHeaderBytes ? "multipart_header_too_large"
                                                    : "multipart_malformed");
    const std::size_t section_size = empty_headers ? 0 : header_end;
    if (section_size > kMaxPartHeaderBytes) return fail("multipart_header_too_large");
    if (out.parts.size() == kMaxFormParts) return fail("multipart_too_many_parts");
    FormPart part;
    if (auto why = parse_part_headers(rest.substr(0, section_size), part); !why.empty())
      return fail(why);
    rest.remove_prefix(empty_headers ? 2 : header_end + 4);
    const auto end = rest.find(delimiter);
    if (end == std::string_view::npos) return fail("multipart_malformed");  // no closing delimiter
    part.body = rest.substr(0, end);
    if (out.find(part.name)) return fail("multipart_duplicate_field");
    out.parts.push_back(std::move(part));
    pos = static_cast<std::size_t>(rest.data() - body.data()) + end + delimiter.size();
  }
}

}  // namespace bulwark::http
