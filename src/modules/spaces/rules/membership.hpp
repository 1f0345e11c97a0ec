#pragma once
// Rules that keep every space looked after: it always has at least one steward.
#include <cstdint>

#include "core/error.hpp"
#include "modules/spaces/rules/model.hpp"

namespace hs::spaces {

// stewards: how many stewards the space has now (including this person if they are one).
Result<void> check_may_leave(Role role, std::int64_t stewards);
// Refuses to make a member a partner or a partner a member: partners are given their role
// with an organisation (the stories module's partners page).
Result<void> check_role_change(Role current, Role next, std::int64_t stewards);
// Giving a person the partner role: they join as one, or already are; a member in
// another role is refused (one role per person and space).
Result<void> check_may_become_partner(Role current);

}  // namespace hs::spaces
