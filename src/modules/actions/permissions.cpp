#include "modules/actions/permissions.hpp"

namespace hs::actions::permissions {

namespace {

using spaces::Role;

bool has(const spaces::Subject& s, Role r) { return s.signed_in && s.role == r; }
bool own_partner(const Actor& a, std::int64_t organisation_id) {
  return has(a.subject, Role::partner) && a.organisation_id > 0 && a.organisation_id == organisation_id;
}

}  // namespace

bool view_actions(const spaces::Subject& s, bool page_public) {
  if (s.signed_in && s.role != Role::none) return true;
  return page_public && spaces::view_space(s);
}

bool raise_action(const Actor& a, std::int64_t organisation_id) {
  if (organisation_id <= 0) return false;
  if (has(a.subject, Role::facilitator) || has(a.subject, Role::steward)) return true;
  return own_partner(a, organisation_id);
}

bool read_theme(const spaces::Subject& s) {
  return has(s, Role::member) || has(s, Role::facilitator) || has(s, Role::steward) || has(s, Role::auditor);
}

bool raise_from_theme(const Actor& a) { return has(a.subject, Role::facilitator); }

bool raise_any(const Actor& a) {
  return has(a.subject, Role::facilitator) || has(a.subject, Role::steward) || raise_action(a, a.organisation_id);
}

bool move_action(const Actor& a, std::int64_t owner_organisation_id) {
  if (has(a.subject, Role::facilitator)) return true;
  return own_partner(a, owner_organisation_id);
}

bool manage_settings(const spaces::Subject& s) { return has(s, Role::steward); }

}  // namespace hs::actions::permissions
