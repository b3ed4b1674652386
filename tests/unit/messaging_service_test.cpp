// The messaging service called directly, with no HTTP, on both engines
// (SQLite always, PostgreSQL when BULWARK_TEST_DATABASE_URL is set): texts,
// the office's messages, on the way, the number request, and what Twilio's
// webhooks do once they have found their organization.
#include <gtest/gtest.h>

#include <random>

#include "audit/audit_log.hpp"
#include "crypto/random.hpp"
#include "domain/messaging/service.hpp"
#include "domain/messaging/twilio_input.hpp"
#include "identity/users.hpp"
#include "messaging/consent.hpp"
#include "messaging/sms_number.hpp"
#include "privacy/seal_plain_customers.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
namespace msg = domain::messaging;
using store::OrgTx;
using store::Sql;

namespace {

constexpr std::int64_t kNow = 1'900'000'000'000;  // 2030-03-17
constexpr std::int64_t kHour = 3'600'000;

std::string random_phone() {
  static std::mt19937_64 rng(std::random_device{}());
  return "+1555" + std::to_string(1'000'000 + rng() % 9'000'000);
}

template <class T>
msg::LateInput<T> input(const resource::Read<T>& read) {
  return &read;
}

class MessagingServiceTest : public bulwark::testing::EngineTest {
 protected:
  void prepare() override {
    number_ = random_phone();
    db_->transaction([&](store::Connection& c) {
      const auto slug = "msg-" + crypto::random_token(6);
      org_ = identity::create_org(c, slug, "Acme Plumbing").id;
      user_ =
          identity::create_user(c, org_, slug + "@example.com", "Admin", security::Role::admin, "x")
              .id;
      messaging::set_org_sms_number(c, org_, number_, kNow, true);
    });
    office_.org_id = org_;
    office_.user_id = user_;
    webhook_.type = "webhook";
  }

  std::int64_t customer(const std::optional<std::string>& phone, bool opted_out = false) {
    const auto id =
        db_->query(Sql("INSERT INTO customers (org_id, name, phone, sms_opt_out, created_at, "
                       "updated_at) VALUES ($1, 'Dana', $2, $3, 1, 1) RETURNING id"),
                   {org_, phone ? store::Value(*phone) : store::Value(nullptr),
                    std::int64_t{opted_out ? 1 : 0}})
            .rows.at(0)
            .integer(0);
    privacy::seal_plain_rows_customers(*db_, org_);  // written plain above, sealed like an upgrade
    return id;
  }

  std::int64_t work_order(std::int64_t customer, std::string status, std::int64_t start,
                          std::optional<std::int64_t> assignee = std::nullopt) {
    static int number = 0;
    return db_
        ->query(Sql("INSERT INTO work_orders (org_id, number, title, type, priority, "
                    "status, customer_id, assignee_id, scheduled_start, created_by, "
                    "created_at, updated_at) VALUES ($1, $2, 'Fix', 'corrective', 'low', "
                    "$3, $4, $5, $6, $7, 1, 1) RETURNING id"),
                {org_, std::int64_t{++number}, std::move(status), customer,
                 assignee ? store::Value(*assignee) : store::Value(nullptr), start, user_})
        .rows.at(0)
        .integer(0);
  }

  template <class F>
  auto in_org(F&& work) {
    return store::in_org(*db_, org_, std::forward<F>(work));
  }

  msg::MessagePage thread(std::int64_t customer) {
    msg::MessageQuery q;
    q.customer = customer;
    return *in_org([&](OrgTx& tx) { return msg::messages(tx, q, msg::Providers{}); });
  }

  msg::InboundReply inbound(const std::string& from, const std::string& body,
                            std::string sid = {}) {
    if (sid.empty()) sid = "SM" + crypto::random_token(16);
    return msg::receive(*db_, webhook_, {sid, from, number_, body}, kNow);
  }

  std::int64_t audited(const std::string& action) {
    audit::Query q;
    q.org_id = org_;
    q.action = action;
    return static_cast<std::int64_t>(audit::list(*db_, q).size());
  }

  std::int64_t org_ = 0, user_ = 0;
  std::string number_;
  audit::Actor office_, webhook_;
};

}  // namespace

