#pragma once
// Client address and scheme. X-Forwarded-For / X-Forwarded-Proto are
// believed only when the TCP peer is the configured trusted proxy; from
// anyone else they are ignored, so a client cannot pick its own IP to dodge
// rate limits or claim HTTPS.
#include <string_view>

#include "http/message.hpp"

namespace bulwark::http {

// `peer_ip` is the socket's remote address, `tls` whether this hop is TLS.
// Sets request.client_ip and request.secure.
void apply_forwarding(Request& request, std::string_view peer_ip, bool tls,
                      std::string_view trusted_proxy);

}  // namespace bulwark::http
