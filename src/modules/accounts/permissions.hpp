#pragma once
// Deny by default: each predicate says yes only in the one case it names.
#include <cstdint>
#include <optional>

#include "web/app.hpp"

namespace hs::accounts::permissions {

// Profile, sessions, my data and erasure: one's own, when signed in.
bool can_manage_own_account(const std::optional<web::Viewer>& viewer);

}  // namespace hs::accounts::permissions
