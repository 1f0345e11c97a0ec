#include "modules/vision/rules/horizons.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/text.hpp"

namespace hs::vision {

namespace {

constexpr std::string_view kStageKeys[] = {"h1", "h3", "h2", "sort", "vote", "done"};

Note* find(Board& board, std::int64_t id) {
  for (auto& n : board.notes)
    if (n.id == id) return &n;
  return nullptr;
}

int index_of(Stage s) { return static_cast<int>(s); }

}  // namespace

std::string_view key_of(Stage s) { return kStageKeys[index_of(s)]; }

std::string_view key_of(Horizon h) {
  switch (h) {
    case Horizon::h1: return "h1";
    case Horizon::h2: return "h2";
    case Horizon::h2_plus: return "h2_plus";
    case Horizon::h2_minus: return "h2_minus";
    case Horizon::h3: return "h3";
  }
  return "h1";
}

std::optional<Stage> stage_of(std::string_view key) {
  for (Stage s : stages())
    if (key_of(s) == key) return s;
  return std::nullopt;
}

std::optional<Horizon> horizon_of(std::string_view key) {
  for (Horizon h : {Horizon::h1, Horizon::h2, Horizon::h2_plus, Horizon::h2_minus, Horizon::h3})
    if (key_of(h) == key) return h;
  return std::nullopt;
}

const std::vector<Stage>& stages() {
  static const std::vector<Stage> all{Stage::h1, Stage::h3, Stage::h2, Stage::sort, Stage::vote, Stage::done};
  return all;
}

bool may_move(Stage from, Stage to) {
  int d = index_of(to) - index_of(from);
  return d == 1 || d == -1;
}

Result<void> move_stage(Board& board, Stage to) {
  if (!may_move(board.stage, to)) return fail(ErrorCode::conflict, "vision_stage_not_next");
  // The dot vote is on H2+ ideas only: with none shown, there would be nothing to vote on.
  if (to == Stage::vote) {
    bool any = false;
    for (const auto& n : board.notes) any = any || (n.horizon == Horizon::h2_plus && !n.hidden && !n.merged_into);
    if (!any) return fail(ErrorCode::conflict, "vision_vote_needs_h2_plus");
  }
  board.stage = to;
  return {};
}

std::optional<Horizon> open_horizon(Stage s) {
  switch (s) {
    case Stage::h1: return Horizon::h1;
    case Stage::h3: return Horizon::h3;
    case Stage::h2: return Horizon::h2;
    default: return std::nullopt;
  }
}

bool sorting_open(Stage s) { return s == Stage::sort || s == Stage::vote; }
bool voting_open(Stage s) { return s == Stage::vote; }

Result<void> validate(const Settings& settings) {
  if (settings.dots_per_person < 1 || settings.dots_per_person > kMaxDots)
    return fail(ErrorCode::invalid, "vision_dots_range");
  return {};
}

Result<void> add_note(Board& board, std::int64_t id, std::string_view text, std::int64_t author_id) {
  auto horizon = open_horizon(board.stage);
  if (!horizon) return fail(ErrorCode::conflict, "vision_stage_closed");
  // Line breaks are kept (a note typed in a text area may have them); the picture wraps
  // them like spaces.
  if (!text::valid_utf8(text) || text::has_control(text, true)) return fail(ErrorCode::invalid, "vision_note_control");
  auto trimmed = text::trim(text);
  if (trimmed.empty()) return fail(ErrorCode::invalid, "vision_note_empty");
  if (text::length(trimmed) > board.settings.max_note_length) return fail(ErrorCode::invalid, "vision_note_too_long");
  if (find(board, id)) return fail(ErrorCode::conflict, "vision_note_exists");
  board.notes.push_back(Note{id, *horizon, {Words{std::string(trimmed), author_id}}, false, {}, {}, 0});
  return {};
}

Result<void> merge_notes(Board& board, std::int64_t keep, std::int64_t other) {
  if (board.stage == Stage::done) return fail(ErrorCode::conflict, "vision_board_done");
  if (keep == other) return fail(ErrorCode::invalid, "vision_merge_self");
  Note* k = find(board, keep);
  Note* o = find(board, other);
  if (!k || !o || k->merged_into || o->merged_into) return fail(ErrorCode::not_found, "vision_note_not_found");
  if (k->hidden || o->hidden) return fail(ErrorCode::conflict, "vision_note_hidden");
  k->words.insert(k->words.end(), o->words.begin(), o->words.end());
  k->merged_from.push_back(o->id);
  k->merged_from.insert(k->merged_from.end(), o->merged_from.begin(), o->merged_from.end());
  o->merged_into = k->id;
  for (auto& d : board.dots)
    if (d.note_id == other) d.note_id = keep;
  // Notes merged earlier into `other` now lead to `keep`, so following merged_into
  // always ends at a note in the results.
  for (auto& n : board.notes)
    if (n.merged_into == other) n.merged_into = keep;
  return {};
}

Result<void> move_note(Board& board, std::int64_t id, Horizon to) {
  if (board.stage == Stage::done) return fail(ErrorCode::conflict, "vision_board_done");
  Note* n = find(board, id);
  if (!n || n->merged_into) return fail(ErrorCode::not_found, "vision_note_not_found");
  if ((to == Horizon::h2_plus || to == Horizon::h2_minus) && !sorting_open(board.stage))
    return fail(ErrorCode::conflict, "vision_sort_closed");
  n->horizon = to;
  return {};
}

Result<void> hide_note(Board& board, std::int64_t id, std::string_view reason) {
  Note* n = find(board, id);
  if (!n || n->merged_into) return fail(ErrorCode::not_found, "vision_note_not_found");
  auto r = text::trim(reason);
  if (r.empty() || !text::valid_utf8(r) || text::has_control(r, false))
    return fail(ErrorCode::invalid, "vision_hide_reason_needed");
  n->hidden = true;
  n->hide_reason = std::string(r);
  return {};
}

Result<void> unhide_note(Board& board, std::int64_t id) {
  Note* n = find(board, id);
  if (!n || n->merged_into) return fail(ErrorCode::not_found, "vision_note_not_found");
  n->hidden = false;
  n->hide_reason.clear();
  return {};
}

int dots_left(const Board& board, std::int64_t voter_id) {
  // Dots on notes that left the results (hidden, moved out of H2+) are given back: the
  // person could not otherwise use them on what is still there.
  int used = 0;
  for (const auto& d : board.dots) {
    if (d.voter_id != voter_id) continue;
    const Note* n = find_note(board, d.note_id);
    if (n && in_results(*n) && n->horizon == Horizon::h2_plus) ++used;
  }
  return std::max(0, board.settings.dots_per_person - used);
}

Result<void> place_dot(Board& board, std::int64_t voter_id, std::int64_t note_id) {
  if (!voting_open(board.stage)) return fail(ErrorCode::conflict, "vision_voting_closed");
  const Note* n = find_note(board, note_id);
  if (!n || !in_results(*n)) return fail(ErrorCode::not_found, "vision_note_not_found");
  if (n->horizon != Horizon::h2_plus) return fail(ErrorCode::invalid, "vision_vote_not_h2_plus");
  if (dots_left(board, voter_id) <= 0) return fail(ErrorCode::conflict, "vision_dots_used");
  board.dots.push_back(Dot{note_id, voter_id});
  return {};
}

Result<void> remove_dot(Board& board, std::int64_t voter_id, std::int64_t note_id) {
  if (!voting_open(board.stage)) return fail(ErrorCode::conflict, "vision_voting_closed");
  for (auto it = board.dots.rbegin(); it != board.dots.rend(); ++it) {
    if (it->voter_id == voter_id && it->note_id == note_id) {
      board.dots.erase(std::next(it).base());
      return {};
    }
  }
  return fail(ErrorCode::not_found, "vision_dot_not_found");
}

bool in_results(const Note& note) { return !note.hidden && note.merged_into == 0; }

std::vector<const Note*> notes_in(const Board& board, Horizon h) {
  std::vector<const Note*> out;
  for (const auto& n : board.notes)
    if (n.horizon == h && in_results(n)) out.push_back(&n);
  return out;
}

const Note* find_note(const Board& board, std::int64_t id) {
  for (const auto& n : board.notes)
    if (n.id == id) return &n;
  return nullptr;
}

std::vector<Tally> vote_results(const Board& board) {
  std::map<std::int64_t, Tally> by_note;
  std::map<std::int64_t, std::set<std::int64_t>> voters;
  for (const Note* n : notes_in(board, Horizon::h2_plus)) by_note[n->id] = Tally{n->id, 0, 0};
  for (const auto& d : board.dots) {
    auto it = by_note.find(d.note_id);
    if (it == by_note.end()) continue;
    ++it->second.dots;
    voters[d.note_id].insert(d.voter_id);
  }
  std::vector<Tally> out;
  for (auto& [id, t] : by_note) {
    t.voters = static_cast<int>(voters[id].size());
    out.push_back(t);
  }
  std::stable_sort(out.begin(), out.end(), [](const Tally& a, const Tally& b) { return a.dots > b.dots; });
  return out;
}

std::vector<std::int64_t> highlighted(const Board& board, std::size_t top) {
  std::vector<std::int64_t> out;
  auto results = vote_results(board);
  int cut = 0;
  for (std::size_t i = 0; i < results.size(); ++i) {
    if (results[i].dots == 0) break;
    if (i >= top && results[i].dots < cut) break;
    out.push_back(results[i].note_id);
    cut = results[i].dots;
  }
  return out;
}

}  // namespace hs::vision
