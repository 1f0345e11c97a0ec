#include "modules/accounts/permissions.hpp"

namespace hs::accounts::permissions {

bool can_manage_own_account(std::int64_t signed_in_user_id) { return signed_in_user_id > 0; }

}  // namespace hs::accounts::permissions
