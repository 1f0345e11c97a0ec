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

Result<void> decide_join(Services& app, const Actor& who, const repo::SpaceRow& space, std::int64_t request_id,
                         bool approve) {
  const auto now = app.clock->now();
  std::int64_t requester = 0;
  auto saved = app.store->write([&](store::Conn& c) -> Result<void> {
    repo::lock_space(c, space.id);
    auto req = repo::request_in_space(c, space.id, request_id);
    if (!req) return fail(ErrorCode::not_found, "spaces_request_not_found");
    auto next = decide_request(parse_request_status(req->status).value_or(RequestStatus::declined), approve);
    if (!next) return fail(next.error());
    if (!repo::set_request_status(c, req->id, std::string(to_string(*next)), who.user_id, now))
      return fail(ErrorCode::conflict, "spaces_request_already_decided");
    // They accepted the code of conduct when they asked.
    if (approve) {
      repo::add_member(c, space.id, req->user_id, std::string(to_string(Role::member)), req->created_at, now);
      if (auto logged = log_membership(app, c, space.id, "membership.joined", req->user_id, "member"); !logged)
        return fail(logged.error());
    }
    requester = req->user_id;
    return {};
  });
  if (!saved) return saved;

  if (approve) publish_directory_changed(app, space.id);
  View v;
  v.set("space", space.name);
  v.set("link", space_link(who.site_url, space.slug));
  v.set("days", std::to_string(kAskAgainAfter / (24 * 60 * 60)));
  accounts::email_person(app, requester, approve ? "spaces_email_approved_subject" : "spaces_email_declined_subject",
                         {{"space", space.name}}, approve ? "spaces_join_approved" : "spaces_join_declined", v);
  return {};
}

}  // namespace hs::spaces::commands
