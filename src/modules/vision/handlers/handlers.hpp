#pragma once
// The Three Horizons pages, one handler a route (module.cpp lists them).
#include <optional>
#include <string>

#include "modules/spaces/module.hpp"
#include "modules/vision/commands/commands.hpp"
#include "modules/vision/opinion_picture.hpp"
#include "modules/vision/picture.hpp"
#include "web/app.hpp"

namespace hs::vision::handlers {

web::Response boards_page(web::Context& c);
web::Response board_create(web::Context& c);
web::Response board_page(web::Context& c);
web::Response note_add(web::Context& c);
web::Response stage_move(web::Context& c);
web::Response note_merge(web::Context& c);
web::Response note_move(web::Context& c);
web::Response note_hide(web::Context& c);
web::Response note_show(web::Context& c);
web::Response dot_change(web::Context& c);
web::Response picture_svg(web::Context& c);
web::Response picture_png(web::Context& c);
web::Response picture_pdf(web::Context& c);
web::Response board_csv(web::Context& c);
web::Response maps_page(web::Context& c);
web::Response map_create(web::Context& c);
web::Response map_page(web::Context& c);
web::Response map_answer(web::Context& c);
web::Response map_statement(web::Context& c);
web::Response map_moderate(web::Context& c);
web::Response map_results(web::Context& c);
web::Response map_svg(web::Context& c);
web::Response map_csv(web::Context& c);
web::Response map_json(web::Context& c);

// What a person typed in a board's form, shown again with its error.
struct Typed {
  std::string text;
  bool anonymous = false;
  std::int64_t note = 0;  // the note a facilitator's refused form was about
  std::string reason;
};
// The page a board is drawn on: a space's page or an event's, where its forms post, and
// what the viewer may do there. me: whom the board's rules count the viewer as.
struct BoardFrame {
  web::View v;
  std::string base, back_href;
  std::int64_t me = 0;
  bool facilitator = false, member = false;
};
web::Response render_board(web::Context& c, BoardFrame& frame, const commands::Loaded& l, const Typed& in,
                           const Error* error = nullptr, int status = 200);

// An event agenda item's board (GET and POST /events/{id}/items/{item}/board...).
struct EventBoard {
  std::optional<events::commands::Access> access;
  std::optional<commands::Loaded> board;
  bool item_open = false;
  web::Response refusal;
};
EventBoard load_event_board(web::Context& c);
web::Response event_board_page(web::Context& c);
web::Response event_note_add(web::Context& c);
web::Response event_stage_move(web::Context& c);
web::Response event_note_merge(web::Context& c);
web::Response event_note_move(web::Context& c);
web::Response event_note_hide(web::Context& c);
web::Response event_note_show(web::Context& c);
web::Response event_dot_change(web::Context& c);

// The page an opinion map is drawn on: a space's or an event's (base: where its forms
// post), and what the viewer may do there.
struct MapFrame {
  web::View v;
  std::string base, back_href;
  bool member = false, facilitator = false;
};
web::Response render_map_page(web::Context& c, MapFrame& frame, const commands::MapLoaded& m,
                              const std::string& typed, const Error* error = nullptr, int status = 200);
// The results' groups, distinctive statements, common ground and table into a page's view.
void results_into(web::Context& c, web::View& v, const commands::MapResults& r);
OpinionWords opinion_words(web::Context& c, const std::string& question);
// A map's results as the downloads give them: CSV (each statement's answers, in all and by
// group, and whether it is common ground) and JSON (the same, with each group's
// distinctive statements).
std::string results_csv(const commands::MapResults& r);
std::string results_json(const std::string& question, const commands::MapResults& r);
// A file to download (attachment) or to show (inline), never kept by a cache.
web::Response download(std::string body, const char* type, const std::string& name, bool attachment);

// An event agenda item's opinion map (GET and POST /events/{id}/items/{item}/map...).
web::Response event_map_page(web::Context& c);
web::Response event_map_answer(web::Context& c);
web::Response event_map_statement(web::Context& c);
web::Response event_map_moderate(web::Context& c);
web::Response event_map_results(web::Context& c);
web::Response event_map_svg(web::Context& c);
web::Response event_map_csv(web::Context& c);
web::Response event_map_json(web::Context& c);

// The space in the path when this viewer may see its boards; otherwise the refusal.
struct Here {
  std::optional<spaces::SpaceInPath> space;
  web::Response refusal;
};
Here load_space(web::Context& c);
std::string vision_path(const spaces::SpaceInPath& s, const std::string& rest = "");
// The picture's words from the message catalogue.
PictureWords picture_words(web::Context& c, const std::string& title);

}  // namespace hs::vision::handlers
