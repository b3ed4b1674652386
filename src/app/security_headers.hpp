#pragma once
// The headers every response carries, errors included.
#include "http/message.hpp"

namespace bulwark::app {

// CSP, nosniff, framing and referrer policy, ...; HSTS when the client reached
// us over TLS. API answers get Cache-Control: no-store unless the handler set
// its own policy (the static files do).
void apply_security_headers(http::Response& response, bool secure);

}  // namespace bulwark::app
