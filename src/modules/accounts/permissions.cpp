#include "modules/accounts/permissions.hpp"

namespace hs::accounts::permissions {

bool can_manage_own_account(const std::optional<web::Viewer>& viewer) {
  return viewer.has_value() && viewer->user_id > 0;
}

}  // namespace hs::accounts::permissions
