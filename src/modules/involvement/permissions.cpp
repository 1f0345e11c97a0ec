#include "modules/involvement/permissions.hpp"

namespace hs::involvement::permissions {

using spaces::Role;

namespace {
bool has(const spaces::Subject& s, Role r) { return s.signed_in && s.role == r; }
}  // namespace

bool view(const spaces::Subject& s) { return s.signed_in && spaces::is_member(s.role); }

bool take_part(const spaces::Subject& s) { return view(s); }

bool manage_rates(const spaces::Subject& s) { return has(s, Role::steward) || has(s, Role::treasurer); }

bool run_opportunities(const spaces::Subject& s) { return has(s, Role::facilitator) || has(s, Role::steward); }

bool treasure(const spaces::Subject& s) { return has(s, Role::treasurer); }

}  // namespace hs::involvement::permissions
