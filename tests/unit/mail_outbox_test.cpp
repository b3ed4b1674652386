// The email outbox (issue 14 item 3) on both engines: a queued message is
// one sealed email_outbox row and one mail.send job (whose payload holds ids
// only); the same cause queues once; hostile input queues nothing; a relay
// that cannot be reached is retried, and the last attempt marks the row failed.
#include <gtest/gtest.h>

#include <boost/json/serialize.hpp>

#include "jobs/outbox.hpp"
#include "mail/outbox.hpp"
#include "mail/send_job.hpp"
#include "store/org_tx.hpp"
#include "test_databases.hpp"

namespace {

using namespace bulwark;
using store::Sql;

class MailOutboxTest : public bulwark::testing::EngineTest {
 protected:
  Expected<std::int64_t, mail::QueueError> queue(std::int64_t org, mail::Message m) {
    return store::transact(*db_,
                           [&](store::Connection& c) { return mail::enqueue(c, org, m, 1'000); });
  }
  static mail::Message message(std::string key) {
    mail::Message m;
    m.kind = "test";
    m.to_address = "pat.unit@customer.example";
    m.subject = "Your pump-out is booked";
    m.text = "See you Tuesday at the septic tank";
    m.idempotency_key = std::move(key);
    return m;
  }
  std::string raw_row(std::int64_t id) {
    const auto r = db_->query(Sql("SELECT to_address || subject || body_text || body_html "
                                  "FROM email_outbox WHERE id = $1"),
                              {id});
    return r.rows.at(0).text(0);
  }
  std::vector<std::string> row_state(std::int64_t id) {
    const auto r = db_->query(Sql("SELECT status, COALESCE(last_error, ''), attempts FROM "
                                  "email_outbox WHERE id = $1"),
                              {id});
    return {r.rows.at(0).text(0), r.rows.at(0).text(1), std::to_string(r.rows.at(0).integer(2))};
  }
  std::vector<jobs::Job> claim(std::int64_t org) {
    std::vector<jobs::Job> mine;
    for (auto& j : jobs::claim_jobs(*db_, mail::kSendJob, 2'000, std::chrono::seconds(60), 500))
      if (j.org_id == org) mine.push_back(std::move(j));
    return mine;
  }
};

TEST_P(MailOutboxTest, queued_mail_is_sealed_and_has_one_job_ISSUE14_3) {
  const auto org = new_org("mailq", "Mail Queue");
  const auto id = queue(org, message("booking:1"));
  ASSERT_TRUE(id.has_value());
  const auto raw = raw_row(*id);
  for (auto plain : {"pat.unit", "pump-out", "septic tank"})
    EXPECT_EQ(raw.find(plain), std::string::npos) << plain;
  EXPECT_EQ(queue(org, message("booking:1")).error(), mail::QueueError::duplicate);
  const auto jobs = claim(org);
  ASSERT_EQ(jobs.size(), 1u);
  EXPECT_EQ(jobs[0].payload.at("outbox_id").as_int64(), *id);
  EXPECT_EQ(boost::json::serialize(jobs[0].payload).find("pat.unit"), std::string::npos);
}

TEST_P(MailOutboxTest, hostile_input_queues_nothing_ISSUE14_3) {
  const auto org = new_org("mailbad", "Mail Bad");
  auto m = message("bad:1");
  m.subject = "Hi\r\nBcc: eve@example.com";
  EXPECT_EQ(queue(org, m).error(), mail::QueueError::header_injection);
  m = message("bad:2");
  m.to_address = "Pat <pat@example.com>";
  EXPECT_EQ(queue(org, m).error(), mail::QueueError::invalid_address);
  m = message("bad:3");
  m.text = "\xff\xfe";
  EXPECT_EQ(queue(org, m).error(), mail::QueueError::invalid_utf8);
  EXPECT_TRUE(claim(org).empty());
}

TEST_P(MailOutboxTest, unreachable_relay_is_retried_then_failed_ISSUE14_3) {
  const auto org = new_org("mailretry", "Mail Retry");
  const auto id = queue(org, message("retry:1"));
  ASSERT_TRUE(id.has_value());
  auto job = claim(org).at(0);
  config::Config c;
  c.smtp.url = "smtp://127.0.0.1:1";  // nothing listens on port 1
  c.smtp.mail_from = "dispatch@bulwark.example";
  const jobs::JobContext ctx{*db_, c, 2'000};
  auto r = mail::run_send_job(ctx, job);
  EXPECT_EQ(r.verdict, jobs::HttpVerdict::retry);
  EXPECT_EQ(r.error, "smtp_connect");
  EXPECT_EQ(row_state(*id), (std::vector<std::string>{"queued", "smtp_connect", "1"}));
  job.attempts = jobs::WorkerOptions{}.max_attempts;
  r = mail::run_send_job(ctx, job);
  EXPECT_EQ(row_state(*id), (std::vector<std::string>{"failed", "smtp_connect", "2"}));
}

INSTANTIATE_TEST_SUITE_P(Engines, MailOutboxTest, ::testing::Values("sqlite", "postgres"));

}  // namespace
