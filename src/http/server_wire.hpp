#pragma once
// Between Beast's messages and ours (server side only: included by the
// server_*.cpp/hpp files, which alone see Beast): the request as
// http::Request, the response as one buffer, Beast's parse errors as answers.
#include <boost/beast/http.hpp>
#include <optional>
#include <string>

#include "core/error.hpp"
#include "http/message.hpp"

namespace bulwark::http {

namespace beast = boost::beast;
namespace bhttp = boost::beast::http;

// Beast's parser errors (bad method, bad target, bad header...) all live in
// its http error category: answer those with 400 rather than dropping.
bool is_parse_error(const beast::error_code& ec);

// Beast already refuses some ambiguous framings while parsing the header
// (two different Content-Length values; Content-Length and chunked
// Transfer-Encoding together); name them as framing_error() does.
std::optional<ApiError> beast_framing_error(const beast::error_code& ec,
                                            const bhttp::request<bhttp::string_body>& partial);

Request to_request(bhttp::request<bhttp::string_body>&& in);

// The response in one buffer: cheaper than building a Beast message field
// by field (bench/README.md). HEAD gets the GET response's headers and
// Content-Length without the body. Header text never carries CR or LF.
std::string serialize(const Response& res, bool head, bool keep_alive);

}  // namespace bulwark::http
