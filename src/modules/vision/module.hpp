#pragma once
// Shared vision (issue 16), the front door other modules (the report, the demo, events'
// agenda items) include. Boards and maps are kept per space (migrations 0034 and 0035),
// with their pages under /spaces/{slug}/vision and /spaces/{slug}/opinions; a board is
// also an item of an event's agenda (/events/{id}/items/{item}/board, migration 0039). The pure foundations:
// - Three Horizons boards: stages, notes, merges, hiding, the dot vote
//   (rules/horizons.hpp);
// - the three-curves picture: its geometry (rules/curves.hpp), and the picture itself as
//   SVG, PNG and PDF with its text equivalent (picture.hpp);
// - opinion maps: opinion groups, distinctive statements and common ground from the
//   votes (rules/opinions.hpp), and the map of people with its text equivalent
//   (opinion_picture.hpp).
#include <cstdint>
#include <iosfwd>
#include <string>
#include <vector>

#include "modules/vision/commands/commands.hpp"  // re-exported: Actor, and an event's boards
#include "modules/vision/opinion_picture.hpp"
#include "modules/vision/picture.hpp"
#include "modules/vision/rules/curves.hpp"
#include "modules/vision/rules/horizons.hpp"
#include "modules/vision/rules/opinions.hpp"
#include "services/fwd.hpp"

namespace hs::web {
class App;
}

namespace hs::vision {

// Routes under /spaces/{slug}/vision: the boards, a board, its notes' forms, its picture
// (picture.svg|png|pdf, ?size=slide|a4) and notes.csv. Also erasure and "download my data".
void register_module(web::App& app);

// For the demo seed and tests, each in its own transaction with the pages' checks
// (commands/commands.hpp says what each refuses). Stages and horizons by key.
Result<std::int64_t> create_board(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& title,
                                  int dots_per_person);
Result<std::int64_t> add_note(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                              const std::string& text, bool anonymous);
Result<void> move_stage(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                        const std::string& to);
Result<void> merge(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who, std::int64_t keep,
                   std::int64_t other);
Result<void> move_note(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                       std::int64_t note_id, const std::string& to);
// Places one dot.
Result<void> dot(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                 std::int64_t note_id);
Result<void> hide(Services& app, std::int64_t space_id, std::int64_t board_id, const commands::Actor& who,
                  std::int64_t note_id, const std::string& reason);

// An event agenda item's board, made the first time it is asked for (the board's
// commands then take a commands::Actor built from the person's events::commands::Access).
std::optional<BoardRow> event_board(Services& app, const events::EventRow& event, std::int64_t item_id);

// An event's Three Horizons boards as its report shows them (in agenda order): the
// three-curves picture laid out for an A4 page (draw it with vision::draw, or as SVG with
// to_svg), every shown note by horizon (hidden and merged ones never), and the most voted
// H2+ ideas. Words from Services::words.
struct ReportBoard {
  std::int64_t item_id = 0;
  std::string title;
  Picture picture;
  std::vector<HorizonList> lists;
  std::vector<ListedNote> top_ideas;  // the highlighted H2+ notes, most dots first
  PictureWords words;
};
std::vector<ReportBoard> report_boards(Services& app, std::int64_t event_id);

// Opinion maps, under /spaces/{slug}/opinions. vote: 1 agree, -1 disagree, 0 pass.
Result<std::int64_t> create_map(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& question,
                                bool moderated);
// Returns the statement's id when it is shown at once (0 when it waits for a facilitator).
// On an event's map, who is a commands::Actor built from the person's events::commands::Access.
Result<std::int64_t> add_statement(Services& app, std::int64_t space_id, std::int64_t map_id,
                                   const commands::Actor& who, const std::string& text);
Result<void> answer(Services& app, std::int64_t space_id, std::int64_t map_id, const commands::Actor& who,
                    std::int64_t statement_id, int vote);

// An event agenda item's opinion map (/events/{id}/items/{item}/map), made the first time
// it is asked for.
std::optional<MapRow> event_map(Services& app, const events::EventRow& event, std::int64_t item_id);

// An event's opinion maps as its report shows them, as text (words from Services::words):
// the question, how many answered, each group with its distinctive statements, and the
// common ground. Only shown statements: hidden and waiting ones are never in it, nor who
// wrote any statement.
struct ReportMap {
  std::int64_t item_id = 0;
  std::string question, people;
  struct Group {
    std::string name;                      // "Group A: 10 people"
    std::vector<std::string> distinctive;  // each with how the group and everyone else answered
  };
  std::vector<Group> groups;
  std::vector<std::string> common_ground;
};
std::vector<ReportMap> report_maps(Services& app, std::int64_t event_id);
// The map of people of an event's opinion map as SVG (dots, nobody named; its groups and
// common ground in its text equivalent); nothing when the item is not one of its maps.
std::optional<std::string> report_map_svg(Services& app, std::int64_t event_id, std::int64_t item_id);

// For bench/vision only (the hidden `humanspace vision bench-picture`): times the picture
// of a generated, finished board of `notes` notes and prints the figures as JSON.
int bench_picture_cli(int notes, int runs, std::ostream& out);

}  // namespace hs::vision
