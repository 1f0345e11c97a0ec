#include "modules/library/permissions.hpp"

namespace hs::library::permissions {

namespace {

bool member(const spaces::Subject& s) { return s.signed_in && spaces::is_member(s.role); }
bool facilitator(const spaces::Subject& s) { return s.signed_in && s.role == spaces::Role::facilitator; }

}  // namespace

bool view_library(const spaces::Subject& s) { return member(s); }
bool add_resource(const spaces::Subject& s) { return member(s); }
bool remove_resource(const spaces::Subject& s, bool added_it) { return member(s) && (added_it || facilitator(s)); }
bool needs_reason(const spaces::Subject& s, bool added_it) { return !added_it && facilitator(s); }

}  // namespace hs::library::permissions
