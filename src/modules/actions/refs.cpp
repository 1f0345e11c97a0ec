// What other modules may learn of the space's actions: a title to link to, for those who
// may see the space's actions page.
#include "modules/actions/commands/support.hpp"
#include "modules/actions/module.hpp"
#include "modules/actions/permissions.hpp"
#include "modules/actions/repo.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::actions {

std::vector<ActionRef> visible_actions(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<ActionRef> out;
    auto who = commands::actor_in(c, space_id, user_id);
    if (!permissions::view_actions(who.subject, repo::page_public(c, space_id))) return out;
    for (const auto& a : repo::actions_in(c, space_id)) out.push_back({a.id, a.title});
    return out;
  });
}

}  // namespace hs::actions
