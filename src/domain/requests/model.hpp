#pragma once
// Work requests (issue 14 item 6): what the public form takes and shows,
// what the office's inbox lists, and the request links of assets and sites.
// The public side shows the asset's (or site's) name and nothing else of the
// organization.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "resource/fields.hpp"

namespace bulwark::domain::requests {

using resource::Name;
using resource::OneOf;
using resource::Text;
using resource::Time;
using resource::Version;

// GET /api/v1/public/requests/{token}: what the form shows.
struct RequestForm {
  std::string subject;  // "asset" | "site"
  std::string name;     // the asset's or the site's name, nothing more
};
BULWARK_RESOURCE(RequestForm, subject, name)

// POST /api/v1/public/requests (no sign-in; Origin checked).
struct NewRequest {
  Text<100> token;
  Name<200> name;
  std::optional<resource::Phone> phone;  // to hear back (E.164); texts respect STOP
  Name<4000> description;                // what is wrong
};
BULWARK_RESOURCE(NewRequest, token, name, phone, description)

// The answer to the form: nothing of what was stored.
struct RequestReceived {
  std::string status = "received";
};
BULWARK_RESOURCE(RequestReceived, status)

// A request link as the office sees it: the URL (printed as a QR label).
struct RequestLinkView {
  std::int64_t id = 0;
  std::string subject;  // asset | site
  std::int64_t subject_id = 0;
  std::string name;  // the asset's or the site's: what the label says
  std::string url;   // BULWARK_PUBLIC_URL + /r/{token}
  std::string qr_path;
  Time created_at;
};
BULWARK_RESOURCE(RequestLinkView, id, subject, subject_id, name, url, qr_path, created_at)

// A photo sent with a request (re-encoded, no file name kept): what the
// office's inbox shows until the request is decided. On approval the photos
// become the work order's attachments; on decline they are deleted.
struct RequestPhotoView {
  std::int64_t id = 0;
  std::string mime;
  std::int64_t size_bytes = 0;
  std::string url;
  std::optional<std::string> thumbnail_url;
};
BULWARK_RESOURCE(RequestPhotoView, id, mime, size_bytes, url, thumbnail_url)

// The inbox (owner, admin, dispatcher).
struct WorkRequestView {
  std::int64_t id = 0;
  std::string status;  // new | approved | declined
  std::string requester_name;
  std::optional<std::string> requester_phone;
  std::string description;
  std::optional<std::int64_t> asset_id, site_id;
  std::optional<std::string> asset_name, site_name;
  std::optional<std::string> decline_reason;
  std::optional<std::int64_t> work_order_id;
  std::optional<std::string> work_order_number;
  Time created_at;
  std::optional<Time> decided_at;
  std::int64_t version = 1;
  std::vector<RequestPhotoView> photos;  // until decided; then on the work order
};
BULWARK_RESOURCE(WorkRequestView, id, status, requester_name, requester_phone, description,
                 asset_id, site_id, asset_name, site_name, decline_reason, work_order_id,
                 work_order_number, created_at, decided_at, version, photos)

// A requester's own request, as they follow it (GET /api/v1/my/requests):
// what they filed and where it stands, and nothing of the office's side
// beyond the work order's number and status once approved.
struct MyRequestView {
  std::int64_t id = 0;
  std::string status;  // new | approved | declined
  std::string description;
  std::optional<std::string> asset_name, site_name;
  std::optional<std::string> decline_reason;
  std::optional<std::string> work_order_number, work_order_status;
  Time created_at;
  std::optional<Time> decided_at;
};
BULWARK_RESOURCE(MyRequestView, id, status, description, asset_name, site_name, decline_reason,
                 work_order_number, work_order_status, created_at, decided_at)

// What a requester may report on: the assets and sites that have a live
// request link (the office chose them by printing a label), by name only.
struct RequestPlace {
  std::string subject;  // asset | site
  std::int64_t id = 0;
  std::string name;
};
BULWARK_RESOURCE(RequestPlace, subject, id, name)

inline constexpr std::array<std::string_view, 2> kSubjects{"asset", "site"};

// POST /api/v1/my/requests: a requester files from inside the app; their
// name comes from their account, the place from RequestPlace.
struct MyNewRequest {
  OneOf<kSubjects> subject;
  resource::Int<1, 9'007'199'254'740'991> id;  // the asset's or the site's
  std::optional<resource::Phone> phone;
  Name<4000> description;
};
BULWARK_RESOURCE(MyNewRequest, subject, id, phone, description)

inline constexpr std::array<std::string_view, 3> kStatuses{"new", "approved", "declined"};

struct RequestApprove {  // POST /api/v1/requests/{id}/approve
  Version version;
};
BULWARK_RESOURCE(RequestApprove, version)

struct RequestDecline {  // POST /api/v1/requests/{id}/decline
  Version version;
  Name<500> reason;
};
BULWARK_RESOURCE(RequestDecline, version, reason)

struct RequestDeclined {
  WorkRequestView request;
  // queued | suppressed (the number texted STOP); null: no phone to text.
  std::optional<std::string> text;
  // queued: emailed to the requester's account (filed in the app, no phone);
  // null: not emailed.
  std::optional<std::string> email;
};
BULWARK_RESOURCE(RequestDeclined, request, text, email)

}  // namespace bulwark::domain::requests
