#include "modules/terms/permissions.hpp"

#include "modules/decisions/module.hpp"

namespace hs::terms::permissions {

bool view_terms(const spaces::Subject& s) { return s.signed_in && spaces::is_member(s.role); }

bool propose_amendment(const spaces::Subject& s) { return s.signed_in && decisions::may_vote(s.role); }

}  // namespace hs::terms::permissions
