#pragma once
// One message handed to the SMTP relay with libcurl (config/smtp.hpp for the
// TLS rules). The outcome is a verdict for the jobs worker and a short class
// for last_error and the log ("smtp_451", "smtp_connect", "smtp_tls"); the
// server's answer text is never kept (it may quote the address).
#include <string>
#include <string_view>

#include "config/smtp.hpp"
#include "jobs/outbox.hpp"

namespace bulwark::mail {

struct SmtpOutcome {
  jobs::HttpVerdict verdict = jobs::HttpVerdict::done;
  std::string error;  // empty when sent
};

// 2xx: done. A 4xx answer, no connection, a timeout or a TLS failure: retry
// (a relay that is down or a certificate being renewed). A 5xx answer: give up.
SmtpOutcome send_smtp(const config::SmtpSettings& settings, std::string_view to_address,
                      const std::string& message);

}  // namespace bulwark::mail
