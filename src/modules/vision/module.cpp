#include "modules/vision/module.hpp"

#include <boost/json.hpp>

#include <set>

#include "modules/events/module.hpp"

#include "modules/vision/commands/commands.hpp"
#include "modules/vision/handlers/handlers.hpp"
#include "services/services.hpp"
#include "web/app.hpp"

namespace hs::vision {

void register_module(web::App& app) {
  namespace h = handlers;
  auto& r = app.router;
  r.get("/spaces/{slug}/vision", h::boards_page);
  r.post("/spaces/{slug}/vision", h::board_create);
  r.get("/spaces/{slug}/vision/{id}", h::board_page);
  r.post("/spaces/{slug}/vision/{id}/notes", h::note_add);
  r.post("/spaces/{slug}/vision/{id}/stage", h::stage_move);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/merge", h::note_merge);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/move", h::note_move);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/hide", h::note_hide);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/show", h::note_show);
  r.post("/spaces/{slug}/vision/{id}/notes/{note}/dot", h::dot_change);
  r.get("/spaces/{slug}/vision/{id}/picture.svg", h::picture_svg);
  r.get("/spaces/{slug}/vision/{id}/picture.png", h::picture_png);
  r.get("/spaces/{slug}/vision/{id}/picture.pdf", h::picture_pdf);
  r.get("/spaces/{slug}/vision/{id}/notes.csv", h::board_csv);
  r.get("/spaces/{slug}/opinions", h::maps_page);
  r.post("/spaces/{slug}/opinions", h::map_create);
  r.get("/spaces/{slug}/opinions/{id}", h::map_page);
  r.post("/spaces/{slug}/opinions/{id}/answer", h::map_answer);
  r.post("/spaces/{slug}/opinions/{id}/statements", h::map_statement);
  r.post("/spaces/{slug}/opinions/{id}/statements/{statement}/moderate", h::map_moderate);
  r.get("/spaces/{slug}/opinions/{id}/results", h::map_results);
  r.get("/spaces/{slug}/opinions/{id}/map.svg", h::map_svg);
  r.get("/spaces/{slug}/opinions/{id}/results.csv", h::map_csv);
  r.get("/spaces/{slug}/opinions/{id}/results.json", h::map_json);

  // A board as an event's agenda item: the event's people take part, those who run it facilitate.
  r.get("/events/{id}/items/{item}/board", h::event_board_page);
  r.post("/events/{id}/items/{item}/board/notes", h::event_note_add);
  r.post("/events/{id}/items/{item}/board/stage", h::event_stage_move);
  r.post("/events/{id}/items/{item}/board/notes/{note}/merge", h::event_note_merge);
  r.post("/events/{id}/items/{item}/board/notes/{note}/move", h::event_note_move);
  r.post("/events/{id}/items/{item}/board/notes/{note}/hide", h::event_note_hide);
  r.post("/events/{id}/items/{item}/board/notes/{note}/show", h::event_note_show);
  r.post("/events/{id}/items/{item}/board/notes/{note}/dot", h::event_dot_change);
  r.get("/events/{id}/items/{item}/board/picture.svg", h::picture_svg);
  r.get("/events/{id}/items/{item}/board/picture.png", h::picture_png);
  r.get("/events/{id}/items/{item}/board/picture.pdf", h::picture_pdf);
  r.get("/events/{id}/items/{item}/board/notes.csv", h::board_csv);
  // An opinion map as an event's agenda item, the same way.
  r.get("/events/{id}/items/{item}/map", h::event_map_page);
  r.post("/events/{id}/items/{item}/map/answer", h::event_map_answer);
  r.post("/events/{id}/items/{item}/map/statements", h::event_map_statement);
  r.post("/events/{id}/items/{item}/map/statements/{statement}/moderate", h::event_map_moderate);
  r.get("/events/{id}/items/{item}/map/results", h::event_map_results);
  r.get("/events/{id}/items/{item}/map/map.svg", h::event_map_svg);
  r.get("/events/{id}/items/{item}/map/results.csv", h::event_map_csv);
  r.get("/events/{id}/items/{item}/map/results.json", h::event_map_json);
  // Every snapshot of the event's live channel says each board's version and stage, and
  // each map's version, so their pages are drawn again exactly when they change.
  events::live::add_part(app, "vision", [](Services& s, std::int64_t event_id) -> std::string {
    const auto boards = commands::event_boards(s, event_id);
    const auto maps = commands::event_maps(s, event_id);
    if (boards.empty() && maps.empty()) return {};
    boost::json::object o;
    for (const auto& b : boards)
      o[std::to_string(*b.item_id)] = std::to_string(b.version) + ":" + b.stage;
    // A map's results page follows its version (every answer); its own page only "<item>s".
    std::set<std::int64_t> open;
    if (!maps.empty())
      for (const auto& it : events::commands::agenda(s, event_id))
        if (it.state == "open") open.insert(it.id);
    for (const auto& m : maps) {
      o[std::to_string(*m.item_id)] = std::to_string(m.version);
      o[std::to_string(*m.item_id) + "s"] = commands::map_page_signature(s, m, open.count(*m.item_id) > 0);
    }
    return boost::json::serialize(o);
  });

  app.on_erase.push_back([](store::Conn& c, std::int64_t user_id) { commands::erase_person(c, user_id); });
  // What they did at events through their participant record: named notes and statements
  // stay without their writer, their answers leave the maps, their dots still count on a
  // record that leads to no one (as poll answers do).
  events::add_participant_eraser(app, commands::erase_participants);
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("vision", commands::export_person(c, user_id));
  });
  // What they did at events while signed in (their participant records), beside it.
  app.exporters.push_back([](store::Conn& c, std::int64_t user_id) {
    return std::pair<std::string, std::string>("vision_at_events",
                                               commands::export_at_events(c, events::participant_ids_of(c, user_id)));
  });
}

