#pragma once
// The multipart/form-data body of an upload route (logo, attachment, request
// photos), parsed, or the error every upload route answers alike: 415
// multipart_required when the body is not a form, 400 with the parser's
// reason (multipart_malformed, multipart_duplicate_field, ...) when it is
// one but broken. Which fields a form may hold stays with each route.
#include <string_view>

#include "core/error.hpp"
#include "core/expected.hpp"
#include "http/message.hpp"
#include "http/multipart.hpp"

namespace bulwark::api {

// `what` names what to send, for the 415 message ("the logo"). The parts are
// views into request.body: the request must outlive the result.
Expected<http::FormData, ApiError> read_upload_form(const http::Request& request,
                                                    std::string_view what);

}  // namespace bulwark::api