TEST_P(MessagingServiceTest, Messaging_TemplatesDefaultUntilSavedAndUnknownKindsAre404) {
  auto list = *in_org([](OrgTx& tx) { return msg::templates(tx); });
  ASSERT_FALSE(list.items.empty());
  for (const auto& t : list.items) EXPECT_TRUE(t.is_default) << t.kind;

  resource::Read<msg::SmsTemplateChange> change{{{"{org}: see you soon"}}, {"body"}};
  auto unknown = in_org([&](OrgTx& tx) {
    return msg::set_template(tx, office_, "no_such_kind", input(change), kNow);
  });
  ASSERT_FALSE(unknown);
  EXPECT_EQ(unknown.error().code, ErrorCode::not_found);

  auto saved = in_org(
      [&](OrgTx& tx) { return msg::set_template(tx, office_, "reminder", input(change), kNow); });
  ASSERT_TRUE(saved);
  EXPECT_EQ(saved->body, "{org}: see you soon");
  list = *in_org([](OrgTx& tx) { return msg::templates(tx); });
  for (const auto& t : list.items) EXPECT_EQ(t.is_default, t.kind != "reminder") << t.kind;
  EXPECT_EQ(audited("sms_template.updated"), 1);
}

TEST_P(MessagingServiceTest, Messaging_ATemplateWithAnUnknownPlaceholderIsRefused) {
  resource::Problems problems;
  msg::SmsTemplateChange t{{"Hi {nickname}"}};
  validate(t, problems);
  ASSERT_TRUE(problems.contains("body"));
  EXPECT_NE(problems["body"].find("{nickname}"), std::string::npos);
}

TEST_P(MessagingServiceTest, Messaging_TheOfficesMessageIsQueuedOnlyForANumberThatMayBeTexted) {
  const auto dana = customer(random_phone());
  resource::Read<msg::NewMessage> hello{{{"hello"}, std::nullopt}, {"body"}};
  auto queued = in_org([&](OrgTx& tx) { return msg::send(tx, office_, dana, input(hello), kNow); });
  ASSERT_TRUE(queued);
  EXPECT_EQ(queued->status, "queued");
  auto page = thread(dana);
  ASSERT_EQ(page.items.size(), 1u);
  EXPECT_EQ(page.items[0].body, "hello");
  EXPECT_EQ(page.items[0].status, "queued");
  EXPECT_NE(page.items[0].waiting_reason.value_or("").find("Twilio is not configured"),
            std::string::npos);

  auto refused = [&](std::int64_t who, const msg::LateInput<msg::NewMessage>& in) {
    auto r = in_org([&](OrgTx& tx) { return msg::send(tx, office_, who, in, kNow + 1); });
    EXPECT_FALSE(r);
    return r ? ApiError(ErrorCode::internal, "sent") : r.error();
  };
  EXPECT_EQ(refused(999'999'999, input(hello)).code, ErrorCode::not_found);
  EXPECT_EQ(refused(customer(std::nullopt), input(hello)).reason, "no_phone");
  EXPECT_EQ(refused(customer(random_phone(), true), input(hello)).reason, "sms_opted_out");
  const auto stopped = random_phone();
  const auto texted_stop = customer(stopped);
  inbound(stopped, "STOP");
  EXPECT_EQ(refused(texted_stop, input(hello)).reason, "sms_opted_out");

  // The customer is found before the body is looked at.
  const msg::LateInput<msg::NewMessage> bad =
      unexpected(ApiError(ErrorCode::validation_failed, "bad", "invalid_fields"));
  EXPECT_EQ(refused(999'999'999, bad).code, ErrorCode::not_found);
  EXPECT_EQ(refused(dana, bad).code, ErrorCode::validation_failed);

  const auto other = customer(random_phone());
  resource::Read<msg::NewMessage> about{
      {{"about it"}, resource::Int<1, INT64_MAX>{work_order(other, "open", kNow)}},
      {"body", "work_order_id"}};
  const auto wrong_work_order = refused(dana, input(about));
  EXPECT_EQ(wrong_work_order.code, ErrorCode::validation_failed);
  EXPECT_TRUE(wrong_work_order.fields.contains("work_order_id"));
  EXPECT_EQ(audited("sms.queued"), 1);
}

TEST_P(MessagingServiceTest, Messaging_OnTheWayIsSentOncePerHourAndOnlyByTheAssignee) {
  const auto dana = customer(random_phone());
  const auto wo = work_order(dana, "scheduled", kNow + 2 * kHour, user_);
  auto on_the_way = [&](std::optional<std::int64_t> only, std::int64_t now) {
    return in_org([&](OrgTx& tx) {
      return msg::on_the_way(tx, office_, wo, only, msg::Providers{true, false}, now);
    });
  };
  EXPECT_EQ(on_the_way(user_, kNow)->status, "queued");
  EXPECT_EQ(on_the_way(user_, kNow + 1000)->status, "already_sent");
  EXPECT_EQ(on_the_way(std::nullopt, kNow + kHour)->status, "queued");
  auto someone_else = on_the_way(user_ + 1000, kNow);
  ASSERT_FALSE(someone_else);
  EXPECT_EQ(someone_else.error().code, ErrorCode::not_found);

  const auto done = work_order(dana, "completed", kNow);
  auto late = in_org(
      [&](OrgTx& tx) { return msg::on_the_way(tx, office_, done, {}, msg::Providers{}, kNow); });
  ASSERT_FALSE(late);
  EXPECT_EQ(late.error().reason, "not_scheduled");
}

