// GET /events/{id}/items/{item}/map: an opinion map that is an item of an event's agenda.
// The same page as a space's map (render_map_page), drawn for the event: the people at the
// event, with or without an account, write short statements and answer them one at a time
// from their phones while the item is open; those who run the event show or hide
// statements and see the results (/results: the map of people, each group's distinctive
// statements and the common ground). The pages follow the event's live channel (the map's
// version in the snapshot); without JavaScript they say they do not change by themselves.
// The forms POST here and come back with a notice, or show the page again with the error.
#include "core/number.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/handlers/handlers.hpp"
#include "modules/vision/opinion_picture.hpp"

namespace hs::vision::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

struct EventMap {
  std::optional<events::commands::Access> access;
  std::optional<commands::MapLoaded> map;
  bool item_open = false;
  Response refusal;
};

std::string event_path(std::int64_t id) { return "/events/" + std::to_string(id); }
std::string map_path(const EventMap& m) {
  return event_path(m.access->event.id) + "/items/" + std::to_string(*m.map->row.item_id) + "/map";
}
std::int64_t viewer(const EventMap& m) { return m.access->participant_id.value_or(0); }
bool runs(const EventMap& m) { return events::run_event(m.access->standing); }

EventMap load_event_map(Context& c) {
  EventMap m;
  auto id = number::id(c.param("id"));
  auto item = number::id(c.param("item"));
  std::optional<std::int64_t> uid;
  if (c.viewer) uid = c.viewer->user_id;
  if (id) m.access = events::commands::access(c.app, *id, uid, c.cookie("participant"));
  if (!m.access || !item) {
    m.refusal = c.error_page(Error::of(ErrorCode::not_found, "vision_map_not_found"));
    return m;
  }
  if (!events::view_event(m.access->standing)) {
    // Someone who has not joined: the event's page asks for the code or to sign in.
    m.refusal = c.redirect(event_path(*id));
    return m;
  }
  for (const auto& it : events::commands::agenda(c.app, *id))
    if (it.id == *item) m.item_open = it.state == "open";
  auto row = commands::map_for_item(c.app, m.access->event, *item);
  if (row) m.map = commands::load_map(c.app, row->space_id, row->id, viewer(m), true);
  if (!m.map) m.refusal = c.error_page(Error::of(ErrorCode::not_found, "vision_map_not_found"));
  return m;
}

// The live channel's attributes: the page redraws when the map's version moves on.
// The results page follows every answer (the map's version); the map's own page only its
// statements and whether it is open (vision::register_module's part of the live channel).
void set_live(Context& c, View& v, const EventMap& m, const std::string& page, bool results) {
  View live;
  live.set("path", event_path(m.access->event.id));
  live.set("page", page);
  live.set("item", std::to_string(*m.map->row.item_id) + (results ? "" : "s"));
  live.set("sig", results ? std::to_string(m.map->row.version)
                          : commands::map_page_signature(c.app, m.map->row, m.item_open));
  v.set("live", std::move(live));
}

Response render(Context& c, const EventMap& m, const commands::MapLoaded& l, const std::string& typed,
                const Error* error = nullptr, int status = 200) {
  const auto& a = *m.access;
  MapFrame f{c.view("vision_event_map_title"), map_path(m), event_path(a.event.id),
             events::take_part(a.standing) && !a.stepped_out && m.item_open, runs(m)};
  f.v.set("page_title",
          c.app.words->format("vision_event_map_title", {{"question", l.row.question}, {"event", a.event.title}}));
  f.v.set("event_page", a.event.title);
  if (!m.item_open) f.v.set("item_closed", true);
  if (runs(m)) f.v.set("results_href", f.base + "/results");
  set_live(c, f.v, m, f.base, false);
  return render_map_page(c, f, l, typed, error, status);
}

Response after(Context& c, const EventMap& m, const Result<void>& r, const std::string& typed,
               const std::string& notice) {
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return c.error_page(r.error());
    if (r.error().code == ErrorCode::not_found && r.error().message_key == "vision_map_not_found")
      return c.error_page(r.error());
    auto fresh = commands::load_map(c.app, m.map->row.space_id, m.map->row.id, viewer(m), true);
    return render(c, m, fresh ? *fresh : *m.map, typed, &r.error(), web::http_status(r.error().code));
  }
  return c.redirect(map_path(m) + "?notice=" + notice);
}

