#include "modules/decisions/permissions.hpp"

#include "modules/decisions/module.hpp"

namespace hs::decisions::permissions {

namespace {

// Partners answer for an organisation: they are not members, so they neither see nor vote.
bool member(const spaces::Subject& s) { return s.signed_in && spaces::is_member(s.role); }

}  // namespace

bool votes(spaces::Role role) {
  switch (role) {
    case spaces::Role::member:
    case spaces::Role::facilitator:
    case spaces::Role::steward:
    case spaces::Role::treasurer: return true;
    case spaces::Role::auditor:
    case spaces::Role::partner:
    case spaces::Role::none: return false;
  }
  return false;
}

bool view_decisions(const spaces::Subject& s) { return member(s); }

bool open_proposal(const spaces::Subject& s) { return s.signed_in && votes(s.role); }

bool vote(const spaces::Subject& s) { return s.signed_in && votes(s.role); }

bool close_proposal(const spaces::Subject& s, bool is_proposer) {
  return member(s) && (s.role == spaces::Role::facilitator || (is_proposer && votes(s.role)));
}

bool view_results(const spaces::Subject& s, const Settings& settings, bool has_voted, bool closed) {
  return member(s) && can_see_results(settings, has_voted, closed);
}

bool export_results(const spaces::Subject& s, const Settings& settings, bool has_voted, bool closed) {
  return view_results(s, settings, has_voted, closed);
}

bool view_names(const spaces::Subject& s, const Settings& settings) { return member(s) && !settings.anonymous; }

}  // namespace hs::decisions::permissions

namespace hs::decisions {

bool may_vote(spaces::Role role) { return permissions::votes(role); }

}  // namespace hs::decisions
