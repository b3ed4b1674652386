#pragma once
// mail.send {org_id, outbox_id}: the jobs worker's handler that sends one
// email_outbox row over SMTP (ready only when BULWARK_SMTP_URL and
// BULWARK_MAIL_FROM are set; until then mail waits, queued). The row shows
// the outcome: 'sent' (with its Message-ID), or still 'queued' with the last
// error's class while the worker retries with back-off, or 'failed' after a
// permanent answer (5xx) or the last attempt. The log names the row, never
// the address.
#include "jobs/worker.hpp"
#include "mail/outbox.hpp"

namespace bulwark::mail {

jobs::JobResult run_send_job(const jobs::JobContext& ctx, const jobs::Job& job);

}  // namespace bulwark::mail