// Issue 12: an open (unscheduled) work order has no visit to announce, and
// the answer says truthfully whether a text will go out.
TEST_P(MessagingServiceTest, Messaging_OnTheWayRefusesOpenWorkOrdersAndSaysWhetherATextGoesOut) {
  const auto dana = customer(random_phone());
  auto say = [&](std::int64_t wo, msg::Providers p) {
    return in_org([&](OrgTx& tx) { return msg::on_the_way(tx, office_, wo, user_, p, kNow); });
  };
  const auto open = work_order(dana, "open", kNow, user_);
  const auto refused = say(open, msg::Providers{true, false});
  ASSERT_FALSE(refused);
  EXPECT_EQ(refused.error().code, ErrorCode::conflict);
  EXPECT_EQ(refused.error().reason, "not_scheduled");

  // No SMS provider: queued, but nothing reaches the customer, and it says so.
  const auto unsendable = say(work_order(dana, "scheduled", kNow + kHour, user_), {});
  ASSERT_TRUE(unsendable);
  EXPECT_EQ(unsendable->status, "queued");
  EXPECT_FALSE(unsendable->text_will_send);
  EXPECT_NE(unsendable->explanation.find("No text"), std::string::npos);

  const auto nobody = customer(std::nullopt);
  const auto no_phone = say(work_order(nobody, "scheduled", kNow + kHour, user_), {true, false});
  ASSERT_TRUE(no_phone);
  EXPECT_EQ(no_phone->status, "no_phone");
  EXPECT_FALSE(no_phone->text_will_send);
}

TEST_P(MessagingServiceTest, Messaging_ANumberRequestShowsInTheSettings) {
  auto before = *in_org([](OrgTx& tx) { return msg::settings(tx, msg::Providers{true, false}); });
  EXPECT_EQ(before.sms_number, number_);
  EXPECT_TRUE(before.sms_number_verified);
  EXPECT_FALSE(before.number_request);
  EXPECT_TRUE(before.twilio_configured);

  msg::NumberRequest ask{resource::Text<3, 0>{"802"}, resource::Text<500, 0>{"local, please"}};
  auto after = *in_org(
      [&](OrgTx& tx) { return msg::request_number(tx, office_, ask, msg::Providers{}, kNow); });
  ASSERT_TRUE(after.number_request);
  EXPECT_EQ(after.number_request->area_code, "802");
  EXPECT_EQ(after.number_request->requested_at.ms, kNow);
  ask.note = resource::Text<500, 0>{"changed my mind"};
  after = *in_org(
      [&](OrgTx& tx) { return msg::request_number(tx, office_, ask, msg::Providers{}, kNow + 1); });
  EXPECT_EQ(after.number_request->note, "changed my mind");  // one pending request, renewed
  EXPECT_EQ(audited("org.sms_number_requested"), 2);

  resource::Problems problems;
  validate(msg::NumberRequest{resource::Text<3, 0>{"8a2"}, std::nullopt}, problems);
  EXPECT_TRUE(problems.contains("area_code"));
}

TEST_P(MessagingServiceTest, Messaging_InboundIsStoredOncePerSidAndOnlyForAKnownNumber) {
  const auto phone = random_phone();
  const auto dana = customer(phone);
  const auto wo = work_order(dana, "open", kNow);
  EXPECT_TRUE(inbound(phone, "running late?", "SMfixed" + crypto::random_token(8)).stored);
  const auto sid = "SMonce" + crypto::random_token(8);
  EXPECT_TRUE(inbound(phone, "gate code 1234", sid).stored);
  EXPECT_FALSE(inbound(phone, "gate code 1234", sid).stored);
  auto nobody = msg::receive(
      *db_, webhook_, {"SMx" + crypto::random_token(8), phone, random_phone(), "hello"}, kNow);
  EXPECT_FALSE(nobody.stored);
  const auto page = thread(dana);
  ASSERT_EQ(page.items.size(), 2u);
  EXPECT_EQ(page.items[0].body, "gate code 1234");
  EXPECT_EQ(page.items[0].work_order_id, wo);
  EXPECT_EQ(page.items[0].direction, "inbound");
}

