// The multipart/form-data parser (http/multipart.cpp): what a browser sends,
// and the edge cases where a lenient parser would guess (MUST-007 uploads).
#include "http/multipart.hpp"

#include <gtest/gtest.h>

namespace bulwark::http {
namespace {

const std::string kType = "multipart/form-data; boundary=XyZ";

std::string body_of(std::string_view parts) { return std::string(parts); }

TEST(Multipart, ParsesWhatABrowserSends) {
  const std::string body =
      "--XyZ\r\n"
      "Content-Disposition: form-data; name=\"file\"; filename=\"tank.jpg\"\r\n"
      "Content-Type: image/jpeg\r\n\r\n"
      "\xff\xd8\r\n--not-the-boundary\r\n"
      "\r\n--XyZ\r\n"
      "Content-Disposition: form-data; name=\"caption\"\r\n\r\n"
      "Lid cracked\r\n--XyZ--\r\n";
  const auto form = parse_form_data(kType, body);
  ASSERT_TRUE(form.error.empty()) << form.error;
  ASSERT_EQ(form.parts.size(), 2u);
  const FormPart* file = form.find("file");
  ASSERT_NE(file, nullptr);
  EXPECT_EQ(file->filename.value_or(""), "tank.jpg");
  EXPECT_EQ(file->content_type, "image/jpeg");
  EXPECT_EQ(file->body, "\xff\xd8\r\n--not-the-boundary\r\n");
  EXPECT_EQ(form.find("caption")->body, "Lid cracked");
  EXPECT_FALSE(form.find("caption")->filename);
}

TEST(Multipart, BoundaryInQuotesWithSpaceAndSpecials) {
  auto b = form_data_boundary("multipart/form-data; boundary=\"a b:c'(d)\"");
  ASSERT_TRUE(b);
  EXPECT_EQ(*b, "a b:c'(d)");
  const std::string body =
      "--a b:c'(d)\r\nContent-Disposition: form-data; name=\"x\"\r\n\r\n1\r\n--a b:c'(d)--";
  const auto form = parse_form_data("Multipart/Form-Data; boundary=\"a b:c'(d)\"", body);
  ASSERT_TRUE(form.error.empty()) << form.error;
  EXPECT_EQ(form.find("x")->body, "1");
}

TEST(Multipart, RefusesBadBoundaries) {
  EXPECT_FALSE(form_data_boundary("multipart/form-data"));
  EXPECT_FALSE(form_data_boundary("multipart/form-data; boundary="));
  EXPECT_FALSE(form_data_boundary("multipart/form-data; boundary=\"unterminated"));
  EXPECT_FALSE(form_data_boundary("multipart/form-data; boundary=" + std::string(71, 'a')));
  EXPECT_FALSE(form_data_boundary("multipart/mixed; boundary=abc"));
  EXPECT_FALSE(form_data_boundary("application/json"));
  EXPECT_FALSE(form_data_boundary("multipart/form-data; boundary=\"ends with space \""));
  EXPECT_EQ(parse_form_data("application/json", "{}").error, "multipart_not_form_data");
}

TEST(Multipart, MissingFinalBoundaryIsRefused) {
  const std::string open = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\ndata";
  EXPECT_EQ(parse_form_data(kType, open).error, "multipart_malformed");
  // The delimiter without its closing "--" is not the end either.
  EXPECT_EQ(parse_form_data(kType, open + "\r\n--XyZ").error, "multipart_malformed");
  EXPECT_EQ(parse_form_data(kType, open + "\r\n--XyZ\r\n").error, "multipart_malformed");
  EXPECT_TRUE(parse_form_data(kType, open + "\r\n--XyZ--").error.empty());
  EXPECT_EQ(parse_form_data(kType, "").error, "multipart_malformed");
}

TEST(Multipart, FoldedHeadersAreRefused) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data;\r\n name=\"f\"\r\n\r\nx\r\n--XyZ--";
  EXPECT_EQ(parse_form_data(kType, body).error, "multipart_malformed");
}

TEST(Multipart, HugeHeaderIsRefused) {
  const std::string body = "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\nX-Pad: " +
                           std::string(kMaxPartHeaderBytes, 'a') + "\r\n\r\nx\r\n--XyZ--";
  EXPECT_EQ(parse_form_data(kType, body).error, "multipart_header_too_large");
  const std::string endless = "--XyZ\r\nX-Pad: " + std::string(kMaxPartHeaderBytes + 10, 'a');
  EXPECT_EQ(parse_form_data(kType, endless).error, "multipart_header_too_large");
}

TEST(Multipart, CrlfVariants) {
  // Bare LF line ends: refused (a lenient parser and a strict one would
  // disagree about where the part starts).
  EXPECT_FALSE(
      parse_form_data(kType, "--XyZ\nContent-Disposition: form-data; name=\"f\"\n\nx\n--XyZ--")
          .error.empty());
  // A bare CR inside a header line.
  EXPECT_EQ(parse_form_data(kType,
                            "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\rX: y\r\n\r\n"
                            "x\r\n--XyZ--")
                .error,
            "multipart_malformed");
  // Transport padding after the delimiter is allowed; a preamble too.
  const auto padded = parse_form_data(
      kType,
      "preamble\r\n--XyZ  \r\nContent-Disposition: form-data; name=\"f\"\r\n\r\nx\r\n--XyZ--");
  ASSERT_TRUE(padded.error.empty()) << padded.error;
  EXPECT_EQ(padded.find("f")->body, "x");
  // An empty part body.
  const auto empty = parse_form_data(
      kType, "--XyZ\r\nContent-Disposition: form-data; name=\"f\"\r\n\r\n\r\n--XyZ--");
  ASSERT_TRUE(empty.error.empty());
  EXPECT_EQ(empty.find("f")->body, "");
}

TEST(Multipart, DuplicateFieldIsRefused) {
  const std::string body =
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\na\r\n"
      "--XyZ\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nb\r\n--XyZ--";
  EXPECT_EQ(parse_form_data(kType, body).error, "multipart_duplicate_field");
  // The same parameter twice in one disposition is ambiguous: no name.
  EXPECT_EQ(
      parse_form_data(kType,
                      "--XyZ\r\nContent-Disposition: form-data; name=\"a\"; name=\"b\"\r\n\r\n"
                      "x\r\n--XyZ--")
          .error,
      "multipart_malformed");
}

TEST(Multipart, PartsNeedAFormDataName) {
  EXPECT_EQ(parse_form_data(kType, "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n--XyZ--").error,
            "multipart_malformed");
  EXPECT_EQ(parse_form_data(kType,
                            "--XyZ\r\nContent-Disposition: attachment; name=\"f\"\r\n\r\n"
                            "x\r\n--XyZ--")
                .error,
            "multipart_malformed");
  EXPECT_EQ(parse_form_data(kType, "--XyZ\r\n\r\nx\r\n--XyZ--").error, "multipart_malformed");
}

TEST(Multipart, TooManyParts) {
  std::string body;
  for (std::size_t i = 0; i <= kMaxFormParts; ++i)
    body +=
        "--XyZ\r\nContent-Disposition: form-data; name=\"f" + std::to_string(i) + "\"\r\n\r\nx\r\n";
  body += "--XyZ--";
  EXPECT_EQ(parse_form_data(kType, body).error, "multipart_too_many_parts");
}

TEST(Multipart, QuotedFilenameWithEscapes) {
  const auto form =
      parse_form_data(kType, body_of("--XyZ\r\nContent-Disposition: form-data; name=\"file\"; "
                                     "filename=\"a \\\"b\\\"; c.pdf\"\r\n\r\n%PDF\r\n--XyZ--"));
  ASSERT_TRUE(form.error.empty()) << form.error;
  EXPECT_EQ(form.find("file")->filename.value_or(""), "a \"b\"; c.pdf");
}

}  // namespace
}  // namespace bulwark::http
