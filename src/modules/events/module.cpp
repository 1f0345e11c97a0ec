#include "modules/events/module.hpp"

#include "modules/events/commands/commands.hpp"
#include "modules/events/handlers/handlers.hpp"
#include "modules/events/handlers/word_lists.hpp"
#include "modules/events/live.hpp"

namespace hs::events {

void register_module(web::App& app) {
  namespace h = handlers;
  const web::RouteOptions small{.body_limit = 16 * 1024};
  const web::RouteOptions form{.body_limit = 64 * 1024};
  live::start(app);
  app.router.get("/spaces/{slug}/events", h::space_events);
  app.router.post("/spaces/{slug}/events", h::event_create, form);
  app.router.get("/join", h::join_form);
  app.router.post("/join", h::join_submit, small);
  app.router.get("/events/{id}", h::event_show);
  app.router.get("/events/{id}/support", h::event_support);
  app.router.post("/events/{id}/support", h::support_update, form);
  app.router.get("/events/{id}/state.json", h::event_state);
  app.router.get("/events/{id}/present", h::event_present);
  app.router.get("/events/{id}/event.ics", h::event_calendar);
  app.router.get("/events/{id}/join-qr.svg", h::join_qr);
  app.router.get("/events/{id}/run", h::event_run);
  app.router.get("/events/{id}/equality", h::event_equality);
  app.router.get("/events/{id}/edit", h::event_edit_form);
  app.router.post("/events/{id}/edit", h::event_edit, form);
  app.router.post("/events/{id}/next", h::event_next, small);
  app.router.post("/events/{id}/back", h::event_back, small);
  app.router.post("/events/{id}/registration", h::registration_add, small);
  app.router.post("/events/{id}/registration/cancel", h::registration_cancel, small);
  app.router.get("/events/{id}/items/new", h::item_new_form);
  app.router.get("/events/{id}/items/{item}/edit", h::item_edit_form);
  app.router.post("/events/{id}/items/{item}/edit", h::item_edit, form);
  app.router.post("/events/{id}/items/{item}/move/{direction}", h::item_move, small);
  app.router.post("/events/{id}/items/{item}/remove", h::item_remove, small);
  app.router.post("/events/{id}/items", h::item_add, form);
  app.router.post("/events/{id}/items/{item}/do/{action}", h::item_action, small);
  app.router.post("/events/{id}/items/{item}/questions/{q}/{action}", h::question_moderate, small);
  app.router.post("/events/{id}/items/{item}/vote", h::poll_vote, small);
  app.router.post("/events/{id}/items/{item}/questions", h::question_ask, small);
  app.router.post("/events/{id}/items/{item}/questions/{q}", h::question_upvote, small);
  app.router.post("/events/{id}/items/{item}/words", h::entry_add, small);
  app.router.post("/events/{id}/items/{item}/words/{entry}/withdraw", h::entry_withdraw, small);
  app.router.get("/events/{id}/items/{item}/cloud.svg", h::cloud_svg);
  app.router.get("/events/{id}/items/{item}/cloud.png", h::cloud_png);
  app.router.post("/events/{id}/items/{item}/cloud/{action}", h::cloud_moderate, small);
  app.router.get("/events/{id}/words", h::event_words);
  app.router.post("/events/{id}/words", h::event_word_add, small);
  app.router.post("/events/{id}/words/remove", h::event_word_remove, small);
  app.router.post("/events/{id}/step-out", h::step_out, small);
  app.router.post("/events/{id}/floor/{action}", h::floor_post, small);
  app.router.post("/events/{id}/step-in", h::step_in, small);
  app.router.ws("/events/{id}/live", h::live_channel);
  // A member's registrations and part in events (words, questions, poll answers,
  // upvotes) are their data: in "download my data"; erased or untied with the account.
  app.on_erase.push_back([&app](store::Conn& c, std::int64_t user_id) { commands::erase_person(app, c, user_id); });
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("events", commands::export_person(c, user_id));
  });
}

}  // namespace hs::events
