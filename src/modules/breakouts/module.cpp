#include "modules/breakouts/module.hpp"

#include "core/number.hpp"
#include "modules/breakouts/commands/commands.hpp"
#include "modules/breakouts/handlers/handlers.hpp"
#include "modules/breakouts/live.hpp"
#include "modules/breakouts/permissions.hpp"
#include "modules/breakouts/repo.hpp"
#include "modules/events/module.hpp"
#include "services/presence.hpp"
#include "web/app.hpp"
#include "web/render.hpp"

namespace hs::breakouts {

namespace {

// The person behind a request at an event: their participant record's key, or "".
std::string who_at(web::Context& ctx, std::int64_t event_id) {
  std::optional<std::int64_t> uid;
  if (ctx.viewer) uid = ctx.viewer->user_id;
  auto a = events::commands::access(ctx.app, event_id, uid, ctx.cookie("participant"));
  if (!a || !a->participant_id || a->stepped_out) return {};
  return commands::presence_key(*a->participant_id);
}

// Sets the server's hooks (web::App::presence_key, page_seen) that tell Presence who is
// at an event: their participant record, from the session or the participant cookie.
void watch_presence(web::App& app) {
  app.presence_key = [](web::Context& ctx, const std::string& topic) -> std::string {
    constexpr std::string_view kPrefix = "event:";
    if (!topic.starts_with(kPrefix)) return {};
    auto id = number::whole(std::string_view(topic).substr(kPrefix.size()));
    return id ? who_at(ctx, *id) : std::string();
  };
  // Without JavaScript a page load is the sign of life: the event's page, and the
  // breakout pages (a member who picks a group takes part from then on).
  app.page_seen = [](web::Context& ctx, std::string_view pattern) {
    if (!ctx.app.presence) return;
    if (pattern != "/events/{id}" && !pattern.starts_with("/events/{id}/breakouts")) return;
    auto id = number::whole(ctx.param("id"));
    if (!id) return;
    auto who = who_at(ctx, *id);
    if (!who.empty()) ctx.app.presence->seen(events::live::topic(*id), who, ctx.app.clock->now());
  };
}

}  // namespace

void register_module(web::App& app) {
  namespace h = handlers;
  events::live::add_part(app, "breakouts", live::part);
  watch_presence(app);
  events::live::add_page_link(app, [](Services& a, std::int64_t event_id) -> std::optional<events::live::PageLink> {
    auto round = commands::running_round(a, event_id);
    if (!round) return std::nullopt;
    return events::live::PageLink{a.words->format("breakouts_on_now", {{"number", std::to_string(round->number)}}),
                                  "/events/" + std::to_string(event_id) + "/breakouts"};
  });
  // Linked from the run page, the event page and the presenter, for those who run rounds.
  events::live::add_tool_link(
      app, [](Services& a, std::int64_t event_id, events::Standing s) -> std::optional<events::live::PageLink> {
        if (!permissions::run_rounds(s)) return std::nullopt;
        const auto base = "/events/" + std::to_string(event_id) + "/breakouts";
        // A running round is named, with the time it has left, and linked straight.
        if (auto r = commands::running_round(a, event_id)) {
          std::string text = a.words->format(
              r->ends_at ? "breakouts_running_link" : "breakouts_running_link_open",
              {{"number", std::to_string(r->number)},
               {"minutes", std::to_string(r->ends_at ? std::max<std::int64_t>(0, (*r->ends_at - a.clock->now() + 59) / 60)
                                                     : 0)}});
          return events::live::PageLink{std::move(text), base + "/" + std::to_string(r->id), true};
        }
        return events::live::PageLink{a.words->format("events_live_link_breakouts", {}), base};
      });
  events::live::add_tool_link(
      app, [](Services& a, std::int64_t event_id, events::Standing s) -> std::optional<events::live::PageLink> {
        if (!permissions::run_rounds(s)) return std::nullopt;
        return events::live::PageLink{a.words->format("events_live_link_themes", {}),
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
  app.router.post("/events/{id}/breakouts/{round}/floor/{action}", h::group_floor_post, small);
  app.router.get("/events/{id}/themes", h::themes_show);
  app.router.post("/events/{id}/themes", h::theme_add, small);
  app.router.post("/events/{id}/themes/accept", h::themes_accept, small);
  app.router.post("/events/{id}/themes/{theme}/do/{action}", h::theme_action, small);
  app.router.post("/events/{id}/themes/{theme}/rename", h::theme_rename, small);
  app.router.post("/events/{id}/notes/{note}/theme", h::note_place, small);
  // Places and named notes are a member's data: in "download my data", and erased with
  // the account (through the events module, which holds the participant records).
  events::add_participant_eraser(app, commands::erase_participants);
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("breakouts", commands::export_person(c, user_id));
  });
}

std::vector<ThemeRef> theme_refs(store::Conn& c, const std::vector<std::int64_t>& theme_ids) {
  std::vector<ThemeRef> out;
  for (auto& t : repo::themes_by_id(c, theme_ids))
    out.push_back({t.theme.id, t.theme.event_id, t.space_id, std::move(t.theme.title), std::move(t.event_title)});
  return out;
}

}  // namespace hs::breakouts
