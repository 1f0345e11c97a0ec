#include "modules/equity/permissions.hpp"

namespace hs::equity::permissions {

using spaces::Role;

bool view_report(const spaces::Subject& s) {
  return s.signed_in && (s.role == Role::steward || s.role == Role::facilitator);
}

bool set_reference(const spaces::Subject& s) { return s.signed_in && s.role == Role::steward; }

}  // namespace hs::equity::permissions
