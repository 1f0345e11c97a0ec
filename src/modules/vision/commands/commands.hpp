#pragma once
// The Three Horizons use cases. Each command opens its transaction, checks the person's
// role in the space as it is now, loads the board, applies one rule (rules/horizons.hpp),
// saves what the rule changed and, for moderation (stages, merges, moves, hiding), appends
// to the space's decision log (notes and boards by id; people only as a commitment; a
// reason only as its SHA-256). Adding notes and dots is not in the log: an anonymous
// note's author must not be recoverable from anything kept.
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "modules/events/module.hpp"
#include "modules/vision/records.hpp"
#include "modules/vision/rules/horizons.hpp"
#include "modules/vision/rules/opinions.hpp"
#include "services/fwd.hpp"

namespace hs::store {
class Conn;
}

namespace hs::vision::commands {

// Who acts on a board. On a space's board: a person by their account (0: not signed in),
// with their role in the space as it is when the command runs. On an event's board (an
// agenda item): how the person stands at the event (events::commands::access), which
// includes people who joined with the code and have no account; what they add is theirs as
// the event's participant. item_open: whether the agenda item is open (people add notes and
// dots only then; facilitators moderate at any time).
struct Actor {
  Actor(std::int64_t user = 0) : user_id(user) {}  // NOLINT: a plain id is a space's member
  Actor(const events::commands::Access& a, bool open) : user_id(a.user_id), event(a), item_open(open) {}
  std::int64_t user_id = 0;
  std::optional<events::commands::Access> event;
  bool item_open = false;
};

// Facilitators and stewards start a board. Field errors: title (vision_title_needed,
// vision_title_too_long), dots (vision_dots_range).
Result<std::int64_t> create_board(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& title,
                                  int dots_per_person);

// Members add a note to the open horizon; anonymous notes are stored without their author.
Result<std::int64_t> add_note(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                              const std::string& text, bool anonymous);
// Members place a dot on an H2+ note (add) or take one back.
Result<void> dot(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                 std::int64_t note_id, bool add);

// Facilitators. to: a stage key.
Result<void> move_stage(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                        const std::string& to);
Result<void> merge(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who, std::int64_t keep,
                   std::int64_t other);
// to: a horizon key.
Result<void> move_note(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                       std::int64_t note_id, const std::string& to);
Result<void> hide(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                  std::int64_t note_id, const std::string& reason);
Result<void> unhide(Services& app, std::int64_t space_id, std::int64_t board_id, const Actor& who,
                    std::int64_t note_id);

// --- reading -----------------------------------------------------------------------------
std::vector<BoardRow> boards(Services& app, std::int64_t space_id);
struct Loaded {
  BoardRow row;
  Board board;
  std::map<std::int64_t, std::string> names;  // the named authors' display names
};
// The board when it is in this space. On an event's board, names are the participants'
// (a member's display name, else their nickname, else "Guest N").
std::optional<Loaded> load(Services& app, std::int64_t space_id, std::int64_t board_id);

// An event agenda item's board: made the first time anyone asks for it (with the item's
// title, at H1), then the same one. Nothing when the item is not a Three Horizons board of
// this event.
std::optional<BoardRow> board_for_item(Services& app, const events::EventRow& event, std::int64_t item_id);
// The event's boards (for its report), oldest first.
std::vector<BoardRow> event_boards(Services& app, std::int64_t event_id);

// --- Opinion maps ------------------------------------------------------------------------
// Facilitators and stewards ask a question. Field errors: question (vision_question_needed,
// vision_question_too_long).
Result<std::int64_t> create_map(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& question,
                                bool moderated);
// Members write a statement: shown at once, or held for a facilitator when the map is
// moderated (a facilitator's own is shown at once). Field errors: text
// (vision_statement_empty, vision_statement_too_long, vision_note_control). Returns
// its id when it is shown at once, 0 when it waits for a facilitator. On an event's map
// (who.event), the people at the event write while the item is open (vision_item_closed),
// as its participants; those who run the event moderate.
Result<std::int64_t> add_statement(Services& app, std::int64_t space_id, std::int64_t map_id, const Actor& who,
                                   const std::string& text);
// Facilitators show or hide a statement (waiting or shown; in the decision log). A hidden
// statement leaves the map, its results and the event's report.
Result<void> moderate_statement(Services& app, std::int64_t space_id, std::int64_t map_id, const Actor& who,
                                std::int64_t statement_id, bool show);
// Members answer a shown statement: 1 agree, -1 disagree, 0 pass (again to change it).
Result<void> answer(Services& app, std::int64_t space_id, std::int64_t map_id, const Actor& who,
                    std::int64_t statement_id, int vote);

// An event agenda item's opinion map: made the first time anyone asks for it (the item's
// title is the question, its "premoderate" whether statements wait), then the same one,
// following the item's title and setting. Nothing when the item is not an opinion map of
// this event.
std::optional<MapRow> map_for_item(Services& app, const events::EventRow& event, std::int64_t item_id);
std::vector<MapRow> event_maps(Services& app, std::int64_t event_id);
// The signature an event map's own page follows on the live channel: its statements (written,
// moderated) and whether its agenda item is open, never the answers (which only its
// results page follows, by the map's version): a room of 2,000 answering does not make
// every phone fetch its page again at each answer.
std::string map_page_signature(Services& app, const MapRow& m, bool item_open);

std::vector<MapRow> maps(Services& app, std::int64_t space_id);
struct MapLoaded {
  MapRow row;
  std::vector<StatementRow> statements;  // every one, oldest first
  std::map<std::int64_t, int> mine;      // the viewer's answers by statement
};
// viewer: an account on a space's map, a participant on an event's (participant true).
std::optional<MapLoaded> load_map(Services& app, std::int64_t space_id, std::int64_t map_id, std::int64_t viewer,
                                  bool participant = false);
// The groups and common ground from the votes (rules/opinions.hpp), over the shown
// statements in order; kept in memory until the map's version changes.
struct MapResults {
  std::int64_t version = 0;
  std::vector<std::int64_t> statement_ids;
  std::vector<std::string> statements;
  OpinionMap map;
  std::size_t participants = 0;
  // Per statement (by column), per group (-1 counted as "everyone"): agree, disagree, pass.
  struct Count {
    int agree = 0, disagree = 0, pass = 0;
  };
  std::vector<std::vector<Count>> by_group;  // [statement][group]
  std::vector<Count> total;                  // [statement]
};
std::shared_ptr<const MapResults> results(Services& app, const MapRow& row);

std::string export_person(store::Conn& c, std::int64_t user_id);
// "vision_at_events" in "download my data": what they did at events while signed in.
std::string export_at_events(store::Conn& c, const std::vector<std::int64_t>& participant_ids);
void erase_person(store::Conn& c, std::int64_t user_id);
// The same for an erased person's event participant records (events::add_participant_eraser).
void erase_participants(store::Conn& c, const std::vector<std::int64_t>& participant_ids);

}  // namespace hs::vision::commands
