#pragma once
// Who may do what with breakout rounds: deny-by-default pure predicates, one per action.
// Standing is the events module's: how a person stands at the event.
#include "modules/events/module.hpp"

namespace hs::breakouts::permissions {

using Standing = events::Standing;

bool run_rounds(Standing s);  // add rounds, assign, move people, start, broadcast, end, themes, report
bool take_part(Standing s);   // see their group, write notes, ask for help, pick a group
// A group's notes: its own members while the round is on, and those who run the event.
bool read_group_notes(Standing s, bool in_group);
bool write_for_group(Standing s, bool host);  // a note "for the group"

}  // namespace hs::breakouts::permissions
