// libFuzzer target for static file look-ups: whatever path a client sends (after the
// router's percent-decoding), a file is served only when the path is exactly one of the
// files indexed at start-up, and its body is that file's.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <string_view>

#include "web/static_files.hpp"

namespace {

namespace fs = std::filesystem;

const std::map<std::string, std::string>& known() {
  static const std::map<std::string, std::string> files = {
      {"build/app.css", "css"}, {"build/fonts/a.woff2", "font"}, {"js/live.js", "js"}, {"favicon.svg", "svg"}};
  return files;
}

const hs::web::StaticFiles& index() {
  static const hs::web::StaticFiles* files = [] {
    auto root = fs::temp_directory_path() / ("hs-fuzz-static-" + std::to_string(::getpid()));
    fs::remove_all(root);
    for (const auto& [rel, body] : known()) {
      fs::create_directories((root / rel).parent_path());
      std::ofstream(root / rel) << body;
    }
    std::ofstream(root / "page.html") << "<script>";  // never served
    std::ofstream(root.parent_path() / "hs-fuzz-outside.css") << "secret";
    return new hs::web::StaticFiles(root.string());
  }();
  return *files;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  std::string_view path(reinterpret_cast<const char*>(data), size);
  auto r = index().get(path);
  auto it = known().find(std::string(path));
  if (r.has_value() != (it != known().end())) std::abort();
  if (r && r->body != it->second) std::abort();
  return 0;
}
