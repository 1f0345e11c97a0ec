#include "modules/audit/permissions.hpp"

namespace hs::audit::permissions {

bool view_log(const spaces::Subject& s) { return s.signed_in && s.role != spaces::Role::none; }

bool sign_head(const spaces::Subject& s) {
  return s.signed_in && (s.role == spaces::Role::auditor || s.role == spaces::Role::steward);
}

}  // namespace hs::audit::permissions
