#include "http/web_files.hpp"

#include <gtest/gtest.h>

using bulwark::ErrorCode;
using bulwark::http::content_type_for;
using bulwark::http::resolve_web_path;

TEST(WebPath, DecodesOrdinaryPaths) {
  EXPECT_EQ(*resolve_web_path("/assets/app-1.js"), "assets/app-1.js");
  EXPECT_EQ(*resolve_web_path("/"), "");
  EXPECT_EQ(*resolve_web_path("//a//b/"), "a/b");
  EXPECT_EQ(*resolve_web_path("/caf%C3%A9.txt"), "caf\xC3\xA9.txt");
  // Double-encoding decodes once: a literal "%2e%2e" name, not a parent.
  EXPECT_EQ(*resolve_web_path("/%252e%252e"), "%2e%2e");
}

TEST(WebPath, RefusesEveryWayOut) {
  for (auto bad : {"/..", "/../x", "/%2e%2e/x", "/%2E%2E/x", "/a/%2e/b", "/./a", "/a%2f..%2fb",
                   "/..%5cx", "/a%5cb", "/%00", "/a%00.js", "/%zz", "/%2", "relative", ""})
    EXPECT_FALSE(resolve_web_path(bad)) << bad;
}

TEST(WebPath, ContentTypes) {
  EXPECT_EQ(content_type_for("a/index.html"), "text/html; charset=utf-8");
  EXPECT_EQ(content_type_for("x.js"), "text/javascript; charset=utf-8");
  EXPECT_EQ(content_type_for("x.css"), "text/css; charset=utf-8");
  EXPECT_EQ(content_type_for("x.svg"), "image/svg+xml");
  EXPECT_EQ(content_type_for("x.woff2"), "font/woff2");
  EXPECT_EQ(content_type_for("x.unknown"), "application/octet-stream");
}
