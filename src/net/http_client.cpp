#include "net/http_client.hpp"

#include <curl/curl.h>

#include <memory>

namespace bulwark::net {

namespace {

constexpr std::size_t kMaxResponseBytes = 256 * 1024;

std::size_t collect(char* data, std::size_t size, std::size_t n, void* user) {
  auto* out = static_cast<PostResult*>(user);
  const std::size_t bytes = size * n;
  if (out->body.size() + bytes > kMaxResponseBytes) out->truncated = true;
  if (out->body.size() < kMaxResponseBytes)
    out->body.append(data, std::min(bytes, kMaxResponseBytes - out->body.size()));
  return bytes;
}

void append_encoded(std::string& out, std::string_view text) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char c : text) {
    if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-' ||
        c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
}

}  // namespace

void init_http_client() { curl_global_init(CURL_GLOBAL_DEFAULT); }

std::string form_encode(const FormFields& fields) {
  std::string out;
  for (const auto& [k, v] : fields) {
    if (!out.empty()) out.push_back('&');
    append_encoded(out, k);
    out.push_back('=');
    append_encoded(out, v);
  }
  return out;
}

namespace {

// One call: POST with the form as its body, or GET with it as the query.
PostResult perform(const PostRequest& request, bool get, const Pinning* pin) {
  PostResult result;
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) {
    result.error = "curl_easy_init failed";
    return result;
  }
  const std::string body = form_encode(request.form);
  const std::string url = get && !body.empty() ? request.url + "?" + body : request.url;
  curl_slist* raw_headers = nullptr;
  std::vector<std::string> header_lines = request.headers;
  if (!get) header_lines.emplace_back("Content-Type: application/x-www-form-urlencoded");
  header_lines.emplace_back("Accept: application/json");
  std::string bearer;
  if (!request.bearer_token.empty()) {
    bearer = "Authorization: Bearer ";
    bearer += request.bearer_token;
    header_lines.push_back(bearer);
  }
  for (const auto& h : header_lines) raw_headers = curl_slist_append(raw_headers, h.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> headers(raw_headers,
                                                                      curl_slist_free_all);
  CURL* h = curl.get();
  curl_easy_setopt(h, CURLOPT_URL, url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, pin != nullptr ? "https" : "http,https");
  curl_slist* raw_resolve = nullptr;
  if (pin != nullptr && !pin->resolve.empty())
    raw_resolve = curl_slist_append(raw_resolve, pin->resolve.c_str());
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> resolve(raw_resolve,
                                                                      curl_slist_free_all);
  if (resolve) curl_easy_setopt(h, CURLOPT_RESOLVE, resolve.get());
  if (pin != nullptr && !pin->ca_file.empty()) {
    // In addition to the system store (OpenSSL reads both CAINFO and CAPATH).
    curl_easy_setopt(h, CURLOPT_CAINFO, pin->ca_file.c_str());
    curl_easy_setopt(h, CURLOPT_CAPATH, "/etc/ssl/certs");
  }
  curl_easy_setopt(h, CURLOPT_FOLLOWLOCATION, 0L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, static_cast<long>(request.timeout.count()));
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 5000L);
  if (get) {
    curl_easy_setopt(h, CURLOPT_HTTPGET, 1L);
  } else {
    curl_easy_setopt(h, CURLOPT_POST, 1L);
    curl_easy_setopt(h, CURLOPT_POSTFIELDS, body.c_str());
    curl_easy_setopt(h, CURLOPT_POSTFIELDSIZE, static_cast<long>(body.size()));
  }
  curl_easy_setopt(h, CURLOPT_HTTPHEADER, headers.get());
  std::string password(request.basic_password);
  if (!request.basic_user.empty()) {
    curl_easy_setopt(h, CURLOPT_HTTPAUTH, CURLAUTH_BASIC);
    curl_easy_setopt(h, CURLOPT_USERNAME, request.basic_user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_WRITEFUNCTION, collect);
  curl_easy_setopt(h, CURLOPT_WRITEDATA, &result);
  const CURLcode rc = curl_easy_perform(h);
  // Wipe our copies of the credentials before they are freed.
  auto wipe = [](std::string& s) {
    for (auto& c : s) reinterpret_cast<volatile char&>(c) = 0;
  };
  wipe(password);
  wipe(bearer);
  for (auto& line : header_lines) wipe(line);
  if (rc != CURLE_OK) {
    result.error = curl_easy_strerror(rc);
    return result;
  }
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &result.status);
  const char* type = nullptr;
  if (curl_easy_getinfo(h, CURLINFO_CONTENT_TYPE, &type) == CURLE_OK && type != nullptr)
    result.content_type = type;
  return result;
}

}  // namespace

PostResult post_form(const PostRequest& request) { return perform(request, false, nullptr); }

PostResult get_with_query(const PostRequest& request) { return perform(request, true, nullptr); }

PostResult post_form_pinned(const PostRequest& request, const Pinning& pin) {
  return perform(request, false, &pin);
}

PostResult get_pinned(const PostRequest& request, const Pinning& pin) {
  return perform(request, true, &pin);
}

}  // namespace bulwark::net
