#pragma once
// Rules that keep every space looked after: it always has at least one steward.
#include <cstdint>

#include "core/error.hpp"
#include "modules/spaces/rules/model.hpp"

namespace hs::spaces {

// stewards: how many stewards the space has now (including this person if they are one).
Result<void> check_may_leave(Role role, std::int64_t stewards);
Result<void> check_role_change(Role current, Role next, std::int64_t stewards);

}  // namespace hs::spaces
