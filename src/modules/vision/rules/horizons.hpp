#pragma once
// A Three Horizons board (International Futures Forum): the first horizon is today's
// system (what is not working, and what must be kept), the third the future people want,
// the second the innovations between them. The facilitator moves the board through its
// stages one at a time:
//
//   h1 -> h3 -> h2 -> sort -> vote -> done
//
// In h1, h3 and h2 everyone adds notes to that horizon (named, or anonymous as they
// choose). In sort, facilitators sort the H2 notes into H2+ (they lead towards H3) and
// H2- (they prop up H1). In vote, everyone places dots on the H2+ notes. Done freezes the
// board, except that a note may still be hidden (a harm found late must not stay up).
//
// Pure and in memory: the caller loads the board, applies one change and saves what the
// change touched. A change that fails leaves the board as it was. Every failure is a
// message key (messages/en/vision.txt).
//
// Choices written down:
// - A person may put several of their dots on one note, as the decisions module's dot
//   vote lets them (all on one idea, or spread): a strong preference is allowed to show.
// - Merging never rewrites anyone's words: the kept note holds every original text with
//   its author (0 for anonymous), in the order they were merged, and the merged note
//   stays on the board (merged_into set) so a merge can be traced. Dots on the merged
//   note move to the kept one.
// - Hidden and merged notes leave every result: counts, votes, the picture and the lists.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hs::vision {

enum class Stage { h1, h3, h2, sort, vote, done };
// h2 holds the innovations before they are sorted into h2_plus and h2_minus.
enum class Horizon { h1, h2, h2_plus, h2_minus, h3 };

// "h1", "h3", "h2", "sort", "vote", "done": for storage, forms and message keys.
std::string_view key_of(Stage s);
// "h1", "h2", "h2_plus", "h2_minus", "h3".
std::string_view key_of(Horizon h);
std::optional<Stage> stage_of(std::string_view key);
std::optional<Horizon> horizon_of(std::string_view key);
// Every stage, in order.
const std::vector<Stage>& stages();

// One person's words on a note. author_id 0: anonymous; the rules never hold who wrote
// an anonymous note, so nothing built on them can show it.
struct Words {
  std::string text;
  std::int64_t author_id = 0;
};

struct Note {
  std::int64_t id = 0;
  Horizon horizon = Horizon::h1;
  // The note's own words first, then those of every note merged into it, in the order
  // they were merged. Never edited by the rules.
  std::vector<Words> words;
  bool hidden = false;
  std::string hide_reason;
  std::vector<std::int64_t> merged_from;  // notes merged into this one (and into those)
  std::int64_t merged_into = 0;           // set when this note was merged into another
};

// One dot: a person's vote on a note. A person's several dots on one note are several
// entries.
struct Dot {
  std::int64_t note_id = 0;
  std::int64_t voter_id = 0;
};

struct Settings {
  int dots_per_person = 3;            // 1..kMaxDots
  std::size_t max_note_length = 280;  // characters (code points)
};
inline constexpr int kMaxDots = 20;

struct Board {
  Stage stage = Stage::h1;
  Settings settings;
  std::vector<Note> notes;
  std::vector<Dot> dots;
};

// --- Stages ------------------------------------------------------------------------------

// The facilitator may go forward one stage, or back one (to reopen what closed too soon).
bool may_move(Stage from, Stage to);
// Key: vision_stage_not_next.
Result<void> move_stage(Board& board, Stage to);

// The horizon a participant adds notes to in this stage; none in sort, vote and done.
std::optional<Horizon> open_horizon(Stage s);
bool sorting_open(Stage s);  // sort (and vote, to fix a note sorted wrongly)
bool voting_open(Stage s);   // vote

// --- Notes -------------------------------------------------------------------------------

// Settings as a facilitator sets them. Key: vision_dots_range.
Result<void> validate(const Settings& settings);

// A participant's note in the open horizon. The id comes from the caller (the store's).
// author_id 0 for an anonymous note. Keys: vision_stage_closed (no horizon is open),
// vision_note_empty, vision_note_too_long, vision_note_control (control characters or
// invalid UTF-8), vision_note_exists (the id is taken).
Result<void> add_note(Board& board, std::int64_t id, std::string_view text, std::int64_t author_id);

// Facilitators: merge `other` into `keep` (duplicates). Both must be visible notes on the
// board; `keep` keeps its horizon. Keys: vision_note_not_found, vision_merge_self,
// vision_note_hidden, vision_board_done.
Result<void> merge_notes(Board& board, std::int64_t keep, std::int64_t other);

// Facilitators: move a note to another horizon. H2+ and H2- only once sorting is open;
// sorting the notes is moving them there. Dots on a note that leaves H2+ stay stored but
// leave the results (they count again if it comes back). Keys: vision_note_not_found,
// vision_sort_closed, vision_board_done.
Result<void> move_note(Board& board, std::int64_t id, Horizon to);

// Facilitators: hide a note, with a reason the other facilitators see (and the author,
// if the caller chooses). Allowed in every stage. Keys: vision_note_not_found,
// vision_hide_reason_needed.
Result<void> hide_note(Board& board, std::int64_t id, std::string_view reason);
Result<void> unhide_note(Board& board, std::int64_t id);

// --- Dots --------------------------------------------------------------------------------

// Places one of the voter's dots on a visible H2+ note. Keys: vision_voting_closed,
// vision_note_not_found, vision_vote_not_h2_plus, vision_dots_used.
Result<void> place_dot(Board& board, std::int64_t voter_id, std::int64_t note_id);
// Takes one of the voter's dots back off the note. Keys: vision_voting_closed,
// vision_dot_not_found.
Result<void> remove_dot(Board& board, std::int64_t voter_id, std::int64_t note_id);
int dots_left(const Board& board, std::int64_t voter_id);

// --- Results -----------------------------------------------------------------------------

// Neither hidden nor merged into another: the notes every result is made of.
bool in_results(const Note& note);
std::vector<const Note*> notes_in(const Board& board, Horizon h);
const Note* find_note(const Board& board, std::int64_t id);

struct Tally {
  std::int64_t note_id = 0;
  int dots = 0;
  int voters = 0;  // people who put at least one dot on it
};
// Every H2+ note in the results with its dots, most dots first (then by id). Dots on
// hidden, merged or moved notes do not count.
std::vector<Tally> vote_results(const Board& board);
// The most voted H2+ notes to show bolder: the `top` with most dots, and any tied with
// the last of them; never a note without a dot.
std::vector<std::int64_t> highlighted(const Board& board, std::size_t top = 3);

}  // namespace hs::vision
