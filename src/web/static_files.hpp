#pragma once
// The site's own static files: CSS, fonts, scripts and images. The set is fixed when the
// server starts (the files under the static folder with a known type); a request is
// looked up by its exact path in that set and anything else is a 404, so no spelling of
// a path (absolute, doubled slashes, percent-encoded, backslashed, dot segments, links)
// can reach a file outside it. Bodies are cached within a fixed budget and re-read when
// a file changes on disk.
#include <cstddef>
#include <cstdint>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "web/http.hpp"

namespace hs::web {

class StaticFiles {
 public:
  struct Limits {
    std::size_t cache_bytes = 32 * 1024 * 1024;  // all cached bodies together
    std::size_t file_bytes = 4 * 1024 * 1024;    // larger files are read each time, never kept
  };
  // Indexes the files below root; a missing root is an empty set.
  explicit StaticFiles(std::string root) : StaticFiles(std::move(root), Limits{}) {}
  StaticFiles(std::string root, Limits limits);

  // The file at this exact relative path ("build/app.css"), or nullopt.
  std::optional<Response> get(std::string_view relative) const;
  // How many files are served, and the bytes their cached bodies hold now.
  std::size_t size() const { return files_.size(); }
  std::size_t cached_bytes() const;

 private:
  struct File {
    std::string full;
    std::string content_type;
    // What the cache holds, with the file's state when it was read.
    std::shared_ptr<const std::string> body;
    std::int64_t mtime = 0;
    std::uintmax_t bytes = 0;
  };
  std::string root_;
  Limits limits_;
  mutable std::mutex mu_;
  mutable std::map<std::string, File, std::less<>> files_;
  mutable std::size_t cached_ = 0;
};

}  // namespace hs::web
