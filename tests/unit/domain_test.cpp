#include <gtest/gtest.h>

#include "domain/phone.hpp"
#include "domain/timestamps.hpp"
#include "domain/work_order_status.hpp"

using namespace bulwark::domain;

TEST(Phone, NormalizesToE164) {
  EXPECT_EQ(normalize_phone("(555) 201-0100"), "+15552010100");
  EXPECT_EQ(normalize_phone("1-555-201-0100"), "+15552010100");
  EXPECT_EQ(normalize_phone("+44 20 7946 0958"), "+442079460958");
  EXPECT_EQ(normalize_phone("555.201.0100"), "+15552010100");
}

TEST(Phone, RefusesWhatIsNotAPhoneNumber) {
  for (auto bad : {"", "555-0100", "call me", "+0123456789", "+1234567", "12345678901234567",
                   "(055) 201-0100", "555 101 0100", "+1 555 201 0100 ext 4", "++15552010100"})
    EXPECT_FALSE(normalize_phone(bad)) << bad;
}

TEST(Timestamps, ParsesRfc3339WithOffsets) {
  EXPECT_EQ(parse_rfc3339("1970-01-01T00:00:00Z"), 0);
  EXPECT_EQ(parse_rfc3339("2026-11-23T14:30:00Z"), 1795444200000LL);
  EXPECT_EQ(parse_rfc3339("2026-11-23T09:30:00-05:00"), 1795444200000LL);
  EXPECT_EQ(parse_rfc3339("2026-11-23T14:30:00.250Z"), 1795444200250LL);
  EXPECT_EQ(format_rfc3339(1795444200000LL), "2026-11-23T14:30:00Z");
  EXPECT_EQ(parse_rfc3339("2024-02-29T00:00:00Z").has_value(), true);
}

TEST(Timestamps, RefusesImpossibleOrSloppyTimes) {
  for (auto bad : {"2026-02-29T00:00:00Z", "2026-13-01T00:00:00Z", "2026-11-23T24:00:00Z",
                   "2026-11-23 14:30:00Z", "2026-11-23T14:30:00", "2026-11-23T14:30:00+5",
                   "tomorrow", "", "1969-12-31T23:59:59Z", "2026-11-23T14:30:00Zjunk"})
    EXPECT_FALSE(parse_rfc3339(bad)) << bad;
}

TEST(WorkOrderStatus, TheLifeCycle) {
  using S = WoStatus;
  EXPECT_TRUE(transition_allowed(S::open, S::scheduled));
  EXPECT_TRUE(transition_allowed(S::in_progress, S::on_hold));
  EXPECT_TRUE(transition_allowed(S::on_hold, S::in_progress));
  EXPECT_TRUE(transition_allowed(S::completed, S::closed));
  EXPECT_FALSE(transition_allowed(S::open, S::completed));
  EXPECT_FALSE(transition_allowed(S::completed, S::cancelled));
  EXPECT_FALSE(transition_allowed(S::closed, S::cancelled));
  EXPECT_TRUE(is_reopen(S::cancelled, S::open));
  EXPECT_FALSE(transition_allowed(S::open, S::open));
  for (auto s : {S::open, S::scheduled, S::in_progress, S::on_hold})
    EXPECT_TRUE(transition_allowed(s, S::cancelled));
}

// allowed_transitions is what the caller's role may do, so the web app never
// offers a move the server refuses (reopen_needs_dispatcher, 403 for viewers).
TEST(WorkOrderStatus, AllowedTransitionsFollowTheCallersRole) {
  using S = WoStatus;
  using R = bulwark::security::Role;
  for (auto role : {R::owner, R::admin, R::dispatcher}) {
    EXPECT_TRUE(may_reopen(role));
    EXPECT_EQ(allowed_transitions(S::completed, role), (std::vector{S::open, S::closed}));
    EXPECT_EQ(allowed_transitions(S::closed, role), std::vector{S::open});
    EXPECT_EQ(allowed_transitions(S::cancelled, role), std::vector{S::open});
  }
  EXPECT_FALSE(may_reopen(R::technician));
  EXPECT_FALSE(may_reopen(R::viewer));
  // Cancelling and closing are office decisions: never offered to a technician.
  EXPECT_TRUE(allowed_transitions(S::completed, R::technician).empty());
  EXPECT_TRUE(allowed_transitions(S::closed, R::technician).empty());
  EXPECT_TRUE(allowed_transitions(S::cancelled, R::technician).empty());
  EXPECT_EQ(allowed_transitions(S::in_progress, R::technician),
            (std::vector{S::on_hold, S::completed}));
  EXPECT_EQ(allowed_transitions(S::open, R::technician), std::vector{S::scheduled});
  EXPECT_EQ(allowed_transitions(S::open, R::dispatcher), (std::vector{S::scheduled, S::cancelled}));
  for (auto role : {R::owner, R::admin, R::dispatcher}) EXPECT_TRUE(may_decide(role));
  EXPECT_FALSE(may_decide(R::technician));
  EXPECT_TRUE(is_office_decision(S::cancelled) && is_office_decision(S::closed));
  EXPECT_FALSE(is_office_decision(S::completed));
  // Viewers cannot change work orders at all.
  for (auto s : {S::open, S::in_progress, S::completed, S::closed, S::cancelled})
    EXPECT_TRUE(allowed_transitions(s, R::viewer).empty());
}

