#pragma once
// What an inbound SMS asks for. The opt-out and opt-in words are the ones
// carriers and Twilio's Advanced Opt-Out recognize; they count only as the
// whole message (trimmed, any case), as Twilio matches them.
#include <string_view>

namespace bulwark::messaging {

enum class Keyword { opt_out, opt_in, help, confirm, none };

Keyword classify_inbound(std::string_view body);
std::string_view keyword_name(Keyword k);

}  // namespace bulwark::messaging
