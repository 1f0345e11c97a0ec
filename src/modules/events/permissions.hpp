#pragma once
// Who may do what at an event: deny-by-default pure predicates, one per action.
namespace hs::events {

// How a person stands at this event: their role in its space when signed in, or a
// participant who joined with the code (no account), or nobody.
enum class Standing { nobody, participant, member, facilitator, steward, auditor };

bool view_event(Standing s);  // the participant page, the live channel, state.json
bool take_part(Standing s);   // vote, ask, upvote, add words, step out
bool run_event(Standing s);   // open, close, reveal, move on, moderate, edit support
bool create_event(Standing s);
bool present(Standing s);        // the presenter screen
bool see_step_outs(Standing s);  // who stepped out (nicknames only)
bool see_join_code(Standing s);
// Registering ahead of the day: signed-in members of the event's space (any role), not
// people who joined with the code.
bool register_for_event(Standing s);
bool see_registrations(Standing s);  // who registered: display names and how many
// Registrants' access needs: only where the profile page promises they go, to the
// facilitators (and stewards) of a space the person has joined (spaces::view_access_needs).
bool see_access_needs(Standing s);
bool edit_event(Standing s);   // title, times, description, language
bool edit_agenda(Standing s);  // edit, reorder and remove items

}  // namespace hs::events
