#pragma once
// Photos, PDFs and signatures on work orders and assets (MUST-007): upload
// (multipart/form-data, field `file`, optional `caption`), list, download,
// remove. Every check a file passes is in domain/attachments/inspect.cpp.
#include "api/endpoint.hpp"
#include "domain/attachments/model.hpp"

namespace bulwark::api {

using domain::attachments::AttachmentView;

Result<Created<AttachmentView>> upload_work_order_attachment(Ctx& ctx, PathId id);
Result<Created<AttachmentView>> upload_asset_attachment(Ctx& ctx, PathId id);
Result<Items<AttachmentView>> list_work_order_attachments(Ctx& ctx, PathId id);
Result<Items<AttachmentView>> list_asset_attachments(Ctx& ctx, PathId id);
Result<http::Response> attachment_content(Ctx& ctx, PathId id);
Result<http::Response> attachment_thumbnail(Ctx& ctx, PathId id);
Result<NoContent> delete_attachment(Ctx& ctx, PathId id);

}  // namespace bulwark::api
