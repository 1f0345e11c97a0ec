#pragma once
// Names the context a module's commands take (services/services.hpp), for headers that
// only pass it on.
namespace hs::services {
class Services;
}  // namespace hs::services
namespace hs {
using services::Services;
}  // namespace hs
