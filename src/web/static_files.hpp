#pragma once
#include <optional>
#include <string>

#include "web/http.hpp"

namespace hs::web {

// Serves a file below root (the path was already checked for dot segments). Files are
// read once and kept in memory; a missing file is nullopt.
std::optional<Response> static_file(const std::string& root, const std::string& relative);

}  // namespace hs::web