commands::Actor actor(const EventMap& m) { return commands::Actor(*m.access, m.item_open); }

}  // namespace

Response event_map_page(Context& c) {
  auto m = load_event_map(c);
  if (!m.map) return std::move(m.refusal);
  return render(c, m, *m.map, "");
}

Response event_map_answer(Context& c) {
  auto m = load_event_map(c);
  if (!m.map) return std::move(m.refusal);
  const auto choice = c.field("vote");
  const int vote = choice == "agree" ? 1 : choice == "disagree" ? -1 : choice == "pass" ? 0 : 9;
  const auto statement = number::id(c.field("statement")).value_or(0);
  auto r = commands::answer(c.app, m.map->row.space_id, m.map->row.id, actor(m), statement, vote);
  return after(c, m, r, "", "answered");
}

Response event_map_statement(Context& c) {
  auto m = load_event_map(c);
  if (!m.map) return std::move(m.refusal);
  const auto text = c.field("text");
  auto r = commands::add_statement(c.app, m.map->row.space_id, m.map->row.id, actor(m), text);
  if (!r) return after(c, m, tl::unexpected(r.error()), text, "");
  return after(c, m, {}, "", *r ? "added" : "held");
}

Response event_map_moderate(Context& c) {
  auto m = load_event_map(c);
  if (!m.map) return std::move(m.refusal);
  const bool show = c.field("do") == "show";
  const auto statement = number::id(c.param("statement")).value_or(0);
  auto r = commands::moderate_statement(c.app, m.map->row.space_id, m.map->row.id, actor(m), statement, show);
  return after(c, m, r, "", show ? "shown" : "rejected");
}

Response event_map_results(Context& c) {
  auto m = load_event_map(c);
  if (!m.map) return std::move(m.refusal);
  if (!runs(m)) return c.error_page(Error::of(ErrorCode::forbidden, "vision_not_facilitator"));
  const auto& a = *m.access;
  auto res = commands::results(c.app, m.map->row);
  View v = c.view("vision_event_results_title");
  v.set("page_title", c.app.words->format("vision_event_results_title",
                                          {{"question", m.map->row.question}, {"event", a.event.title}}));
  const auto base = map_path(m);
  v.set("event_page", a.event.title);
  v.set("event_href", event_path(a.event.id));
  v.set("question", m.map->row.question);
  v.set("map_href", base);
  v.set("svg_href", base + "/map.svg");
  v.set("csv_href", base + "/results.csv");
  v.set("json_href", base + "/results.json");
  set_live(c, v, m, base + "/results", true);
  results_into(c, v, *res);
  return c.page("vision/results", v);
}

Response event_map_svg(Context& c) {
  auto m = load_event_map(c);
  if (!m.map) return std::move(m.refusal);
  if (!runs(m)) return c.error_page(Error::of(ErrorCode::forbidden, "vision_not_facilitator"));
  auto res = commands::results(c.app, m.map->row);
  return download(opinion_svg(res->map, res->statements, opinion_words(c, m.map->row.question)),
                  "image/svg+xml; charset=utf-8", "opinion-map-" + std::to_string(m.map->row.id) + ".svg", false);
}

// The results as CSV and JSON, for those who run the event (as the results page).
Response event_map_csv(Context& c) {
  auto m = load_event_map(c);
  if (!m.map) return std::move(m.refusal);
  if (!runs(m)) return c.error_page(Error::of(ErrorCode::forbidden, "vision_not_facilitator"));
  auto res = commands::results(c.app, m.map->row);
  return download(results_csv(*res), "text/csv; charset=utf-8",
                  "event-" + std::to_string(m.access->event.id) + "-opinion-map-" + std::to_string(m.map->row.id) + ".csv",
                  true);
}

Response event_map_json(Context& c) {
  auto m = load_event_map(c);
  if (!m.map) return std::move(m.refusal);
  if (!runs(m)) return c.error_page(Error::of(ErrorCode::forbidden, "vision_not_facilitator"));
  auto res = commands::results(c.app, m.map->row);
  return download(results_json(m.map->row.question, *res), "application/json; charset=utf-8",
                  "event-" + std::to_string(m.access->event.id) + "-opinion-map-" + std::to_string(m.map->row.id) +
                      ".json",
                  true);
}

}  // namespace hs::vision::handlers
