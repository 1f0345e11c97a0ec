#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/notify.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/repo.hpp"
#include "modules/spaces/rules/membership.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

Result<void> leave_space(Services& app, std::int64_t space_id, std::int64_t user_id) {
  auto saved = app.store->write([&](store::Conn& c) -> Result<void> {
    repo::lock_space(c, space_id);
    auto ok = check_may_leave(role_in(c, space_id, user_id), repo::count_stewards(c, space_id));
    if (!ok) return fail(ok.error());
    repo::remove_member(c, space_id, user_id);
    return log_membership(app, c, space_id, "membership.left", user_id);
  });
  if (saved) publish_directory_changed(app, space_id);
  return saved;
}

}  // namespace hs::spaces::commands
