// Session devices in plain words (issue 15 item 7).
#include "identity/device_label.hpp"

#include <gtest/gtest.h>

namespace bulwark::identity {
namespace {

TEST(DeviceLabel, CommonPhonesAndDesktopsAreNamed) {
  EXPECT_EQ(device_label("Mozilla/5.0 (Linux; Android 14; Pixel 8) AppleWebKit/537.36 (KHTML, "
                         "like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36"),
            "Chrome on Android");
  EXPECT_EQ(device_label("Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) "
                         "AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 "
                         "Safari/604.1"),
            "Safari on iPhone");
  EXPECT_EQ(device_label("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, "
                         "like Gecko) Chrome/131.0.0.0 Safari/537.36 Edg/131.0.0.0"),
            "Edge on Windows");
  EXPECT_EQ(device_label("Mozilla/5.0 (Macintosh; Intel Mac OS X 14.1; rv:133.0) Gecko/20100101 "
                         "Firefox/133.0"),
            "Firefox on Mac");
  EXPECT_EQ(device_label("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
                         "HeadlessChrome/131.0.0.0 Safari/537.36"),
            "Chrome on Linux");
}

TEST(DeviceLabel, ToolsAreNamedByTheirProductAndAnythingElseByNothing) {
  EXPECT_EQ(device_label("curl/8.1.2"), "curl");
  EXPECT_EQ(device_label("python-requests/2.28.1"), "python-requests");
  EXPECT_EQ(device_label(""), "");
  EXPECT_EQ(device_label("<script>alert(1)</script>/1"), "");
  EXPECT_EQ(device_label("Mozilla/5.0 (compatible)"), "");
}

}  // namespace
}  // namespace bulwark::identity
