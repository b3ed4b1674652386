// RFC 9112 §6 framing: the checks that keep a request's body from being read
// as a second request (issue 10, item 12).
#include <gtest/gtest.h>

#include "http/framing.hpp"

using namespace bulwark;
using namespace bulwark::http;

namespace {

std::optional<ApiError> te(std::vector<std::string_view> values, unsigned version = 11) {
  return framing_error(
      {.transfer_encoding = std::move(values), .content_length = {}, .version = version});
}
std::optional<ApiError> cl(std::vector<std::string_view> values) {
  return framing_error(
      {.transfer_encoding = {}, .content_length = std::move(values), .version = 11});
}

void expect_refused(const std::optional<ApiError>& e, int status, std::string_view reason,
                    const char* what) {
  ASSERT_TRUE(e.has_value()) << what;
  EXPECT_EQ(http_status(e->code), status) << what;
  EXPECT_EQ(e->reason, reason) << what;
}

}  // namespace

TEST(HttpFraming, chunked_alone_and_plain_content_length_are_accepted) {
  EXPECT_FALSE(te({"chunked"}));
  EXPECT_FALSE(te({"Chunked"}));
  EXPECT_FALSE(te({" chunked "}));
  EXPECT_FALSE(cl({"5"}));
  EXPECT_FALSE(cl({"0"}));
  EXPECT_FALSE(cl({"5", "5"}));  // the same value twice is unambiguous (RFC 9112 §6.3)
  EXPECT_FALSE(framing_error({}));
}

TEST(HttpFraming, transfer_encoding_not_ending_in_chunked_is_400) {
  for (auto value : {"gzip", "identity", "xchunked", "chunked, identity", "chunkedx", "deflate"})
    expect_refused(te({value}), 400, kTransferEncodingNotChunked, value);
  // The same across two fields: they form one list.
  expect_refused(te({"chunked", "gzip"}), 400, kTransferEncodingNotChunked, "two fields");
}

TEST(HttpFraming, other_codings_before_chunked_are_501_not_implemented) {
  for (auto value : {"gzip, chunked", "deflate,chunked", "xchunked, chunked"})
    expect_refused(te({value}), 501, kTransferEncodingNotSupported, value);
  expect_refused(te({"gzip", "chunked"}), 501, kTransferEncodingNotSupported, "two fields");
}

TEST(HttpFraming, chunked_twice_empty_or_with_parameters_is_400) {
  for (auto value :
       {"chunked, chunked", "", " , ", "chunked;ext=1", "gzip;q=1, chunked", "\"chunked\""})
    expect_refused(te({value}), 400, kTransferEncodingInvalid, value);
  expect_refused(te({"chunked"}, 10), 400, kTransferEncodingInvalid, "HTTP/1.0");
}

TEST(HttpFraming, transfer_encoding_with_content_length_is_400) {
  for (auto value : {"chunked", "gzip"})
    expect_refused(
        framing_error({.transfer_encoding = {value}, .content_length = {"5"}, .version = 11}), 400,
        kTransferEncodingWithContentLength, value);
}

TEST(HttpFraming, different_content_lengths_are_400) {
  expect_refused(cl({"5, 6"}), 400, kConflictingContentLength, "list in one field");
  expect_refused(cl({"5", "6"}), 400, kConflictingContentLength, "two fields");
  expect_refused(cl({"5, 5, 7"}), 400, kConflictingContentLength, "three");
}

TEST(HttpFraming, content_length_that_is_not_a_number_is_400) {
  for (auto value : {"", "abc", "-1", "+5", "5 6", "0x10", "99999999999999999999999", ","})
    expect_refused(cl({value}), 400, kInvalidContentLength, value);
}
