#pragma once
// Who may do what with a space's terms of reference: deny-by-default pure predicates
// over the spaces module's view of the person.
#include "modules/spaces/module.hpp"

namespace hs::terms::permissions {

// Read the current terms, every version and the differences between versions: members
// of the space in any role. Everyone else gets "not found".
bool view_terms(const spaces::Subject& s);
// Propose an amendment (or a space's first terms): anyone who can vote on it.
bool propose_amendment(const spaces::Subject& s);

}  // namespace hs::terms::permissions
