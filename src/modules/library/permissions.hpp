#pragma once
// Who may do what with a space's library: deny-by-default pure predicates over the spaces
// module's view of the person. The library is the members' own: partners, people signed in
// without a role and the signed-out see none of it, whatever the space's visibility.
#include "modules/spaces/module.hpp"

namespace hs::library::permissions {

// See the library, download its files, and add to it.
bool view_library(const spaces::Subject& s);
bool add_resource(const spaces::Subject& s);
// Take a resource out: the person who added it, or a facilitator (who gives a reason).
bool remove_resource(const spaces::Subject& s, bool added_it);
// A facilitator removing someone else's resource gives a reason, kept and logged.
bool needs_reason(const spaces::Subject& s, bool added_it);

}  // namespace hs::library::permissions
