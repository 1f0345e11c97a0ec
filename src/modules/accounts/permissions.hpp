#pragma once
// Deny by default: each predicate says yes only in the one case it names.
#include <cstdint>

namespace hs::accounts::permissions {

// Profile, sessions, my data and erasure: one's own, when signed in (user_id 0: no one is).
bool can_manage_own_account(std::int64_t signed_in_user_id);

}  // namespace hs::accounts::permissions
