#include "services/services.hpp"

namespace hs::services {

std::string Services::link(std::string_view path) const {
  if (!base_url.empty()) return base_url + std::string(path);
  if (!listen_url.empty()) return listen_url + std::string(path);
  return "http://localhost" + std::string(path);
}

}  // namespace hs::services
