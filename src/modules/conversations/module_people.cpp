// People who can connect, searching conversations, and the site header's count of unread
// notifications: registered by conversations::register_module before its own routes.
#include "modules/conversations/commands/people.hpp"
#include "modules/conversations/commands/search.hpp"
#include "modules/conversations/handlers/people.hpp"
#include "modules/conversations/module.hpp"
#include "modules/conversations/repo_people.hpp"
#include "store/db.hpp"
#include "web/header_count.hpp"

namespace hs::conversations {

void register_people_and_search(web::App& app) {
  namespace h = handlers;
  constexpr web::RouteOptions kMessageForm{.body_limit = 64 * 1024};
  auto& r = app.router;
  r.get("/spaces/{slug}/conversations/search", h::search_page);
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
  // Conversations written before search existed (migration 0044) are indexed now: SQL cannot stem.
  commands::index_unindexed(app);

  // Before the module's own eraser (registered after this), which removes the person's
  // posts: their search rows go first.
  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) {
    commands::erase_search_of(c, user_id);
    commands::erase_people(c, user_id);
  });
  app.exporters.push_back([&app](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("conversations_people", commands::export_people(app, c, user_id));
  });
}

Result<void> join_directory(Services& app, std::int64_t space_id, std::int64_t user_id, const DirectoryInput& in) {
  return commands::opt_in(app, space_id, user_id, {in.name, in.pronouns, in.ask_me_about, in.areas});
}

Result<std::int64_t> get_in_touch(Services& app, std::int64_t space_id, std::int64_t from_id, std::int64_t to_id,
                                  const std::string& body) {
  return commands::get_in_touch(app, space_id, from_id, to_id, body);
}

Result<void> answer_message(Services& app, std::int64_t space_id, std::int64_t message_id, std::int64_t user_id,
                            const std::string& body) {
  return commands::answer(app, space_id, message_id, user_id, body);
}

}  // namespace hs::conversations
