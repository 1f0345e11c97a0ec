#pragma once
// Who may do what with "you said, we did": deny-by-default pure predicates over the
// spaces module's view of the person and, for partners, the organisation they answer for.
#include <cstdint>

#include "modules/spaces/module.hpp"

namespace hs::actions::permissions {

struct Actor {
  spaces::Subject subject;
  std::int64_t organisation_id = 0;  // the organisation a partner answers for; 0 for others
};

// The space's actions page, its figures and exports: the space's members in any role and
// its partners; everyone who can see the space when its stewards made the page public.
bool view_actions(const spaces::Subject& s, bool page_public);
// Raise an action for an organisation: facilitators and stewards, for any organisation the
// space lists; a partner, only for their own organisation (it commits them, not others).
bool raise_action(const Actor& a, std::int64_t organisation_id);
// Raise an action from a theme of an event report: the space's facilitators, who draw the
// themes from what people said at its events (and have the report's "Raise an action").
bool raise_from_theme(const Actor& a);
// See which theme of an event report an action comes from (its title, and the link to the
// report): whoever may read the space's event reports (members, facilitators, stewards,
// auditors; not partners, who are not among the people at its events, nor the public).
bool read_theme(const spaces::Subject& s);
// Whether the person may raise an action for some organisation (the form is theirs).
bool raise_any(const Actor& a);
// Move an action's status: the owning organisation's partners and the space's facilitators.
bool move_action(const Actor& a, std::int64_t owner_organisation_id);
// Make the page public or members only: stewards.
bool manage_settings(const spaces::Subject& s);

}  // namespace hs::actions::permissions
