#include "http/web_files.hpp"

#include <boost/url/pct_string_view.hpp>
#include <fstream>
#include <sstream>

#include "http/reserved_paths.hpp"

namespace bulwark::http {

namespace fs = std::filesystem;

namespace {

constexpr std::uintmax_t kMaxFileBytes = 32u * 1024 * 1024;

// `path` must be inside `root` (both canonical): compare component-wise so
// "/srv/web-evil" is not taken for being inside "/srv/web".
bool inside(const fs::path& root, const fs::path& path) {
  auto r = root.begin(), p = path.begin();
  for (; r != root.end(); ++r, ++p)
    if (p == path.end() || *r != *p) return false;
  return true;
}

std::optional<std::string> read_file(const fs::path& file) {
  std::error_code ec;
  if (!fs::is_regular_file(file, ec)) return std::nullopt;
  const auto size = fs::file_size(file, ec);
  if (ec || size > kMaxFileBytes) return std::nullopt;
  std::ifstream in(file, std::ios::binary);
  if (!in) return std::nullopt;
  std::string data(size, '\0');
  in.read(data.data(), static_cast<std::streamsize>(size));
  if (!in) return std::nullopt;
  return data;
}

}  // namespace

Expected<fs::path, ErrorCode> resolve_web_path(std::string_view encoded) {
  if (encoded.empty() || encoded.front() != '/') return unexpected(ErrorCode::bad_request);
  fs::path out;
  std::size_t pos = 1;
  while (pos <= encoded.size()) {
    auto end = encoded.find('/', pos);
    if (end == std::string_view::npos) end = encoded.size();
    const auto raw = encoded.substr(pos, end - pos);
    pos = end + 1;
    if (raw.empty()) continue;  // "//" and a trailing "/"
    auto pct = boost::urls::make_pct_string_view(raw);
    if (!pct) return unexpected(ErrorCode::bad_request);  // malformed escape
    const std::string segment = pct->decode();
    if (segment == "." || segment == ".." ||
        segment.find_first_of(std::string_view("/\\\0", 3)) != std::string::npos)
      return unexpected(ErrorCode::bad_request);
    out /= segment;
  }
  return out;
}

std::string_view content_type_for(const fs::path& file) {
  const auto ext = file.extension().string();
  if (ext == ".html") return "text/html; charset=utf-8";
  if (ext == ".js" || ext == ".mjs") return "text/javascript; charset=utf-8";
  if (ext == ".css") return "text/css; charset=utf-8";
  if (ext == ".json" || ext == ".map") return "application/json";
  if (ext == ".webmanifest") return "application/manifest+json";
  if (ext == ".svg") return "image/svg+xml";
  if (ext == ".png") return "image/png";
  if (ext == ".jpg" || ext == ".jpeg") return "image/jpeg";
  if (ext == ".gif") return "image/gif";
  if (ext == ".webp") return "image/webp";
  if (ext == ".ico") return "image/x-icon";
  if (ext == ".woff") return "font/woff";
  if (ext == ".woff2") return "font/woff2";
  if (ext == ".txt") return "text/plain; charset=utf-8";
  return "application/octet-stream";
}

WebFiles::WebFiles(const fs::path& root) {
  std::error_code ec;
  auto canonical = fs::canonical(root, ec);
  if (!ec && fs::is_directory(canonical, ec)) root_ = canonical;
}

Response WebFiles::serve(const Request& request) const {
  if (is_reserved_path(request.path)) throw ApiError(ErrorCode::not_found, "no such resource");
  if (root_.empty())
    throw ApiError(ErrorCode::not_found, "the web app is not built on this server",
                   "web_app_missing");
  auto relative = resolve_web_path(request.path);
  if (!relative) throw ApiError(relative.error(), "this path is not allowed", "bad_path");
  // Whatever the decoded path's first component is, a reserved name is a JSON
  // 404, never the app shell.
  if (!relative->empty() && is_reserved_path("/" + relative->begin()->string()))
    throw ApiError(ErrorCode::not_found, "no such resource");

  fs::path file = root_ / *relative;
  std::error_code ec;
  if (relative->empty() || fs::is_directory(file, ec)) file = root_ / "index.html";
  auto canonical = fs::canonical(file, ec);
  if (ec) {
    // Unknown app routes (no extension) get the app shell; a missing asset is a 404.
    if (!relative->has_extension()) canonical = fs::canonical(root_ / "index.html", ec);
    if (ec) throw ApiError(ErrorCode::not_found, "no such file");
  }
  // A symlink inside the root that points outside it is refused.
  if (!inside(root_, canonical)) throw ApiError(ErrorCode::not_found, "no such file");
  auto data = read_file(canonical);
  if (!data) throw ApiError(ErrorCode::not_found, "no such file");

  Response res;
  res.headers.set("Content-Type", content_type_for(canonical));
  const auto rel = canonical.lexically_relative(root_);
  if (canonical.filename() == "index.html")
    res.headers.set("Cache-Control", "no-store");
  else if (!rel.empty() && *rel.begin() == "assets")
    res.headers.set("Cache-Control", "public, max-age=31536000, immutable");
  else
    res.headers.set("Cache-Control", "no-cache");
  res.body = std::move(*data);
  return res;
}

}  // namespace bulwark::http