TEST(Timestamps, FormatterAgreesWithTheParserAcrossCenturies) {
  for (std::int64_t ms : {0LL, 951782400000LL /* 2000-02-29 */, 4107542400000LL /* 2100-03-01 */,
                          1795444200000LL, 253402300799000LL /* 9999-12-31T23:59:59 */}) {
    auto text = format_rfc3339(ms);
    EXPECT_EQ(parse_rfc3339(text), ms) << text;
  }
  EXPECT_EQ(format_rfc3339(951782400000LL), "2000-02-29T00:00:00Z");
  EXPECT_EQ(format_rfc3339(4107542400000LL), "2100-03-01T00:00:00Z");
}

#include "core/org_time.hpp"
#include "domain/pm_generation.hpp"

TEST(PmSchedule, AddMonthsClampsTheDay) {
  const auto add_months = [](std::int64_t at, int months) {
    return bulwark::core::add_local_months("UTC", at, months);
  };
  const auto jan31 = *parse_rfc3339("2026-01-31T09:00:00Z");
  EXPECT_EQ(format_rfc3339(add_months(jan31, 1)), "2026-02-28T09:00:00Z");
  EXPECT_EQ(format_rfc3339(add_months(jan31, 13)), "2027-02-28T09:00:00Z");
  EXPECT_EQ(format_rfc3339(add_months(*parse_rfc3339("2027-12-31T00:00:00Z"), 2)),
            "2028-02-29T00:00:00Z");
  EXPECT_EQ(format_rfc3339(add_months(*parse_rfc3339("2026-08-15T12:30:00Z"), 6)),
            "2027-02-15T12:30:00Z");
}

// A schedule that started in 1990 generates one occurrence, then moves to its
// first occurrence after now: not ~13,000 catch-up work orders one run at a time.
TEST(PmSchedule, NextDueSkipsMissedOccurrencesToTheFirstAfterNow) {
  const auto now = *parse_rfc3339("2026-12-01T22:00:00Z");
  const auto start = *parse_rfc3339("1990-01-01T08:00:00Z");
  EXPECT_EQ(format_rfc3339(next_due_after(start, "days", 1, now, "UTC")), "2026-12-02T08:00:00Z");
  EXPECT_EQ(format_rfc3339(next_due_after(start, "weeks", 2, now, "UTC")), "2026-12-14T08:00:00Z");
  EXPECT_EQ(format_rfc3339(next_due_after(start, "months", 1, now, "UTC")), "2027-01-01T08:00:00Z");
  EXPECT_EQ(format_rfc3339(next_due_after(start, "months", 6, now, "UTC")), "2027-01-01T08:00:00Z");
  // The day of the month is kept from the schedule's own date, not eroded by
  // clamping along the way (Jan 31 -> Feb 28 -> Mar 31, not Mar 28).
  const auto jan31 = *parse_rfc3339("2026-01-31T09:00:00Z");
  EXPECT_EQ(format_rfc3339(
                next_due_after(jan31, "months", 1, *parse_rfc3339("2026-03-01T00:00:00Z"), "UTC")),
            "2026-03-31T09:00:00Z");
}

TEST(PmSchedule, NextDueOfAFutureOccurrenceIsOneIntervalOn) {
  const auto now = *parse_rfc3339("2026-12-01T22:00:00Z");
  const auto due = *parse_rfc3339("2026-12-04T22:00:00Z");  // generated 14 days ahead
  EXPECT_EQ(format_rfc3339(next_due_after(due, "months", 6, now, "UTC")), "2027-06-04T22:00:00Z");
  EXPECT_EQ(format_rfc3339(next_due_after(due, "days", 7, now, "UTC")), "2026-12-11T22:00:00Z");
  // Due exactly now: the next one is strictly after now.
  EXPECT_EQ(next_due_after(now, "days", 1, now, "UTC"), now + 86'400'000);
}

TEST(PmSchedule, NextMeterThresholdIsAboveTheLatestReading) {
  EXPECT_EQ(next_meter_threshold(1000, 500, 1010), 1500);
  EXPECT_EQ(next_meter_threshold(1000, 500, 1500), 2000);   // reached exactly: the next one
  EXPECT_EQ(next_meter_threshold(1000, 500, 9999), 10000);  // one jump, not 18 work orders
  EXPECT_EQ(next_meter_threshold(1000, 500, 1000), 1500);
}
