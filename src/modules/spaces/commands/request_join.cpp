#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/commands/notify.hpp"
#include "modules/spaces/commands/support.hpp"
#include "modules/spaces/repo.hpp"
#include "modules/spaces/rules/join_request.hpp"
#include "services/services.hpp"
#include "store/db.hpp"

namespace hs::spaces::commands {

Result<void> request_join(Services& app, const Actor& who, const repo::SpaceRow& space, const std::string& message,
                          bool accepted_code) {
  if (auto ok = validate_request(message, accepted_code); !ok) return fail(ok.error());
  const auto now = app.clock->now();
  std::vector<std::int64_t> to_tell;
  Result<void> saved;
  try {
    saved = app.store->write([&](store::Conn& c) -> Result<void> {
      std::optional<LastRequest> last;
      if (auto l = repo::latest_request(c, space.id, who.user_id))
        last = LastRequest{parse_request_status(l->status).value_or(RequestStatus::pending), l->decided_at};
      if (auto ok = check_may_request(role_in(c, space.id, who.user_id), last, now); !ok) return fail(ok.error());
      repo::insert_request(c, space.id, who.user_id,
                           message.empty() ? std::nullopt : std::optional<std::string>(message), now);
      to_tell = repo::deciders(c, space.id);
      return {};
    });
  } catch (const store::StoreError& e) {
    if (e.unique()) return fail(ErrorCode::conflict, "spaces_request_already_pending");  // sent twice at once
    throw;
  }
  if (!saved) return saved;

  View v;
  v.set("requester", who.display_name);
  v.set("space", space.name);
  if (!message.empty()) v.set("message", message);
  v.set("link", space_link(who.site_url, space.slug, "/requests"));
  for (auto id : to_tell)
    accounts::email_person(app, id, "spaces_email_request_subject", {{"space", space.name}}, "spaces_join_request", v);
  return {};
}

}  // namespace hs::spaces::commands
