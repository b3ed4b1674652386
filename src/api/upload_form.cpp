#include "api/upload_form.hpp"

#include <string>

namespace bulwark::api {

Expected<http::FormData, ApiError> read_upload_form(const http::Request& request,
                                                    std::string_view what) {
  auto form = http::parse_form_data(request.headers.get("content-type").value_or(""), request.body);
  if (form.error == "multipart_not_form_data")
    return unexpected(ApiError(ErrorCode::unsupported_media_type,
                               "send " + std::string(what) + " as multipart/form-data",
                               "multipart_required"));
  if (!form.error.empty())
    return unexpected(ApiError(ErrorCode::bad_request, "the multipart body is malformed",
                               std::string(form.error)));
  return form;
}

}  // namespace bulwark::api
