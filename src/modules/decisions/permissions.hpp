#pragma once
// Who may do what with a space's decisions: deny-by-default pure predicates, one per
// action, over the spaces module's view of the person (their role in the space).
//
// One member, one vote: members, facilitators and stewards each have exactly one vote.
// Auditors watch how decisions are made and do not vote, so that they can check them
// independently; they read everything members read.
#include "modules/decisions/rules/settings.hpp"
#include "modules/spaces/module.hpp"

namespace hs::decisions::permissions {

// Whether a role counts in the electorate (and for the quorum).
bool votes(spaces::Role role);

// Read the list of decisions and each decision's page: members in any role. Everyone
// else gets "not found".
bool view_decisions(const spaces::Subject& s);
bool open_proposal(const spaces::Subject& s);
// Whether this person may answer (the proposal being open is the rules' business).
bool vote(const spaces::Subject& s);
// Declare the outcome: a facilitator of the space, or the person who proposed it.
bool close_proposal(const spaces::Subject& s, bool is_proposer);
// See the running or final results (settings.hpp decides when they are visible).
bool view_results(const spaces::Subject& s, const Settings& settings, bool has_voted, bool closed);
// Download the results as CSV: whoever may see them.
bool export_results(const spaces::Subject& s, const Settings& settings, bool has_voted, bool closed);
// See who gave which answer (names beside objections and blocks): named polls only.
bool view_names(const spaces::Subject& s, const Settings& settings);

}  // namespace hs::decisions::permissions
