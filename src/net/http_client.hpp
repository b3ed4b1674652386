#pragma once
// Outgoing HTTPS calls to the providers' APIs (Twilio Messages, Stripe
// Checkout), through libcurl: certificate verification on, no redirects,
// http(s) only, bounded time. Calls block; they run on worker threads or the
// handler pool, never on the network threads.
#include <chrono>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace bulwark::net {

using FormFields = std::vector<std::pair<std::string, std::string>>;

struct PostRequest {
  std::string url;
  FormFields form;                   // sent as application/x-www-form-urlencoded
  std::vector<std::string> headers;  // "Name: value"
  std::string basic_user;            // HTTP Basic when not empty
  std::string_view basic_password;   // a secret: only ever handed to libcurl
  std::string_view bearer_token;     // "Authorization: Bearer ..." when not empty
  std::chrono::milliseconds timeout{10'000};
};

// Set by net::destination_policy for URLs an admin chose: the
// CURLOPT_RESOLVE entry pinning the connection to the address that was
// checked, an extra CA bundle, and https as the only protocol.
struct Pinning {
  std::string resolve;
  std::string ca_file;
};

struct PostResult {
  long status = 0;         // 0: no HTTP answer (connect failure, timeout, TLS error)
  std::string body;        // at most 256 KiB kept
  std::string error;       // libcurl's description when status is 0
  bool truncated = false;  // the body was longer than the 256 KiB kept
  std::string content_type;
};

PostResult post_form(const PostRequest& request);

// A GET with `request.form` as the query string (for the providers' lookups).
PostResult get_with_query(const PostRequest& request);

// The same, https only, to the pinned address.
PostResult post_form_pinned(const PostRequest& request, const Pinning& pin);
PostResult get_pinned(const PostRequest& request, const Pinning& pin);

// RFC 3986 percent-encoding of every byte outside the unreserved set.
std::string form_encode(const FormFields& fields);

// Once per process, before threads start (libcurl's global init is not thread-safe).
void init_http_client();

}  // namespace bulwark::net
