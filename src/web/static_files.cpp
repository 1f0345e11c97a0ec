#include "web/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <iterator>

namespace hs::web {

namespace fs = std::filesystem;

namespace {

// Only these kinds are served: nothing a browser would run as a page (.html), no build
// scripts (.mjs), no sources (.scss), no data.
const std::map<std::string, std::string, std::less<>>& served_types() {
  static const std::map<std::string, std::string, std::less<>> types = {{".css", "text/css; charset=utf-8"},
                                                                        {".js", "text/javascript; charset=utf-8"},
                                                                        {".woff2", "font/woff2"},
                                                                        {".woff", "font/woff"},
                                                                        {".svg", "image/svg+xml"},
                                                                        {".png", "image/png"},
                                                                        {".ico", "image/x-icon"}};
  return types;
}

std::int64_t mtime_of(const fs::path& p, std::error_code& ec) {
  auto t = fs::last_write_time(p, ec);
  return ec ? 0 : static_cast<std::int64_t>(t.time_since_epoch().count());
}

}  // namespace

StaticFiles::StaticFiles(std::string root, Limits limits) : root_(std::move(root)), limits_(limits) {
  std::error_code ec;
  if (!fs::is_directory(root_, ec)) return;
  // Links are not followed, into folders or to files: what is served is what lies here.
  fs::recursive_directory_iterator it(root_, fs::directory_options::none, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    const auto& entry = *it;
    auto name = entry.path().filename().string();
    if (name.starts_with(".")) {
      if (entry.is_directory(ec)) it.disable_recursion_pending();
      continue;
    }
    if (entry.is_symlink(ec) || !entry.is_regular_file(ec)) continue;
    auto type = served_types().find(entry.path().extension().string());
    if (type == served_types().end()) continue;
    auto relative = fs::relative(entry.path(), root_, ec).generic_string();
    if (ec || relative.empty()) continue;
    File f;
    f.full = entry.path().string();
    f.content_type = type->second;
    files_.emplace(std::move(relative), std::move(f));
  }
}

std::size_t StaticFiles::cached_bytes() const {
  std::lock_guard g(mu_);
  return cached_;
}

std::optional<Response> StaticFiles::get(std::string_view relative) const {
  std::shared_ptr<const std::string> body;
  std::string full, type;
  {
    std::lock_guard g(mu_);
    auto it = files_.find(relative);
    if (it == files_.end()) return std::nullopt;
    full = it->second.full;
    type = it->second.content_type;
  }
  // A file changed (or removed) since it was cached is read again (or is gone).
  std::error_code ec;
  auto bytes = fs::file_size(full, ec);
  if (ec) return std::nullopt;
  auto mtime = mtime_of(full, ec);
  if (ec) return std::nullopt;
  {
    std::lock_guard g(mu_);
    auto& f = files_.find(relative)->second;
    if (f.body && f.mtime == mtime && f.bytes == bytes) body = f.body;
  }
  if (!body) {
    std::ifstream in(full, std::ios::binary);
    if (!in) return std::nullopt;
    auto data = std::make_shared<std::string>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    body = data;
    std::lock_guard g(mu_);
    auto& f = files_.find(relative)->second;
    if (f.body) cached_ -= f.body->size();
    f.body.reset();
    if (data->size() <= limits_.file_bytes && cached_ + data->size() <= limits_.cache_bytes) {
      f.body = data;
      f.mtime = mtime;
      f.bytes = bytes;
      cached_ += data->size();
    }
  }
  Response r;
  r.set("Content-Type", type);
  r.set("Cache-Control", "public, max-age=3600");
  r.body = *body;
  return r;
}

}  // namespace hs::web
