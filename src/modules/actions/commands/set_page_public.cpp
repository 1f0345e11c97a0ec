// Stewards make the space's "You said, we did" page public, or members only again; the
// change is in the decision log.
#include "modules/actions/commands/commands.hpp"
#include "modules/actions/commands/support.hpp"
#include "modules/audit/module.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions::commands {

Result<void> set_page_public(Services& app, std::int64_t space_id, std::int64_t user_id, bool on) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto who = actor_in(c, space_id, user_id);
    if (!permissions::manage_settings(who.subject)) return fail(ErrorCode::forbidden, "actions_not_steward");
    if (repo::page_public(c, space_id) == on) return {};
    repo::set_page_public(c, space_id, on, now);
    if (auto ok = audit::append(app, c, space_id, "actions.page_public",
                                {{"public", on}, {"by", audit::person_commitment(app, space_id, user_id)}});
        !ok)
      return fail(ok.error());
    return {};
  });
}

}  // namespace hs::actions::commands
