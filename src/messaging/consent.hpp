#pragma once
// SMS consent belongs to the phone number within an organization
// (sms_consent), not to a customer record: a STOP is recorded whoever sent it
// (a customer, a soft-deleted one, a number that is no customer yet), a
// record created later with the same number inherits it, and erasing a
// customer leaves it in place. Every send checks it when a message is queued
// and again right before it is posted.
//
// Only the number can undo its own STOP (source 'customer_sms'); an opt-out
// the office recorded (source 'office') the office may clear.
//
// customers.sms_opt_out and sms_opt_out_by_customer are kept as a mirror of
// the consent of each record's phone (the web app and instances of the
// previous release read them); a record without a phone keeps the office's
// choice there alone. A number is opted out if either says so.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/database.hpp"

namespace bulwark::messaging {

inline constexpr std::string_view kOptedOut = "opted_out";
inline constexpr std::string_view kOptedIn = "opted_in";
inline constexpr std::string_view kSourceCustomerSms = "customer_sms";
inline constexpr std::string_view kSourceOffice = "office";

struct Consent {
  std::string state;  // opted_out | opted_in
  std::int64_t changed_at = 0;
  std::string source;  // customer_sms | office
  bool opted_out() const { return state == kOptedOut; }
  bool by_customer() const { return opted_out() && source == kSourceCustomerSms; }
};

std::optional<Consent> consent_for(store::Connection& conn, std::int64_t org_id,
                                   const std::string& phone_e164);

// False when the number opted out (or the record itself carries an opt-out).
bool may_text(store::Connection& conn, std::int64_t org_id, const std::string& phone_e164,
              bool record_opted_out);

// STOP or START texted by the number itself. Returns whether it changed
// anything (a second STOP does not).
bool record_texted_choice(store::Connection& conn, std::int64_t org_id,
                          const std::string& phone_e164, bool opt_out, std::int64_t now_ms);

enum class OfficeChoice { changed, unchanged, refused_customer_stop };
// The office's opt-out (true) or its clearing (false). Clearing a STOP the
// number texted is refused; clearing where nothing was recorded changes nothing.
OfficeChoice record_office_choice(store::Connection& conn, std::int64_t org_id,
                                  const std::string& phone_e164, bool opt_out, std::int64_t now_ms);

// Sets the mirror columns of every customer record with this phone (deleted
// ones too) to the number's consent; returns the ids that changed.
std::vector<std::int64_t> mirror_consent_to_customers(store::Connection& conn, std::int64_t org_id,
                                                      const std::string& phone_e164,
                                                      std::int64_t now_ms);

}  // namespace bulwark::messaging
