#pragma once
// Files compiled into the binary (migrations, templates, messages, resources), keyed by
// their path relative to the source tree, e.g. "migrations/0001_core.sql".
#include <string_view>
#include <vector>

namespace hs::embedded {

struct File {
  std::string_view path;
  std::string_view data;
};

const std::vector<File>& all();
// Files whose path starts with prefix, sorted by path.
std::vector<File> under(std::string_view prefix);
// Empty when absent.
std::string_view get(std::string_view path);

}  // namespace hs::embedded
