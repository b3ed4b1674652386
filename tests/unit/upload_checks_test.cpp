// The checks every upload passes (MUST-007), below HTTP: clamd's answers,
// an unreachable scanner, the type from the content, the display name.
#include <gtest/gtest.h>

#include <cstdlib>
#include <string>

#include "domain/attachments/inspect.hpp"
#include "files/clamd_client.hpp"
#include "files/file_type.hpp"

namespace bulwark::files {
namespace {

ClamdTarget target(std::string socket, std::string address) {
  ClamdTarget t;
  t.socket_path = std::move(socket);
  t.address = std::move(address);
  t.timeout = std::chrono::milliseconds(5000);
  return t;
}

TEST(Clamd, must_007_only_stream_ok_is_clean) {
  EXPECT_EQ(interpret_clamd_answer(std::string("stream: OK\0", 11)).verdict, Verdict::clean);
  EXPECT_EQ(interpret_clamd_answer("stream: OK\n").verdict, Verdict::clean);
  auto found = interpret_clamd_answer(std::string("stream: Eicar-Test-Signature FOUND\0", 35));
  EXPECT_EQ(found.verdict, Verdict::infected);
  EXPECT_EQ(found.signature, "Eicar-Test-Signature");
  // Everything else refuses the file: a size limit, an error, nothing, noise.
  for (const char* answer :
       {"INSTREAM size limit exceeded. ERROR", "stream: OK ERROR", "", "stream: ", "stream:  FOUND",
        "stream: OKAY", "OK", "stream: Can't allocate memory ERROR", "UNKNOWN COMMAND"})
    EXPECT_EQ(interpret_clamd_answer(answer).verdict, Verdict::unavailable) << answer;
}

TEST(Clamd, must_007_unreachable_or_unconfigured_scanner_is_unavailable) {
  EXPECT_EQ(scan(ClamdTarget{}, "hello").verdict, Verdict::unavailable);
  EXPECT_EQ(scan(target("/nonexistent/clamd.sock", ""), "hello").verdict, Verdict::unavailable);
  EXPECT_EQ(scan(target("", "127.0.0.1:1"), "hello").verdict, Verdict::unavailable);
  EXPECT_EQ(scan(target("", "no-port"), "hello").verdict, Verdict::unavailable);
}

// With the test command's clamd (BULWARK_CLAMD_SOCKET), the real protocol.
TEST(Clamd, must_007_real_clamd_finds_eicar) {
  const char* socket = std::getenv("BULWARK_CLAMD_SOCKET");
  if (!socket || !*socket) GTEST_SKIP() << "BULWARK_CLAMD_SOCKET is not set";
  const ClamdTarget clamd = target(socket, "");
  const std::string eicar =
      R"(X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*)";
  EXPECT_EQ(scan(clamd, eicar).verdict, Verdict::infected);
  EXPECT_EQ(scan(clamd, std::string(200'000, 'x')).verdict, Verdict::clean);
}

TEST(FileType, must_007_kind_comes_from_the_content) {
  EXPECT_EQ(detect_kind(std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16)), FileKind::png);
  EXPECT_EQ(detect_kind("%PDF-1.4\n%%EOF\n"), FileKind::pdf);
  EXPECT_EQ(detect_kind("<!DOCTYPE html><html><script>alert(1)</script></html>"), std::nullopt);
  EXPECT_EQ(detect_kind("GIF89a\x01\x00\x01\x00"), std::nullopt);
  EXPECT_EQ(detect_kind(""), std::nullopt);
  EXPECT_EQ(detect_kind("PK\x03\x04 a zip"), std::nullopt);
}

TEST(FileType, display_names_are_sanitised) {
  using domain::attachments::display_name;
  EXPECT_EQ(display_name("../../etc/passwd"), "passwd");
  EXPECT_EQ(display_name("C:\\Users\\a\\tank.jpg"), "tank.jpg");
  EXPECT_EQ(display_name("a\"b\r\nc.pdf"), "a_b__c.pdf");
  EXPECT_EQ(display_name(std::string(300, 'x')).size(), 200u);
  EXPECT_EQ(display_name(std::string(199, 'x') + "\xc3\xa9"), std::string(199, 'x'));
}

}  // namespace
}  // namespace bulwark::files
