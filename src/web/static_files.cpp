#include "web/static_files.hpp"

#include <filesystem>
#include <fstream>
#include <map>
#include <mutex>

namespace hs::web {

namespace {

std::string content_type(const std::string& path) {
  static const std::map<std::string, std::string> types = {
      {".css", "text/css; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
      {".mjs", "text/javascript; charset=utf-8"}, {".woff2", "font/woff2"}, {".woff", "font/woff"},
      {".svg", "image/svg+xml"}, {".png", "image/png"}, {".ico", "image/x-icon"},
      {".txt", "text/plain; charset=utf-8"}, {".json", "application/json"}, {".html", "text/html; charset=utf-8"}};
  auto ext = std::filesystem::path(path).extension().string();
  auto it = types.find(ext);
  return it == types.end() ? "application/octet-stream" : it->second;
}

}  // namespace

std::optional<Response> static_file(const std::string& root, const std::string& relative) {
  static std::mutex mu;
  static std::map<std::string, std::shared_ptr<const std::string>> cache;
  auto full = (std::filesystem::path(root) / relative).lexically_normal().string();
  std::shared_ptr<const std::string> body;
  {
    std::lock_guard g(mu);
    if (auto it = cache.find(full); it != cache.end()) body = it->second;
  }
  if (!body) {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(full, ec)) return std::nullopt;
    std::ifstream in(full, std::ios::binary);
    auto data = std::make_shared<std::string>((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    std::lock_guard g(mu);
    body = cache.emplace(full, std::move(data)).first->second;
  }
  Response r;
  r.set("Content-Type", content_type(full));
  r.set("Cache-Control", "public, max-age=3600");
  r.body = *body;
  return r;
}

}  // namespace hs::web
