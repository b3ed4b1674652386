// The invoice rules called directly, with no HTTP: transitions, totals,
// voiding, manual and Stripe payments and their mismatches. The pure rules
// run once; the rest on both engines (SQLite always, PostgreSQL when
// BULWARK_TEST_DATABASE_URL names one; each test makes its own organization).
#include <gtest/gtest.h>

#include "core/clock.hpp"
#include "crypto/random.hpp"
#include "domain/invoice_lines.hpp"
#include "domain/invoices/payments.hpp"
#include "domain/invoices/service.hpp"
#include "domain/invoices/stripe_events.hpp"
#include "domain/payment_ledger.hpp"
#include "identity/users.hpp"
#include "store/database.hpp"
#include "test_databases.hpp"

using namespace bulwark;
namespace invoices = domain::invoices;
using store::OrgTx;
using store::Sql;

TEST(InvoiceRules, TransitionsGoDraftOpenPaidRefundedOrVoid) {
  using invoices::transition_allowed;
  EXPECT_TRUE(transition_allowed("draft", "open"));
  EXPECT_TRUE(transition_allowed("draft", "void"));
  EXPECT_TRUE(transition_allowed("open", "paid"));
  EXPECT_TRUE(transition_allowed("open", "void"));
  EXPECT_TRUE(transition_allowed("paid", "refunded"));
  for (const auto& [from, to] :
       std::vector<std::pair<std::string, std::string>>{{"draft", "paid"},
                                                        {"draft", "refunded"},
                                                        {"open", "draft"},
                                                        {"paid", "void"},
                                                        {"paid", "open"},
                                                        {"void", "open"},
                                                        {"void", "paid"},
                                                        {"refunded", "paid"},
                                                        {"open", "bogus"}})
    EXPECT_FALSE(transition_allowed(from, to)) << from << " -> " << to;
}

