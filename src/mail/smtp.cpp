#include "mail/smtp.hpp"

#include <curl/curl.h>

#include <algorithm>
#include <cstring>
#include <memory>

namespace bulwark::mail {

namespace {

struct Reader {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_message(char* buffer, std::size_t size, std::size_t n, void* user) {
  auto* r = static_cast<Reader*>(user);
  const std::size_t left = r->data->size() - r->offset;
  const std::size_t count = std::min(left, size * n);
  std::memcpy(buffer, r->data->data() + r->offset, count);
  r->offset += count;
  return count;
}

SmtpOutcome classify(CURLcode rc, long code) {
  if (rc == CURLE_OK) return {jobs::HttpVerdict::done, {}};
  if (code >= 500 && code < 600)
    return {jobs::HttpVerdict::give_up, "smtp_" + std::to_string(code)};
  if (code >= 400 && code < 500) return {jobs::HttpVerdict::retry, "smtp_" + std::to_string(code)};
  switch (rc) {
    case CURLE_COULDNT_RESOLVE_HOST:
    case CURLE_COULDNT_CONNECT: return {jobs::HttpVerdict::retry, "smtp_connect"};
    case CURLE_OPERATION_TIMEDOUT: return {jobs::HttpVerdict::retry, "smtp_timeout"};
    case CURLE_USE_SSL_FAILED:  // the relay offers no STARTTLS
      return {jobs::HttpVerdict::retry, "smtp_no_starttls"};
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CACERT_BADFILE: return {jobs::HttpVerdict::retry, "smtp_tls"};
    case CURLE_LOGIN_DENIED: return {jobs::HttpVerdict::give_up, "smtp_auth"};
    default:
      return {jobs::HttpVerdict::retry, "smtp_error_" + std::to_string(static_cast<int>(rc))};
  }
}

}  // namespace

SmtpOutcome send_smtp(const config::SmtpSettings& s, std::string_view to_address,
                      const std::string& message) {
  std::unique_ptr<CURL, decltype(&curl_easy_cleanup)> curl(curl_easy_init(), curl_easy_cleanup);
  if (!curl) return {jobs::HttpVerdict::retry, "smtp_init"};
  CURL* h = curl.get();
  const std::string from = "<" + s.mail_from + ">";
  const std::string to = "<" + std::string(to_address) + ">";
  std::unique_ptr<curl_slist, decltype(&curl_slist_free_all)> rcpt(
      curl_slist_append(nullptr, to.c_str()), curl_slist_free_all);
  Reader reader{&message};
  curl_easy_setopt(h, CURLOPT_URL, s.url.c_str());
  curl_easy_setopt(h, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  // STARTTLS is required except to a loopback relay (there it is used when
  // offered); smtps:// is TLS from the start. Certificates are always verified.
  curl_easy_setopt(
      h, CURLOPT_USE_SSL,
      static_cast<long>(!s.implicit_tls() && s.loopback() ? CURLUSESSL_TRY : CURLUSESSL_ALL));
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYPEER, 1L);
  curl_easy_setopt(h, CURLOPT_SSL_VERIFYHOST, 2L);
  if (!s.ca_file.empty()) curl_easy_setopt(h, CURLOPT_CAINFO, s.ca_file.c_str());
  std::string password(s.password.reveal());
  if (!s.user.empty()) {
    curl_easy_setopt(h, CURLOPT_USERNAME, s.user.c_str());
    curl_easy_setopt(h, CURLOPT_PASSWORD, password.c_str());
  }
  curl_easy_setopt(h, CURLOPT_MAIL_FROM, from.c_str());
  curl_easy_setopt(h, CURLOPT_MAIL_RCPT, rcpt.get());
  curl_easy_setopt(h, CURLOPT_READFUNCTION, read_message);
  curl_easy_setopt(h, CURLOPT_READDATA, &reader);
  curl_easy_setopt(h, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(h, CURLOPT_NOSIGNAL, 1L);
  curl_easy_setopt(h, CURLOPT_CONNECTTIMEOUT_MS, 10'000L);
  curl_easy_setopt(h, CURLOPT_TIMEOUT_MS, 60'000L);
  const CURLcode rc = curl_easy_perform(h);
  for (auto& c : password) reinterpret_cast<volatile char&>(c) = 0;
  long code = 0;
  curl_easy_getinfo(h, CURLINFO_RESPONSE_CODE, &code);
  return classify(rc, code);
}

}  // namespace bulwark::mail
