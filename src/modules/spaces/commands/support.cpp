#include "modules/spaces/commands/support.hpp"

#include "modules/spaces/repo.hpp"
#include "services/services.hpp"

namespace hs::spaces::commands {

Error slug_taken_error() {
  Validation v;
  v.add("slug", "spaces_slug_taken");
  return v.error();
}

Role role_in(store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  return parse_role(repo::role_of(c, space_id, user_id)).value_or(Role::none);
}

crypto::Key invitation_email_key(const crypto::Key& master) { return crypto::derive(master, 201, "spinvite"); }

std::string space_link(const std::string& site_url, const std::string& slug, const std::string& rest) {
  return site_url + "/spaces/" + slug + rest;
}

Result<void> log_membership(Services& app, store::Conn& c, std::int64_t space_id, std::string_view kind,
                            std::int64_t user_id, std::string_view role) {
  if (!app.audit) return fail(ErrorCode::unavailable, "common_unavailable");  // the audit module is not wired
  services::AuditFields f{{"person", app.audit->person_commitment(app, space_id, user_id)}};
  if (!role.empty()) f.emplace_back("role", std::string(role));
  auto r = app.audit->append(app, c, space_id, kind, f);
  if (!r) return fail(r.error());
  return {};
}

}  // namespace hs::spaces::commands
