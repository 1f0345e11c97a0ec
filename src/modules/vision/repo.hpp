#pragma once
// The only place the vision module's SQL lives. Functions take a connection, so the
// caller decides the transaction.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "modules/vision/records.hpp"
#include "modules/vision/rules/horizons.hpp"

namespace hs::store {
class Conn;
}

namespace hs::vision::repo {

// 0 when the item already has its board (two first visits at once).
std::int64_t insert_board(store::Conn& c, const BoardRow& b);
std::optional<BoardRow> board(store::Conn& c, std::int64_t id);
std::vector<BoardRow> boards_in(store::Conn& c, std::int64_t space_id);  // newest first
// An event agenda item's board (one at most), and an event's boards in the order they came.
std::optional<BoardRow> board_of_item(store::Conn& c, std::int64_t item_id);
std::vector<BoardRow> boards_of_event(store::Conn& c, std::int64_t event_id);
// An event's participants: their account (members) or nickname ("" when none), by id.
std::map<std::int64_t, std::pair<std::optional<std::int64_t>, std::string>> participants_of(store::Conn& c,
                                                                                               std::int64_t event_id);
// Only while the stage is still `from`: false when someone moved it meanwhile.
bool set_stage(store::Conn& c, std::int64_t id, const std::string& from, const std::string& to, std::int64_t now);
void touch(store::Conn& c, std::int64_t id, std::int64_t now);
// Holds the board's row until the transaction ends, so that two changes to one board (two
// dots of one person's last) do not both read it as it was.
void lock_board(store::Conn& c, std::int64_t id);

// The board as the rules see it: stage, settings, notes with their words (anonymous
// words with author 0) and dots (an erased voter's as voter 0).
Board load(store::Conn& c, const BoardRow& row);

std::int64_t insert_note(store::Conn& c, std::int64_t board_id, Horizon h, std::int64_t now);
void insert_words(store::Conn& c, std::int64_t note_id, std::int64_t original_note_id, int position,
                  const std::string& text, std::int64_t author_id, std::int64_t participant_id = 0);
void set_horizon(store::Conn& c, std::int64_t note_id, Horizon h);
void set_hidden(store::Conn& c, std::int64_t note_id, bool hidden, const std::string& reason);
// `other` merged into `keep`, which already holds `keep_words` words: its words follow
// them, its dots and the notes merged into it move to `keep`.
void merge(store::Conn& c, std::int64_t keep, std::int64_t other, int keep_words);
// On an event's board the voter is a participant (voter_id 0).
void insert_dot(store::Conn& c, std::int64_t board_id, std::int64_t note_id, std::int64_t voter_id, std::int64_t now,
                std::int64_t participant_id = 0);
// Takes back the voter's latest dot on the note.
void delete_dot(store::Conn& c, std::int64_t note_id, std::int64_t voter_id, std::int64_t participant_id = 0);

// --- Opinion maps --------------------------------------------------------------------------
std::int64_t insert_map(store::Conn& c, const MapRow& m);
std::optional<MapRow> map(store::Conn& c, std::int64_t id);
std::vector<MapRow> maps_in(store::Conn& c, std::int64_t space_id);  // newest first
void bump(store::Conn& c, std::int64_t map_id, std::int64_t now);
// On an event's map the author is a participant (author_id 0).
std::int64_t insert_statement(store::Conn& c, std::int64_t map_id, const std::string& text, const std::string& status,
                              std::int64_t author_id, std::int64_t now, std::int64_t participant_id = 0);
std::optional<StatementRow> statement(store::Conn& c, std::int64_t id);
std::vector<StatementRow> statements(store::Conn& c, std::int64_t map_id);  // oldest first
void set_statement_status(store::Conn& c, std::int64_t id, const std::string& status);
void upsert_vote(store::Conn& c, std::int64_t statement_id, std::int64_t voter_id, int vote, std::int64_t now);
std::vector<VoteRow> votes(store::Conn& c, std::int64_t map_id);
// participant: voter_id is an event's participant (an event's map).
std::vector<VoteRow> votes_of(store::Conn& c, std::int64_t map_id, std::int64_t voter_id, bool participant = false);
// An event agenda item's map (one at most; 0 from insert_map when it already has one), an
// event's maps in the order they came, and the item's question and moderation followed.
std::optional<MapRow> map_of_item(store::Conn& c, std::int64_t item_id);
std::vector<MapRow> maps_of_event(store::Conn& c, std::int64_t event_id);
// What the map's statements are, as a short signature ("held:2,shown:7"): it changes when a
// statement is written or moderated, never when someone answers.
std::string statements_signature(store::Conn& c, std::int64_t map_id);
void set_map_question(store::Conn& c, std::int64_t map_id, const std::string& question, bool moderated,
                      std::int64_t now);
void upsert_participant_vote(store::Conn& c, std::int64_t statement_id, std::int64_t participant_id, int vote,
                             std::int64_t now);
std::vector<std::string> statements_by(store::Conn& c, std::int64_t user_id);
std::int64_t votes_by(store::Conn& c, std::int64_t user_id);

// Erasure: their named words become anonymous, their dots and boards lead to no one.
void erase_person(store::Conn& c, std::int64_t user_id);
void erase_participant(store::Conn& c, std::int64_t participant_id);
// What the person wrote under their name, for "download my data".
struct WrittenRow {
  std::int64_t board_id = 0;
  std::string board_title, text;
};
std::vector<WrittenRow> written_by(store::Conn& c, std::int64_t user_id);
std::int64_t dots_by(store::Conn& c, std::int64_t user_id);
// The same for what they did at events through their participant records: the boards
// their named notes are on (with the event), the statements they wrote on maps, their dots
// and answers counted.
struct AtEvents {
  struct Note {
    std::int64_t event_id = 0;
    std::string board_title, text;
  };
  std::vector<Note> notes;
  std::vector<std::string> statements;
  std::int64_t dots = 0, answers = 0;
};
AtEvents at_events(store::Conn& c, const std::vector<std::int64_t>& participant_ids);

}  // namespace hs::vision::repo
