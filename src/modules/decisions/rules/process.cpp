#include "modules/decisions/rules/process.hpp"

#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {

Result<void> check_may_respond(Phase phase, const Settings& settings, std::int64_t at) {
  if (phase == Phase::closed) return refuse(ErrorCode::conflict, keys::kClosed);
  return check_open(settings, at);
}

Result<void> check_may_close(Phase phase, const Settings& settings, std::int64_t at) {
  if (phase == Phase::closed) return refuse(ErrorCode::conflict, keys::kClosed);
  if (is_open(settings, at)) return refuse(ErrorCode::conflict, keys::kCloseTooEarly);
  return {};
}

}  // namespace hs::decisions
