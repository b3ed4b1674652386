#include "http/server_wire.hpp"

#include "http/framing.hpp"

namespace bulwark::http {

bool is_parse_error(const beast::error_code& ec) {
  return ec.category() == bhttp::make_error_code(bhttp::error::bad_target).category();
}

// Beast already refuses some ambiguous framings while parsing the header
// (two different Content-Length values; Content-Length and chunked
// Transfer-Encoding together); name them as framing_error() does.
std::optional<ApiError> beast_framing_error(const beast::error_code& ec,
                                            const bhttp::request<bhttp::string_body>& partial) {
  const bool has_te = partial.count(bhttp::field::transfer_encoding) != 0;
  const bool has_cl = partial.count(bhttp::field::content_length) != 0;
  auto bad = [](const std::string& message, std::string_view reason) {
    return ApiError(ErrorCode::bad_request, message, std::string(reason));
  };
  if (ec == bhttp::error::multiple_content_length)
    return bad("Content-Length values disagree", kConflictingContentLength);
  if ((ec == bhttp::error::bad_content_length && has_te) ||
      (ec == bhttp::error::bad_transfer_encoding && has_cl))
    return bad("Transfer-Encoding and Content-Length together are ambiguous",
               kTransferEncodingWithContentLength);
  if (ec == bhttp::error::bad_content_length)
    return bad("Content-Length is not a number", kInvalidContentLength);
  if (ec == bhttp::error::bad_transfer_encoding)
    return bad("chunked may be applied only once", kTransferEncodingInvalid);
  return std::nullopt;
}

Request to_request(bhttp::request<bhttp::string_body>&& in) {
  Request r;
  r.method_text = std::string(in.method_string());
  r.method = parse_method(r.method_text);
  r.target = std::string(in.target());
  auto q = r.target.find('?');
  r.path = r.target.substr(0, q);
  if (q != std::string::npos) r.query = r.target.substr(q + 1);
  for (const auto& field : in) r.headers.add(field.name_string(), field.value());
  r.body = std::move(in.body());
  return r;
}

std::string serialize(const Response& res, bool head, bool keep_alive) {
  std::string out;
  out.reserve(512 + (head ? 0 : res.body.size()));
  out += "HTTP/1.1 ";
  out += std::to_string(res.status);
  out += ' ';
  out += bhttp::obsolete_reason(static_cast<bhttp::status>(res.status));
  out += "\r\n";
  auto append_clean = [&out](std::string_view text) {
    for (char c : text) out += (c == '\r' || c == '\n') ? ' ' : c;
  };
  for (const auto& [name, value] : res.headers.all()) {
    append_clean(name);
    out += ": ";
    append_clean(value);
    out += "\r\n";
  }
  out += res.preset_headers;
  if (!keep_alive) out += "Connection: close\r\n";
  out += "Content-Length: ";
  out += std::to_string(res.body.size());
  out += "\r\n\r\n";
  if (!head) out += res.body;
  return out;
}

}  // namespace bulwark::http
