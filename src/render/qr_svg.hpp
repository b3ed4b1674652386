#pragma once
// A QR code drawn as SVG on the server (issue 14 item 6: the printable label
// of an asset's request link). Drawn here, not in the browser, so the web
// app needs no QR library (the supply chain is a threat in the policy) and
// the label is the same wherever it is printed.
#include <optional>
#include <string>
#include <string_view>

namespace bulwark::render {

// The SVG document of `text` at error correction level M, with the quiet
// zone of four modules the standard asks for: one <path> of the dark
// modules on a white <rect>, in module units (viewBox), so it scales
// without blurring. nullopt when the text does not fit a QR code.
std::optional<std::string> qr_svg(std::string_view text);

}  // namespace bulwark::render