TEST_P(MessagingServiceTest, Messaging_StopStartHelpAndYesDoWhatTheySay) {
  const auto phone = random_phone();
  const auto dana = customer(phone);
  auto stop = inbound(phone, "stop please");  // not one of Twilio's own: we confirm it
  EXPECT_NE(stop.reply.find("Acme Plumbing"), std::string::npos);
  EXPECT_TRUE(inbound(phone, "STOP").reply.empty());  // already opted out
  auto may_text = [&] {
    return store::transact(
        *db_, [&](store::Connection& c) { return messaging::may_text(c, org_, phone, false); });
  };
  EXPECT_FALSE(may_text());
  EXPECT_EQ(audited("customer.sms_opted_out"), 1);
  inbound(phone, "START");
  EXPECT_TRUE(may_text());

  EXPECT_NE(inbound(phone, "HELP").reply.find("STOP"), std::string::npos);
  EXPECT_NE(inbound(phone, "yes").reply.find("no upcoming visit"), std::string::npos);
  const auto later = work_order(dana, "scheduled", kNow + 48 * kHour);
  const auto sooner = work_order(dana, "scheduled", kNow + 24 * kHour);
  EXPECT_NE(inbound(phone, "YES").reply.find("confirmed"), std::string::npos);
  const auto confirmed = db_->query(Sql("SELECT id FROM work_orders WHERE org_id = $1 AND "
                                        "customer_confirmed_at IS NOT NULL"),
                                    {org_});
  ASSERT_EQ(confirmed.rows.size(), 1u);
  EXPECT_EQ(confirmed.rows[0].integer(0), sooner);
  EXPECT_NE(later, sooner);
}

TEST_P(MessagingServiceTest, Messaging_DeliveryStatusMovesForwardOnly) {
  const auto dana = customer(random_phone());
  resource::Read<msg::NewMessage> hello{{{"hello"}, std::nullopt}, {"body"}};
  ASSERT_TRUE(in_org([&](OrgTx& tx) { return msg::send(tx, office_, dana, input(hello), kNow); }));
  const auto id = thread(dana).items.at(0).id;
  const auto sid = "SMout" + crypto::random_token(8);
  db_->query(Sql("UPDATE sms_messages SET status = 'sent', provider_sid = $2 WHERE id = $1"),
             {id, sid});
  auto status = [&] { return thread(dana).items.at(0); };
  msg::record_delivery(*db_, webhook_, {sid, "undelivered", "30003"}, kNow + 1);
  EXPECT_EQ(status().status, "undelivered");
  EXPECT_EQ(status().last_error, "twilio_error_30003");
  msg::record_delivery(*db_, webhook_, {sid, "sent", std::nullopt}, kNow + 2);  // late
  msg::record_delivery(*db_, webhook_, {sid, "queued", std::nullopt}, kNow + 3);
  EXPECT_EQ(status().status, "undelivered");
  EXPECT_EQ(status().updated_at.ms, kNow + 1);
  EXPECT_EQ(audited("sms.delivery_status"), 1);
}

INSTANTIATE_TEST_SUITE_P(Engines, MessagingServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });

TEST(MessagingTwilioInput, Messaging_AnInboundFormNeedsItsSidAndTwoPhoneNumbers) {
  auto sms = msg::read_inbound_sms("MessageSid=SM1&From=%2B15550001111&To=%2B15550002222&Body=Hi");
  ASSERT_TRUE(sms);
  EXPECT_EQ(sms->from, "+15550001111");
  EXPECT_EQ(sms->body, "Hi");
  auto missing = msg::read_inbound_sms("From=%2B15550001111&Body=x");
  ASSERT_FALSE(missing);
  EXPECT_TRUE(missing.error().fields.contains("MessageSid"));
  auto not_a_phone = msg::read_inbound_sms("MessageSid=SM1&From=abc&To=%2B15550002222");
  ASSERT_FALSE(not_a_phone);
  EXPECT_EQ(not_a_phone.error().reason, "invalid_parameter");
  EXPECT_EQ(msg::read_inbound_sms("%zz").error().reason, "malformed_form");
  auto status = msg::read_delivery_status("MessageSid=SM1&MessageStatus=failed&ErrorCode=30003");
  ASSERT_TRUE(status);
  EXPECT_EQ(status->error_code, "30003");
}

TEST(MessagingTwilioInput, Messaging_TwimlEscapesTheReplyAndAnEmptyOneSaysNothing) {
  EXPECT_TRUE(msg::twiml("").ends_with("<Response/>"));
  EXPECT_TRUE(
      msg::twiml("a < b & 'c'")
          .ends_with("<Response><Message>a &lt; b &amp; &apos;c&apos;</Message></Response>"));
}
