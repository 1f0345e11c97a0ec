#include "modules/actions/module.hpp"

#include "modules/actions/commands/commands.hpp"
#include "modules/actions/handlers/handlers.hpp"
#include "web/app.hpp"

namespace hs::actions {

void register_module(web::App& app) {
  namespace h = handlers;
  auto& r = app.router;
  r.get("/spaces/{slug}/actions", h::board_page);
  r.get("/spaces/{slug}/actions/new", h::raise_form);
  r.post("/spaces/{slug}/actions/new", h::raise_submit);
  r.post("/spaces/{slug}/actions/settings", h::settings_submit);
  r.get("/spaces/{slug}/actions/export.csv", h::export_csv);
  r.get("/spaces/{slug}/actions/export.json", h::export_json);
  r.get("/spaces/{slug}/actions/feed.atom", h::feed_atom);
  r.get("/spaces/{slug}/actions/{id}", h::action_page);
  r.post("/spaces/{slug}/actions/{id}/status", h::move_submit);

  // Under each of a storyteller's own stories: where the actions raised from it stand.
  stories::add_story_notes(app, commands::story_notes);

  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("actions", commands::export_person(c, user_id));
  });
}

Result<std::int64_t> raise_action(Services& app, std::int64_t space_id, std::int64_t user_id, std::int64_t story_id,
                                  std::int64_t organisation_id, const std::string& title, const std::string& details,
                                  const std::string& due_on) {
  RaiseInput in{title, details, due_on, organisation_id, story_id};
  return commands::raise(app, space_id, user_id, in);
}

Result<std::int64_t> raise_action_from_theme(Services& app, std::int64_t space_id, std::int64_t user_id,
                                             std::int64_t theme_id, std::int64_t organisation_id,
                                             const std::string& title, const std::string& details,
                                             const std::string& due_on) {
  RaiseInput in{title, details, due_on, organisation_id, 0, 0, theme_id};
  return commands::raise(app, space_id, user_id, in);
}

Result<void> move_action(Services& app, std::int64_t action_id, std::int64_t user_id, const std::string& to,
                         const std::string& text, const std::string& link) {
  MoveInput in;
  in.to = to;
  if (to == "made") in.account = text;
  else if (to == "not_changing") in.reason = text;
  else in.note = text;
  in.link = link;
  return commands::move(app, action_id, user_id, in);
}

Result<void> set_page_public(Services& app, std::int64_t space_id, std::int64_t steward_id, bool on) {
  return commands::set_page_public(app, space_id, steward_id, on);
}

int sweep(Services& app) { return commands::sweep(app); }

}  // namespace hs::actions