Result<std::int64_t> create_board(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& title,
                                  int dots_per_person) {
  return commands::create_board(app, space_id, user_id, title, dots_per_person);
}
Result<std::int64_t> add_note(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                              const std::string& text, bool anonymous) {
  return commands::add_note(app, space_id, board_id, who, text, anonymous);
}
Result<void> move_stage(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                        const std::string& to) {
  return commands::move_stage(app, space_id, board_id, who, to);
}
Result<void> merge(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who, std::int64_t keep,
                   std::int64_t other) {
  return commands::merge(app, space_id, board_id, who, keep, other);
}
Result<void> move_note(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                       std::int64_t note_id, const std::string& to) {
  return commands::move_note(app, space_id, board_id, who, note_id, to);
}
Result<void> dot(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                 std::int64_t note_id) {
  return commands::dot(app, space_id, board_id, who, note_id, true);
}

Result<void> hide(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                  std::int64_t note_id, const std::string& reason) {
  return commands::hide(app, space_id, board_id, who, note_id, reason);
}
Result<std::int64_t> create_map(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& question,
                                bool moderated) {
  return commands::create_map(app, space_id, user_id, question, moderated);
}
Result<std::int64_t> add_statement(Services& app, std::int64_t space_id, std::int64_t map_id, const commands::Actor& user_id,
                                   const std::string& text) {
  return commands::add_statement(app, space_id, map_id, user_id, text);
}
Result<void> answer(Services& app, std::int64_t space_id, std::int64_t map_id, const commands::Actor& user_id,
                    std::int64_t statement_id, int vote) {
  return commands::answer(app, space_id, map_id, user_id, statement_id, vote);
}

}  // namespace hs::vision

