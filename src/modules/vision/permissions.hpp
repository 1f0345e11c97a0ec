#pragma once
// Who may do what with a space's Three Horizons boards: deny-by-default pure predicates
// over the spaces module's view of the person.
#include "modules/spaces/module.hpp"

namespace hs::vision::permissions {

// See the space's boards, their pictures and lists: its members, facilitators, stewards
// and auditors (who check how its work was done). Not partners, not the public.
bool view_boards(const spaces::Subject& s);
// Take part: add notes and place dots. Members, facilitators and stewards.
bool take_part(const spaces::Subject& s);
// Run a board: start one, move its stage, merge, move, sort and hide notes. Facilitators
// and stewards.
bool facilitate(const spaces::Subject& s);

}  // namespace hs::vision::permissions
