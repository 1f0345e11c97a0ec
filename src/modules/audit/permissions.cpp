#include "modules/audit/permissions.hpp"

namespace hs::audit::permissions {

bool view_log(const spaces::Subject& s) { return s.signed_in && spaces::is_member(s.role); }

bool sign_head(const spaces::Subject& s) {
  return s.signed_in && (s.role == spaces::Role::auditor || s.role == spaces::Role::steward);
}

bool run_verification(const spaces::Subject& s) {
  return s.signed_in && (s.role == spaces::Role::auditor || s.role == spaces::Role::steward);
}

bool record_finding(const spaces::Subject& s) { return s.signed_in && s.role == spaces::Role::auditor; }

bool compare_heads(const spaces::Subject& s) { return s.signed_in && s.role == spaces::Role::auditor; }

bool email_heads(const spaces::Subject& s) {
  return s.signed_in && (s.role == spaces::Role::auditor || s.role == spaces::Role::steward);
}

bool view_findings(const spaces::Subject& s) { return view_log(s); }

}  // namespace hs::audit::permissions
