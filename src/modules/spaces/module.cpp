#include "modules/spaces/module.hpp"

#include <memory>

#include "modules/spaces/commands/commands.hpp"
#include "modules/spaces/handlers/handlers.hpp"
#include "services/lookup_cache.hpp"
#include "web/app.hpp"

namespace hs::spaces {

void register_module(web::App& app) {
  namespace h = handlers;
  // Limits allow for the longest text each form takes, percent-encoded (up to 12 bytes a
  // character): a 1,000-character message; a 20,000-character code of conduct.
  constexpr web::RouteOptions kSmallForm{.body_limit = 32 * 1024};
  constexpr web::RouteOptions kSpaceForm{.body_limit = 512 * 1024};

  app.router.get("/spaces", h::spaces_index);
  // Before /spaces/{slug}: "new" is not a space.
  app.router.get("/spaces/new", h::space_new_form);
  app.router.post("/spaces/new", h::space_create, kSpaceForm);
  app.router.get("/spaces/{slug}", h::space_show);
  app.router.get("/spaces/{slug}/edit", h::space_edit_form);
  app.router.post("/spaces/{slug}/edit", h::space_update, kSpaceForm);
  app.router.post("/spaces/{slug}/join", h::space_join, kSmallForm);
  app.router.post("/spaces/{slug}/leave", h::space_leave, kSmallForm);
  app.router.get("/spaces/{slug}/requests", h::requests_index);
  app.router.post("/spaces/{slug}/requests/{id}/approve", h::request_approve, kSmallForm);
  app.router.post("/spaces/{slug}/requests/{id}/decline", h::request_decline, kSmallForm);
  app.router.get("/spaces/{slug}/invitations", h::invitations_index);
  app.router.post("/spaces/{slug}/invitations", h::invitation_create, kSmallForm);
  app.router.get("/invite/{token}", h::invite_show);
  app.router.post("/invite/{token}", h::invite_accept, kSmallForm);
  app.router.get("/spaces/{slug}/event-support", h::event_support_form);
  app.router.post("/spaces/{slug}/event-support", h::event_support_update, kSmallForm);
  app.router.get("/spaces/{slug}/members", h::members_index);
  app.router.post("/spaces/{slug}/members/{user_id}/role", h::member_role, kSmallForm);
  app.router.ws("/spaces/{slug}/live", h::space_live);

  // Asked on every signed-in request (it sets the session's idle timeout), so answers
  // are kept for 30 seconds, or until a state-changing request in this process (a role
  // change here shows at once: services/lookup_cache.hpp); permissions themselves always
  // read the roles afresh.
  auto cache = std::make_shared<services::LookupCache<std::int64_t, bool>>(30, 100000);
  app.holds_elevated_role = [&app, cache](std::int64_t user_id) {
    auto now = app.clock->now();
    if (auto hit = cache->find(user_id, now)) return *hit;
    const auto epoch = services::write_epoch();
    bool elevated = commands::holds_elevated_role(app, user_id);
    cache->put(user_id, elevated, now, epoch);
    return elevated;
  };
  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("spaces", commands::export_person(c, user_id));
  });
}

std::optional<std::string> event_support_default(Services& app, std::int64_t space_id) {
  return commands::event_support_default(app, space_id);
}

Result<std::int64_t> set_role(Services& app, std::int64_t user_id, const std::string& space_slug,
                              const std::string& role) {
  return commands::set_role(app, user_id, space_slug, role);
}

}  // namespace hs::spaces
