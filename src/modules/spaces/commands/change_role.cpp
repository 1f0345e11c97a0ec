#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/notify.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/repo.hpp"
#include "modules/spaces/rules/membership.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

Result<void> change_role(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& role_text) {
  auto next = parse_role(role_text);
  if (!next) return fail(ErrorCode::invalid, "spaces_role_invalid");
  auto saved = app.store->write([&](store::Conn& c) -> Result<void> {
    repo::lock_space(c, space_id);
    auto current = role_in(c, space_id, user_id);
    if (current == Role::none) return fail(ErrorCode::not_found, "spaces_member_not_found");
    if (auto ok = check_role_change(current, *next, repo::count_stewards(c, space_id)); !ok) return fail(ok.error());
    repo::set_role(c, space_id, user_id, std::string(to_string(*next)));
    return log_membership(app, c, space_id, "membership.role_changed", user_id, to_string(*next));
  });
  if (saved) publish_directory_changed(app, space_id);
  return saved;
}

Result<std::int64_t> set_role(Services& app, std::int64_t user_id, const std::string& slug,
                              const std::string& role_text) {
  auto next = parse_role(role_text);
  if (!next) return fail(ErrorCode::invalid, "spaces_role_invalid");
  const auto now = app.clock->now();
  auto saved = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto space_id = repo::space_id_by_slug(c, slug);
    if (!space_id) return fail(ErrorCode::not_found, "spaces_not_found");
    repo::lock_space(c, *space_id);
    auto current = role_in(c, *space_id, user_id);
    const std::string role(to_string(*next));
    if (current == Role::none) {
      // Not yet accepted the code of conduct: the space page will show it to them.
      repo::add_member(c, *space_id, user_id, role, std::nullopt, now);
      if (auto logged = log_membership(app, c, *space_id, "membership.joined", user_id, role); !logged)
        return fail(logged.error());
    } else {
      if (auto ok = check_role_change(current, *next, repo::count_stewards(c, *space_id)); !ok) return fail(ok.error());
      repo::set_role(c, *space_id, user_id, role);
      if (auto logged = log_membership(app, c, *space_id, "membership.role_changed", user_id, role); !logged)
        return fail(logged.error());
    }
    return *space_id;
  });
  if (saved) publish_directory_changed(app, *saved);
  return saved;
}

Result<void> make_partner(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  repo::lock_space(c, space_id);
  auto current = role_in(c, space_id, user_id);
  if (auto ok = check_may_become_partner(current); !ok) return fail(ok.error());
  if (current == Role::partner) return {};
  repo::add_member(c, space_id, user_id, std::string(to_string(Role::partner)), std::nullopt, app.clock->now());
  return log_membership(app, c, space_id, "membership.joined", user_id, to_string(Role::partner));
}

Result<void> end_partner(Services& app, store::Conn& c, std::int64_t space_id, std::int64_t user_id) {
  repo::lock_space(c, space_id);
  if (role_in(c, space_id, user_id) != Role::partner) return fail(ErrorCode::not_found, "spaces_member_not_found");
  repo::remove_member(c, space_id, user_id);
  return log_membership(app, c, space_id, "membership.left", user_id);
}

bool holds_elevated_role(Services& app, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::holds_elevated_role(c, user_id); });
}

}  // namespace hs::spaces::commands
