// People who can connect, searching conversations, and the site header's count of unread
// notifications: registered by conversations::register_module before its own routes.
#include "modules/conversations/commands/people.hpp"
#include "modules/conversations/handlers/people.hpp"
#include "modules/conversations/repo_people.hpp"
#include "store/db.hpp"
#include "web/header_count.hpp"

namespace hs::conversations {

void register_people_and_search(web::App& app) {
  namespace h = handlers;
  constexpr web::RouteOptions kMessageForm{.body_limit = 64 * 1024};
  auto& r = app.router;
  r.get("/spaces/{slug}/conversations/people", h::people_index);
  r.get("/spaces/{slug}/conversations/people/me", h::people_me_form);
  r.post("/spaces/{slug}/conversations/people/me", h::people_me_submit, kMessageForm);
  r.post("/spaces/{slug}/conversations/people/me/remove", h::people_me_remove);
  r.get("/spaces/{slug}/conversations/people/messages", h::people_messages);
  r.get("/spaces/{slug}/conversations/people/messages/{id}", h::people_message);
  r.post("/spaces/{slug}/conversations/people/messages/{id}/answer", h::people_answer_submit, kMessageForm);
  r.get("/spaces/{slug}/conversations/people/{uid}/contact", h::people_contact_form);
  r.post("/spaces/{slug}/conversations/people/{uid}/contact", h::people_contact_submit, kMessageForm);

  app.kept<web::HeaderCount>().unread = [](web::App& a, std::int64_t user_id) {
    return a.store->with([&](store::Conn& c) { return repo::unread_capped(c, user_id, web::kHeaderCountMax); });
  };
  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_people(c, user_id); });
  app.exporters.push_back([&app](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("conversations_people", commands::export_people(app, c, user_id));
  });
}

}  // namespace hs::conversations
