#include "modules/conversations/module.hpp"

#include "modules/conversations/commands/commands.hpp"
#include "modules/conversations/handlers/handlers.hpp"
#include "modules/conversations/handlers/links.hpp"
#include "modules/conversations/links.hpp"
#include "modules/conversations/handlers/people.hpp"
#include "store/db.hpp"
#include "web/app.hpp"

namespace hs::conversations {

void register_module(web::App& app) {
  namespace h = handlers;
  // A 20,000-character post, percent-encoded at up to 12 bytes a character.
  constexpr web::RouteOptions kPostForm{.body_limit = 512 * 1024};
  // The token in the address is the proof (RFC 8058 one-click: a mail reader posts it
  // without a page, a cookie or a CSRF token).
  constexpr web::RouteOptions kOneClick{.body_limit = 0, .csrf = false};
  auto& r = app.router;
  register_people_and_search(app);  // first: /{id} below would take their paths
  r.get("/spaces/{slug}/conversations", h::index);
  r.get("/spaces/{slug}/conversations/new", h::new_form);
  r.post("/spaces/{slug}/conversations/new", h::create, kPostForm);
  r.get("/spaces/{slug}/conversations/notifications", h::choices_page);
  r.post("/spaces/{slug}/conversations/notifications", h::choices_submit);
  r.get("/spaces/{slug}/conversations/settings", h::settings_page);
  r.post("/spaces/{slug}/conversations/settings", h::settings_submit);
  r.get("/spaces/{slug}/conversations/moderation", h::queue_page);
  r.get("/spaces/{slug}/conversations/{id}", h::show);
  r.post("/spaces/{slug}/conversations/{id}/replies", h::reply_submit, kPostForm);
  r.post("/spaces/{slug}/conversations/{id}/level", h::level_submit);
  r.post("/spaces/{slug}/conversations/{id}/links", h::link_submit);
  r.get("/spaces/{slug}/conversations/{id}/posts/{pid}/edit", h::edit_form);
  r.post("/spaces/{slug}/conversations/{id}/posts/{pid}/edit", h::edit_submit, kPostForm);
  r.post("/spaces/{slug}/conversations/{id}/posts/{pid}/remove", h::remove_submit);
  r.post("/spaces/{slug}/conversations/{id}/posts/{pid}/react", h::react_submit);
  r.get("/spaces/{slug}/conversations/{id}/posts/{pid}/reactions", h::reactions_page);
  r.get("/spaces/{slug}/conversations/{id}/posts/{pid}/flag", h::flag_form);
  r.post("/spaces/{slug}/conversations/{id}/posts/{pid}/flag", h::flag_submit);
  r.post("/spaces/{slug}/conversations/{id}/posts/{pid}/moderate", h::moderate_submit);
  r.get("/notifications", h::notifications_page);
  r.post("/notifications/read", h::notifications_read);
  r.get("/conversations/unsubscribe", h::unsubscribe_page);
  r.post("/conversations/unsubscribe", h::unsubscribe_submit, kOneClick);

  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { links::erase_person(c, user_id); });
  app.exporters.push_back([&app](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("conversations", commands::export_person(app, c, user_id));
  });
}

Result<std::int64_t> start_conversation(Services& app, std::int64_t space_id, std::int64_t user_id,
                                        const NewConversation& n) {
  PostInput in;
  in.kind = n.kind;
  in.title = n.title;
  in.body = n.body;
  in.content_note = n.content_note;
  return commands::start(app, space_id, user_id, in);
}

Result<std::int64_t> reply(Services& app, std::int64_t conversation_id, std::int64_t user_id, const std::string& body) {
  PostInput in;
  in.body = body;
  return commands::reply(app, conversation_id, user_id, in, std::nullopt);
}

Result<void> choose_notifications(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& level,
                                  const std::string& email) {
  return commands::set_choices(app, space_id, user_id, level, email);
}

std::vector<ConversationRef> readable_conversations(Services& app, std::int64_t space_id, std::int64_t user_id) {
  std::vector<ConversationRef> out;
  for (auto& it : commands::list(app, space_id, user_id))
    if (it.opening.shown == Shown::text && it.opening.row.state == "visible" && !it.conversation.title.empty())
      out.push_back({it.conversation.id, std::move(it.conversation.title)});
  return out;
}

Result<void> link_conversation(Services& app, std::int64_t space_id, std::int64_t conversation_id,
                               std::int64_t user_id, const std::string& kind, std::int64_t item_id) {
  return links::add(app, space_id, conversation_id, user_id, kind + ":" + std::to_string(item_id));
}

int send_digests(Services& app) { return commands::send_digests(app); }

Totals totals(Services& app) {
  return app.store->with([](store::Conn& c) { return Totals{repo::count_conversations(c), repo::count_posts(c)}; });
}

}  // namespace hs::conversations
