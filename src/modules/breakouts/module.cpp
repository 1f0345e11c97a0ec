#include "modules/breakouts/module.hpp"

#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/handlers/handlers.hpp"
#include "modules/breakouts/live.hpp"
#include "modules/breakouts/permissions.hpp"
#include "modules/events/live.hpp"
#include "modules/events/module.hpp"
#include "web/app.hpp"
#include "web/render.hpp"

namespace hs::breakouts {

void register_module(web::App& app) {
  namespace h = handlers;
  events::live::add_part("breakouts", live::part);
  commands::watch_presence(app);
  events::live::add_page_link([](web::App& a, std::int64_t event_id) -> std::optional<events::live::PageLink> {
    auto round = commands::running_round(a, event_id);
    if (!round) return std::nullopt;
    return events::live::PageLink{a.renderer->format("breakouts_on_now", {{"number", std::to_string(round->number)}}),
                                  "/events/" + std::to_string(event_id) + "/breakouts"};
  });
  // Linked from the run page, the event page and the presenter, for those who run rounds.
  events::live::add_tool_link(
      [](web::App& a, std::int64_t event_id, events::Standing s) -> std::optional<events::live::PageLink> {
        if (!permissions::run_rounds(s)) return std::nullopt;
        return events::live::PageLink{a.renderer->format("events_live_link_breakouts", {}),
                                      "/events/" + std::to_string(event_id) + "/breakouts"};
      });
  events::live::add_tool_link(
      [](web::App& a, std::int64_t event_id, events::Standing s) -> std::optional<events::live::PageLink> {
        if (!permissions::run_rounds(s)) return std::nullopt;
        return events::live::PageLink{a.renderer->format("events_live_link_themes", {}),
                                      "/events/" + std::to_string(event_id) + "/themes"};
      });
  const web::RouteOptions small{.body_limit = 16 * 1024};
  const web::RouteOptions csv{.body_limit = 512 * 1024};  // a pre-assignment for a large event
  app.router.get("/events/{id}/breakouts", h::rounds_index);
  app.router.post("/events/{id}/breakouts", h::round_add, small);
  app.router.get("/events/{id}/breakouts/{round}", h::round_show);
  app.router.post("/events/{id}/breakouts/{round}/assign", h::round_assign, small);
  app.router.post("/events/{id}/breakouts/{round}/csv", h::round_csv, csv);
  app.router.post("/events/{id}/breakouts/{round}/move", h::round_move, small);
  app.router.post("/events/{id}/breakouts/{round}/do/{action}", h::round_action, small);
  app.router.post("/events/{id}/breakouts/{round}/broadcast", h::round_broadcast, small);
  app.router.post("/events/{id}/breakouts/{round}/help/{help}/resolve", h::help_resolve, small);
  app.router.post("/events/{id}/breakouts/{round}/choose", h::group_choose, small);
  app.router.post("/events/{id}/breakouts/{round}/notes", h::note_add, small);
  app.router.post("/events/{id}/breakouts/{round}/help", h::help_ask, small);
  app.router.get("/events/{id}/themes", h::themes_show);
  app.router.post("/events/{id}/themes", h::theme_add, small);
  app.router.post("/events/{id}/themes/accept", h::themes_accept, small);
  app.router.post("/events/{id}/themes/{theme}/do/{action}", h::theme_action, small);
  app.router.post("/events/{id}/themes/{theme}/rename", h::theme_rename, small);
  app.router.post("/events/{id}/notes/{note}/theme", h::note_place, small);
  // Places and named notes are a member's data: in "download my data", and erased with
  // the account (through the events module, which holds the participant records).
  events::add_participant_eraser(commands::erase_participants);
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("breakouts", commands::export_person(c, user_id));
  });
}

}  // namespace hs::breakouts