TEST(InvoiceRules, PaymentStateFollowsTheLedgerSums) {
  using domain::payment_state_of;
  auto s = payment_state_of(10'000, 0, 0);
  EXPECT_EQ(s.state, "unpaid");
  EXPECT_EQ(s.balance_cents, 10'000);
  s = payment_state_of(10'000, 4'000, 0);
  EXPECT_EQ(s.state, "partially_paid");
  EXPECT_EQ(s.balance_cents, 6'000);
  s = payment_state_of(10'000, 10'000, 0);
  EXPECT_EQ(s.state, "paid");
  EXPECT_EQ(s.balance_cents, 0);
  s = payment_state_of(10'000, 10'000, 2'500);
  EXPECT_EQ(s.state, "partially_refunded");
  EXPECT_EQ(s.balance_cents, 2'500);
  s = payment_state_of(10'000, 10'000, 10'000);
  EXPECT_EQ(s.state, "refunded");
  EXPECT_EQ(s.balance_cents, 10'000);
}

TEST(InvoiceRules, LineAmountsRoundToTheCentAndAddUp) {
  EXPECT_EQ(domain::line_cents(1.5, 9'500), 14'250);
  EXPECT_EQ(domain::line_cents(2, 4'599), 9'198);
  EXPECT_EQ(domain::line_cents(1.0 / 3.0, 100), 33);
  EXPECT_EQ(domain::invoice_total({{"a", 1, 100, 100}, {"b", 2, 50, 100}, {"c", 1, 1, 1}}), 201);
  EXPECT_EQ(domain::invoice_total({}), 0);
}

TEST(InvoiceRules, APaymentCountsOnlyWhenItIsWhatTheSessionAskedFor) {
  const invoices::InvoiceNow open{"open", 5'000, "USD", 3};
  const domain::CheckoutSession session{"cs_1", "https://pay", 5'000, "USD", 3, "active"};
  const invoices::Payment exact{"evt", "checkout.session.completed", "cs_1", "pi_1", 5'000, "usd"};
  using invoices::payment_mismatch_kind;
  EXPECT_EQ(payment_mismatch_kind(open, session, exact), "");
  auto p = exact;
  p.currency = "USD";
  EXPECT_EQ(payment_mismatch_kind(open, session, p), "");  // case does not matter
  p.currency = "eur";
  EXPECT_EQ(payment_mismatch_kind(open, session, p), "currency_mismatch");
  p = exact;
  p.amount_cents = 4'999;
  EXPECT_EQ(payment_mismatch_kind(open, session, p), "amount_mismatch");
  p.amount_cents.reset();
  EXPECT_EQ(payment_mismatch_kind(open, session, p), "amount_missing");
  EXPECT_EQ(payment_mismatch_kind(open, std::nullopt, exact), "no_checkout_session");
  auto newer = open;
  newer.version = 4;  // the invoice changed after the session was made
  EXPECT_EQ(payment_mismatch_kind(newer, session, exact), "stale_checkout_session");
  for (const char* status : {"draft", "paid", "void", "refunded"}) {
    auto other = open;
    other.status = status;
    EXPECT_EQ(payment_mismatch_kind(other, session, exact), "invoice_not_open");
  }
  EXPECT_FALSE(invoices::needs_refund("draft"));
  EXPECT_TRUE(invoices::needs_refund("void"));
  EXPECT_TRUE(invoices::needs_refund("paid"));
}

namespace {

class InvoiceServiceTest : public bulwark::testing::EngineTest {
 protected:
  void prepare() override {
    org_ = new_org("inv", "Invoices");
    db_->transaction([&](store::Connection& c) {
      user_ = identity::create_user(c, org_, "d-" + crypto::random_token(6) + "@example.com", "D",
                                    security::Role::dispatcher, "x")
                  .id;
    });
    by_ = audit::Actor{org_, "user", user_, "127.0.0.1"};
  }

  // A work order in `status` with 90 minutes of labour and 2 x $45.99 of parts.
  std::int64_t work_order(const std::string& status = "completed") {
    std::int64_t id = 0;
    db_->transaction([&](store::Connection& c) {
      id = c.query(Sql("INSERT INTO work_orders (org_id, number, title, type, priority, status, "
                       "created_by, created_at, updated_at) VALUES ($1, $2, 't', 'corrective', "
                       "'low', $3, $4, 1, 1) RETURNING id"),
                   {org_, ++numbers_, status, user_})
               .rows.at(0)
               .integer(0);
      c.query(Sql("INSERT INTO work_order_time (org_id, work_order_id, user_id, minutes, "
                  "created_at) VALUES ($1, $2, $3, 90, 1)"),
              {org_, id, user_});
      c.query(Sql("INSERT INTO work_order_parts (org_id, work_order_id, name, quantity, "
                  "unit_cost_cents, added_by, created_at) VALUES ($1, $2, 'Lid', 2, 4599, $3, 1)"),
              {org_, id, user_});
    });
    return id;
  }

  template <class F>
  auto in_org(F&& f) {
    return store::in_org(*db_, org_, std::forward<F>(f));
  }

  invoices::Outcome<invoices::InvoiceView> create(std::int64_t wo) {
    return in_org(
        [&](OrgTx& tx) { return invoices::create_from_work_order(tx, by_, wo, clock_.now_ms()); });
  }

  invoices::Outcome<invoices::InvoiceView> move(std::int64_t id, const std::string& to,
                                                std::int64_t version) {
    resource::Read<invoices::StatusChange> in{{{to}, {version}}, {"to"}};
    const Expected<const resource::Read<invoices::StatusChange>*, ApiError> checked = &in;
    return in_org(
        [&](OrgTx& tx) { return invoices::change_status(tx, by_, id, checked, clock_.now_ms()); });
  }

  invoices::InvoiceView get(std::int64_t id) {
    return store::read_org(*db_, org_, [&](OrgTx& tx) { return invoices::get(tx, id); }).value();
  }

  // An open invoice with a payment link from a fake Stripe.
  invoices::InvoiceView linked() {
    auto inv = create(work_order()).value();
    inv = move(inv.id, "open", inv.version).value();
    const invoices::CreateCheckoutSession stripe = [&](const invoices::CheckoutRequest& r) {
      ++stripe_calls_;
      return std::optional(invoices::PaymentLink{
          "https://checkout.test/" + std::to_string(r.invoice_id),
          "cs_" + std::to_string(r.invoice_id) + "_" + crypto::random_token(4)});
    };
    link_ = invoices::payment_link(*db_, by_, inv.id, &stripe, clock_.now_ms()).value().link;
    return get(inv.id);
  }

  invoices::StripeReceipt send(const std::string& type, boost::json::object object,
                               std::string event_id = {}) {
    if (event_id.empty()) event_id = "evt_" + crypto::random_token(8);
    auto event = invoices::parse_stripe_event(
        {{"id", event_id}, {"type", type}, {"data", {{"object", std::move(object)}}}});
    return invoices::receive_stripe_event(*db_, event.value(), "127.0.0.1", clock_.now_ms());
  }

  boost::json::object session_paid(const invoices::InvoiceView& inv, std::int64_t amount) {
    return {
        {"id", link_.checkout_session_id},
        {"payment_status", "paid"},
        {"amount_total", amount},
        {"currency", "usd"},
        {"payment_intent", "pi_" + std::to_string(inv.id)},
        {"metadata", {{"org_id", std::to_string(org_)}, {"invoice_id", std::to_string(inv.id)}}}};
  }

  std::int64_t count(const char* sql_kind, std::int64_t invoice) {
    const auto payload = "%\"invoice_id\":" + std::to_string(invoice) + ",%";
    return db_
        ->query(Sql("SELECT COUNT(*) FROM jobs WHERE org_id = $1 AND kind = $2 AND "
                    "payload LIKE $3"),
                {org_, std::string(sql_kind), payload})
        .rows.at(0)
        .integer(0);
  }

  core::FakeClock clock_;
  std::int64_t org_ = 0, user_ = 0, numbers_ = 0;
  audit::Actor by_;
  invoices::PaymentLink link_;
  int stripe_calls_ = 0;
};

}  // namespace

TEST_P(InvoiceServiceTest, ACompletedWorkOrderIsBilledForLabourAndParts) {
  const auto inv = create(work_order()).value();
  EXPECT_EQ(inv.status, "draft");
  EXPECT_EQ(inv.number, "INV-1001");
  ASSERT_EQ(inv.lines.size(), 2u);
  EXPECT_EQ(inv.lines[0].amount_cents, 14'250);  // 1.5 h at the default $95.00
  EXPECT_EQ(inv.lines[1].amount_cents, 9'198);
  EXPECT_EQ(inv.total_cents, 23'448);
  EXPECT_EQ(inv.balance_cents, 23'448);
  EXPECT_EQ(inv.payment_state, "unpaid");
  EXPECT_EQ(inv.created_at.ms, clock_.now_ms());
  EXPECT_EQ(create(work_order()).value().number, "INV-1002");
}

TEST_P(InvoiceServiceTest, OnlyACompletedWorkOrderOnceAndOfThisOrganization) {
  auto r = create(work_order("in_progress"));
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, "work_order_not_completed");
  const auto wo = work_order();
  ASSERT_TRUE(create(wo));
  r = create(wo);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, "already_invoiced");
  r = create(999'999'999);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::not_found);
}

TEST_P(InvoiceServiceTest, TransitionsNeedTheVersionReadAndAnAllowedStep) {
  const auto inv = create(work_order()).value();
  auto r = move(inv.id, "paid", inv.version);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, "illegal_transition");
  clock_.advance_ms(1'000);
  const auto opened = move(inv.id, "open", inv.version).value();
  EXPECT_EQ(opened.status, "open");
  EXPECT_EQ(opened.version, inv.version + 1);
  EXPECT_EQ(opened.updated_at.ms, clock_.now_ms());
  r = move(inv.id, "void", inv.version);  // stale
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, "version_conflict");
  EXPECT_EQ(get(inv.id).status, "open");  // nothing changed
}

TEST_P(InvoiceServiceTest, PaidAndRefundedByHandAreInTheLedger) {
  auto inv = create(work_order()).value();
  inv = move(inv.id, "open", inv.version).value();
  inv = move(inv.id, "paid", inv.version).value();
  EXPECT_EQ(inv.status, "paid");
  ASSERT_TRUE(inv.paid_at);
  EXPECT_EQ(inv.paid_at->ms, clock_.now_ms());
  EXPECT_EQ(inv.payment_state, "paid");
  EXPECT_EQ(inv.balance_cents, 0);
  ASSERT_EQ(inv.payments.size(), 1u);
  EXPECT_EQ(inv.payments[0].kind, "charge");
  EXPECT_EQ(inv.payments[0].source, "manual");
  EXPECT_EQ(inv.payments[0].amount_cents, 23'448);
  inv = move(inv.id, "refunded", inv.version).value();
  EXPECT_EQ(inv.payment_state, "refunded");
  EXPECT_EQ(inv.refunded_cents, 23'448);
}

TEST_P(InvoiceServiceTest, AVoidInvoiceTakesNoMoneyAndItsSessionIsExpired) {
  const auto inv = linked();
  ASSERT_EQ(inv.payment_link, link_.url);
  const auto voided = move(inv.id, "void", inv.version).value();
  EXPECT_EQ(voided.status, "void");
  EXPECT_FALSE(voided.payment_link);
  EXPECT_EQ(count("stripe.expire_checkout_session", inv.id), 1);
  auto r = move(inv.id, "paid", voided.version);
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, "illegal_transition");
  const invoices::CreateCheckoutSession stripe = [](const invoices::CheckoutRequest&) {
    return std::optional(invoices::PaymentLink{"https://x", "cs_x"});
  };
  auto link = invoices::payment_link(*db_, by_, inv.id, &stripe, clock_.now_ms());
  ASSERT_FALSE(link);
  EXPECT_EQ(link.error().reason, "invoice_not_open");
  // Money that arrives anyway is a mismatch to refund, not a payment.
  send("checkout.session.completed", session_paid(inv, inv.total_cents));
  const auto after = get(inv.id);
  EXPECT_EQ(after.status, "void");
  EXPECT_EQ(after.version, voided.version);
  EXPECT_TRUE(after.payments.empty());
  ASSERT_EQ(after.mismatches.size(), 1u);
  EXPECT_EQ(after.mismatches[0].kind, "invoice_not_open");
  EXPECT_TRUE(after.mismatches[0].needs_refund);
}

TEST_P(InvoiceServiceTest, ThePaymentLinkIsMadeOncePerVersion) {
  const auto inv = linked();
  EXPECT_EQ(stripe_calls_, 1);
  const invoices::CreateCheckoutSession never = [&](const invoices::CheckoutRequest&) {
    ++stripe_calls_;
    return std::optional<invoices::PaymentLink>{};
  };
  const auto again = invoices::payment_link(*db_, by_, inv.id, &never, clock_.now_ms()).value();
  EXPECT_FALSE(again.created);
  EXPECT_EQ(again.link.url, link_.url);
  EXPECT_EQ(stripe_calls_, 1);
  auto draft = create(work_order()).value();
  draft = move(draft.id, "open", draft.version).value();
  auto r = invoices::payment_link(*db_, by_, draft.id, nullptr, clock_.now_ms());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().reason, "payments_not_configured");
  r = invoices::payment_link(*db_, by_, draft.id, &never, clock_.now_ms());
  ASSERT_FALSE(r);
  EXPECT_EQ(r.error().code, ErrorCode::service_unavailable);
}

TEST_P(InvoiceServiceTest, AShortPaymentIsAMismatchAndTheExactOnePays) {
  const auto inv = linked();
  const auto short_event = "evt_short_" + crypto::random_token(6);
  EXPECT_FALSE(
      send("checkout.session.completed", session_paid(inv, inv.total_cents - 1), short_event)
          .duplicate);
  EXPECT_TRUE(
      send("checkout.session.completed", session_paid(inv, inv.total_cents - 1), short_event)
          .duplicate);
  auto got = get(inv.id);
  EXPECT_EQ(got.status, "open");
  EXPECT_EQ(got.version, inv.version);
  EXPECT_TRUE(got.payments.empty());
  ASSERT_EQ(got.mismatches.size(), 1u);
  EXPECT_EQ(got.mismatches[0].kind, "amount_mismatch");
  EXPECT_EQ(got.mismatches[0].expected_cents, inv.total_cents);
  EXPECT_EQ(got.mismatches[0].received_cents, inv.total_cents - 1);
  EXPECT_FALSE(got.mismatches[0].needs_refund);

  clock_.advance_ms(5'000);
  send("checkout.session.completed", session_paid(inv, inv.total_cents));
  got = get(inv.id);
  EXPECT_EQ(got.status, "paid");
  ASSERT_TRUE(got.paid_at);
  EXPECT_EQ(got.paid_at->ms, clock_.now_ms());
  EXPECT_EQ(got.balance_cents, 0);
  ASSERT_EQ(got.payments.size(), 1u);
  EXPECT_EQ(got.payments[0].source, "stripe");
  EXPECT_FALSE(got.payment_link);

  // A partial refund keeps it paid; the rest of the money back refunds it.
  boost::json::object charge{{"id", "ch_" + std::to_string(inv.id)},
                             {"payment_intent", "pi_" + std::to_string(inv.id)},
                             {"amount_refunded", 1'000},
                             {"currency", "usd"},
                             {"metadata", boost::json::object{}}};
  send("charge.refunded", charge);
  got = get(inv.id);
  EXPECT_EQ(got.status, "paid");
  EXPECT_EQ(got.payment_state, "partially_refunded");
  EXPECT_EQ(got.refunded_cents, 1'000);
  charge["amount_refunded"] = inv.total_cents;
  send("charge.refunded", charge);
  got = get(inv.id);
  EXPECT_EQ(got.status, "refunded");
  EXPECT_EQ(got.refunded_cents, inv.total_cents);
}

TEST_P(InvoiceServiceTest, AnEventNamingAnotherOrganizationChangesNothing) {
  const auto inv = linked();
  auto object = session_paid(inv, inv.total_cents);
  object["metadata"].as_object()["org_id"] = std::to_string(org_ + 100'000);
  EXPECT_FALSE(send("checkout.session.completed", object).duplicate);
  EXPECT_EQ(get(inv.id).status, "open");
  EXPECT_FALSE(invoices::parse_stripe_event({{"id", "evt"}, {"type", "x"}}));
}

INSTANTIATE_TEST_SUITE_P(Engines, InvoiceServiceTest, ::testing::Values("sqlite", "postgres"),
                         [](const auto& info) { return info.param; });