namespace hs::vision {

PictureWords report_words(Services& app, const std::string& title) {
  auto t = [&](const char* key) { return app.words->format(key, {}); };
  PictureWords w;
  w.title = title;
  w.h1 = t("vision_h1_short");
  w.h2 = t("vision_h2_short");
  w.h3 = t("vision_h3_short");
  w.today = t("vision_h1_name");
  w.innovations = t("vision_h2_name");
  w.future = t("vision_h3_name");
  w.heading_h1 = t("vision_heading_h1");
  w.heading_h3 = t("vision_heading_h3");
  w.heading_h2_plus = t("vision_heading_h2_plus");
  w.heading_h2_minus = t("vision_heading_h2_minus");
  w.heading_h2 = t("vision_heading_h2");
  w.dots = t("vision_dots");
  w.one_dot = t("vision_one_dot");
  w.more = t("vision_more_notes");
  w.no_notes = t("vision_no_notes");
  return w;
}

std::optional<BoardRow> event_board(Services& app, const events::EventRow& event, std::int64_t item_id) {
  return commands::board_for_item(app, event, item_id);
}

std::vector<ReportBoard> report_boards(Services& app, std::int64_t event_id) {
  std::vector<ReportBoard> out;
  for (const auto& row : commands::event_boards(app, event_id)) {
    auto l = commands::load(app, row.space_id, row.id);
    if (!l) continue;
    ReportBoard r;
    r.item_id = *row.item_id;
    r.title = row.title;
    r.words = report_words(app, row.title);
    auto pic = lay_out(l->board, r.words, PictureSize::a4);
    if (!pic) continue;  // the font is in the binary: only a broken build gets here
    r.picture = std::move(*pic);
    r.lists = note_lists(l->board);
    for (const auto& list : r.lists)
      if (list.horizon == Horizon::h2_plus)
        for (const auto& n : list.notes)
          if (n.highlighted) r.top_ideas.push_back(n);
    out.push_back(std::move(r));
  }
  return out;
}

}  // namespace hs::vision

namespace hs::vision {

namespace {
int percent(double rate) { return static_cast<int>(rate * 100 + 0.5); }
}  // namespace

std::optional<MapRow> event_map(Services& app, const events::EventRow& event, std::int64_t item_id) {
  return commands::map_for_item(app, event, item_id);
}

std::vector<ReportMap> report_maps(Services& app, std::int64_t event_id) {
  std::vector<ReportMap> out;
  auto t = [&](const char* key, const std::vector<std::pair<std::string, std::string>>& vars = {}) {
    return app.words->format(key, vars);
  };
  for (const auto& row : commands::event_maps(app, event_id)) {
    // Only shown statements are counted: hidden and waiting ones are in none of it.
    auto res = commands::results(app, row);
    const auto& om = res->map;
    ReportMap m;
    m.item_id = *row.item_id;
    m.question = row.question;
    m.people = t("vision_results_people",
                 {{"n", std::to_string(res->participants)}, {"grouped", std::to_string(om.grouped)}});
    for (std::size_t g = 0; g < om.groups.size(); ++g) {
      ReportMap::Group group;
      const auto n = om.groups[g].members.size();
      group.name = t("vision_opinion_group", {{"g", group_letter(g)}}) + ": " +
                   (n == 1 ? t("vision_opinion_one_person") : t("vision_opinion_people", {{"n", std::to_string(n)}}));
      for (const auto& st : om.groups[g].distinctive)
        group.distinctive.push_back(res->statements.at(st.statement) + " (" +
                                    t(st.agree ? "vision_opinion_agreed" : "vision_opinion_disagreed",
                                      {{"p", std::to_string(percent(st.rate))},
                                       {"q", std::to_string(percent(st.others_rate))}}) +
                                    ")");
      m.groups.push_back(std::move(group));
    }
    for (const auto& cg : om.common_ground)
      m.common_ground.push_back(res->statements.at(cg.statement) + " (" +
                                t("vision_opinion_common_line", {{"p", std::to_string(percent(cg.lowest_rate))}}) +
                                ")");
    out.push_back(std::move(m));
  }
  return out;
}

}  // namespace hs::vision

namespace hs::vision {

std::optional<std::string> report_map_svg(Services& app, std::int64_t event_id, std::int64_t item_id) {
  for (const auto& row : commands::event_maps(app, event_id)) {
    if (row.item_id != item_id) continue;
    auto res = commands::results(app, row);
    auto t = [&](const char* key) { return app.words->t(key); };
    OpinionWords w;
    w.title = row.question;
    w.group = t("vision_opinion_group");
    w.people = t("vision_opinion_people");
    w.one_person = t("vision_opinion_one_person");
    w.not_grouped = t("vision_opinion_not_grouped");
    w.agreed = t("vision_opinion_agreed");
    w.disagreed = t("vision_opinion_disagreed");
    w.common_ground = t("vision_opinion_common_ground");
    w.common_line = t("vision_opinion_common_line");
    w.none = t("vision_opinion_none");
    return opinion_svg(res->map, res->statements, w);
  }
  return std::nullopt;
}

}  // namespace hs::vision
