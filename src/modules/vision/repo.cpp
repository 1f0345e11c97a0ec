#include "modules/vision/repo.hpp"

#include <map>

#include "store/db.hpp"

namespace hs::vision::repo {

namespace {

constexpr const char* kBoardColumns =
    "id, space_id, event_id, title, stage, dots_per_person, created_by, created_at, updated_at, item_id, version";
constexpr const char* kInsertBoard = R"(
INSERT INTO vision_boards (space_id, event_id, title, stage, dots_per_person, created_by, created_at, updated_at, item_id)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id)";
constexpr const char* kSetStage = "UPDATE vision_boards SET stage = ?, updated_at = ? WHERE id = ? AND stage = ?";
constexpr const char* kTouch = "UPDATE vision_boards SET updated_at = ?, version = version + 1 WHERE id = ?";
constexpr const char* kNotes = R"(
SELECT id, horizon, hidden, hide_reason, merged_into FROM vision_notes WHERE board_id = ? ORDER BY id)";
constexpr const char* kWords = R"(
SELECT w.note_id, w.text, w.author_id, w.participant_id FROM vision_note_words w JOIN vision_notes n ON n.id = w.note_id
WHERE n.board_id = ? ORDER BY w.note_id, w.position, w.id)";
constexpr const char* kDots = "SELECT note_id, voter_id, participant_id FROM vision_dots WHERE board_id = ? ORDER BY id";
constexpr const char* kInsertNote = R"(
INSERT INTO vision_notes (board_id, horizon, hidden, hide_reason, created_at) VALUES (?, ?, 0, '', ?) RETURNING id)";
constexpr const char* kInsertWords = R"(
INSERT INTO vision_note_words (note_id, original_note_id, position, text, author_id, participant_id)
VALUES (?, ?, ?, ?, ?, ?))";
constexpr const char* kSetHorizon = "UPDATE vision_notes SET horizon = ? WHERE id = ?";
constexpr const char* kSetHidden = "UPDATE vision_notes SET hidden = ?, hide_reason = ? WHERE id = ?";
constexpr const char* kMoveWords =
    "UPDATE vision_note_words SET note_id = ?, position = position + ? WHERE note_id = ?";
constexpr const char* kMergeNotes = "UPDATE vision_notes SET merged_into = ? WHERE id = ? OR merged_into = ?";
constexpr const char* kMoveDots = "UPDATE vision_dots SET note_id = ? WHERE note_id = ?";
constexpr const char* kInsertDot = R"(
INSERT INTO vision_dots (board_id, note_id, voter_id, participant_id, created_at) VALUES (?, ?, ?, ?, ?))";
constexpr const char* kDeleteDot = R"(
DELETE FROM vision_dots WHERE id = (SELECT MAX(id) FROM vision_dots WHERE note_id = ? AND voter_id = ?))";
constexpr const char* kDeleteParticipantDot = R"(
DELETE FROM vision_dots WHERE id = (SELECT MAX(id) FROM vision_dots WHERE note_id = ? AND participant_id = ?))";
constexpr const char* kWrittenBy = R"(
SELECT b.id, b.title, w.text FROM vision_note_words w JOIN vision_notes n ON n.id = w.original_note_id
JOIN vision_boards b ON b.id = n.board_id WHERE w.author_id = ? ORDER BY b.id, w.id)";

store::Value opt_id(const std::optional<std::int64_t>& v) { return v ? store::Value(*v) : store::Value(store::Null{}); }
store::Value person(std::int64_t id) { return id > 0 ? store::Value(id) : store::Value(store::Null{}); }

BoardRow from(const store::Row& r) {
  BoardRow b;
  b.id = r.i64(0);
  b.space_id = r.i64(1);
  b.event_id = r.opt_i64(2);
  b.title = r.text(3);
  b.stage = r.text(4);
  b.dots_per_person = static_cast<int>(r.i64(5));
  b.created_by = r.opt_i64(6);
  b.created_at = r.i64(7);
  b.updated_at = r.i64(8);
  b.item_id = r.opt_i64(9);
  b.version = r.i64(10);
  return b;
}

}  // namespace

std::int64_t insert_board(store::Conn& c, const BoardRow& b) {
  const store::Value args[] = {
      b.space_id,           opt_id(b.event_id), b.title,      b.stage,          std::int64_t{b.dots_per_person},
      opt_id(b.created_by), b.created_at,       b.updated_at, opt_id(b.item_id)};
  auto rows = c.query(kInsertBoard, args);
  return rows.empty() ? 0 : rows.at(0).i64(0);
}

std::optional<BoardRow> board_of_item(store::Conn& c, std::int64_t item_id) {
  auto r = c.one(std::string("SELECT ") + kBoardColumns + " FROM vision_boards WHERE item_id = ?", item_id);
  if (!r) return std::nullopt;
  return from(*r);
}

std::vector<BoardRow> boards_of_event(store::Conn& c, std::int64_t event_id) {
  std::vector<BoardRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kBoardColumns +
                               " FROM vision_boards WHERE event_id = ? AND item_id IS NOT NULL ORDER BY id",
                           event_id))
    out.push_back(from(r));
  return out;
}

std::map<std::int64_t, std::pair<std::optional<std::int64_t>, std::string>> participants_of(store::Conn& c,
                                                                                               std::int64_t event_id) {
  std::map<std::int64_t, std::pair<std::optional<std::int64_t>, std::string>> out;
  for (const auto& r : c.q("SELECT id, user_id, nickname FROM event_participants WHERE event_id = ?", event_id))
    out[r.i64(0)] = {r.opt_i64(1), r.opt_text(2).value_or("")};
  return out;
}

std::optional<BoardRow> board(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kBoardColumns + " FROM vision_boards WHERE id = ?", id);
  if (!r) return std::nullopt;
  return from(*r);
}

std::vector<BoardRow> boards_in(store::Conn& c, std::int64_t space_id) {
  std::vector<BoardRow> out;
  for (const auto& r :
       c.q(std::string("SELECT ") + kBoardColumns + " FROM vision_boards WHERE space_id = ? ORDER BY id DESC",
           space_id))
    out.push_back(from(r));
  return out;
}

bool set_stage(store::Conn& c, std::int64_t id, const std::string& from, const std::string& to, std::int64_t now) {
  c.q(kSetStage, to, now, id, from);
  return c.changes() == 1;
}

void touch(store::Conn& c, std::int64_t id, std::int64_t now) { c.q(kTouch, now, id); }

void lock_board(store::Conn& c, std::int64_t id) {
  c.q("UPDATE vision_boards SET updated_at = updated_at WHERE id = ?", id);
}

Board load(store::Conn& c, const BoardRow& row) {
  Board b;
  b.stage = stage_of(row.stage).value_or(Stage::done);
  b.settings.dots_per_person = row.dots_per_person;
  std::map<std::int64_t, std::size_t> at;
  for (const auto& r : c.q(kNotes, row.id)) {
    Note n;
    n.id = r.i64(0);
    n.horizon = horizon_of(r.text(1)).value_or(Horizon::h1);
    n.hidden = r.i64(2) != 0;
    n.hide_reason = r.text(3);
    n.merged_into = r.i64(4);
    at[n.id] = b.notes.size();
    b.notes.push_back(std::move(n));
  }
  for (const auto& n : b.notes)
    if (n.merged_into)
      if (auto it = at.find(n.merged_into); it != at.end()) b.notes[it->second].merged_from.push_back(n.id);
  // An event's board counts its participants; a space's, its members' accounts.
  const int who = row.item_id ? 3 : 2;
  for (const auto& r : c.q(kWords, row.id))
    if (auto it = at.find(r.i64(0)); it != at.end())
      b.notes[it->second].words.push_back(Words{r.text(1), r.opt_i64(who).value_or(0)});
  for (const auto& r : c.q(kDots, row.id)) b.dots.push_back(Dot{r.i64(0), r.opt_i64(who - 1).value_or(0)});
  return b;
}

std::int64_t insert_note(store::Conn& c, std::int64_t board_id, Horizon h, std::int64_t now) {
  return c.q(kInsertNote, board_id, std::string(key_of(h)), now).at(0).i64(0);
}

void insert_words(store::Conn& c, std::int64_t note_id, std::int64_t original_note_id, int position,
                  const std::string& text, std::int64_t author_id, std::int64_t participant_id) {
  c.q(kInsertWords, note_id, original_note_id, position, text, person(author_id), person(participant_id));
}

void set_horizon(store::Conn& c, std::int64_t note_id, Horizon h) { c.q(kSetHorizon, std::string(key_of(h)), note_id); }

void set_hidden(store::Conn& c, std::int64_t note_id, bool hidden, const std::string& reason) {
  c.q(kSetHidden, hidden, reason, note_id);
}

void merge(store::Conn& c, std::int64_t keep, std::int64_t other, int keep_words) {
  c.q(kMoveWords, keep, keep_words, other);
  c.q(kMergeNotes, keep, other, other);
  c.q(kMoveDots, keep, other);
}

void insert_dot(store::Conn& c, std::int64_t board_id, std::int64_t note_id, std::int64_t voter_id, std::int64_t now,
                std::int64_t participant_id) {
  c.q(kInsertDot, board_id, note_id, person(voter_id), person(participant_id), now);
}

void delete_dot(store::Conn& c, std::int64_t note_id, std::int64_t voter_id, std::int64_t participant_id) {
  if (participant_id > 0) c.q(kDeleteParticipantDot, note_id, participant_id);
  else c.q(kDeleteDot, note_id, voter_id);
}

namespace {

constexpr const char* kMapColumns =
    "id, space_id, question, moderated, version, created_by, created_at, updated_at, event_id, item_id";

MapRow map_from(const store::Row& r) {
  MapRow m;
  m.id = r.i64(0);
  m.space_id = r.i64(1);
  m.question = r.text(2);
  m.moderated = r.i64(3) != 0;
  m.version = r.i64(4);
  m.created_by = r.opt_i64(5);
  m.created_at = r.i64(6);
  m.updated_at = r.i64(7);
  m.event_id = r.opt_i64(8);
  m.item_id = r.opt_i64(9);
  return m;
}

StatementRow statement_from(const store::Row& r) {
  return StatementRow{r.i64(0), r.i64(1), r.text(2), r.text(3), r.i64(4)};
}

constexpr const char* kStatementColumns = "id, map_id, text, status, created_at";

}  // namespace

std::int64_t insert_map(store::Conn& c, const MapRow& m) {
  auto rows = c.q(R"(INSERT INTO vision_maps (space_id, question, moderated, version, created_by, created_at, updated_at,
event_id, item_id) VALUES (?, ?, ?, 0, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING RETURNING id)",
                  m.space_id, m.question, m.moderated, opt_id(m.created_by), m.created_at, m.updated_at,
                  opt_id(m.event_id), opt_id(m.item_id));
  return rows.empty() ? 0 : rows.at(0).i64(0);
}

std::optional<MapRow> map_of_item(store::Conn& c, std::int64_t item_id) {
  auto r = c.one(std::string("SELECT ") + kMapColumns + " FROM vision_maps WHERE item_id = ?", item_id);
  if (!r) return std::nullopt;
  return map_from(*r);
}

std::vector<MapRow> maps_of_event(store::Conn& c, std::int64_t event_id) {
  std::vector<MapRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kMapColumns +
                               " FROM vision_maps WHERE event_id = ? AND item_id IS NOT NULL ORDER BY id",
                           event_id))
    out.push_back(map_from(r));
  return out;
}

std::string statements_signature(store::Conn& c, std::int64_t map_id) {
  std::string out;
  for (const auto& r : c.q("SELECT status, COUNT(*) FROM vision_statements WHERE map_id = ? GROUP BY status ORDER BY status",
                           map_id))
    out += (out.empty() ? "" : ",") + r.text(0) + ":" + std::to_string(r.i64(1));
  return out;
}

void set_map_question(store::Conn& c, std::int64_t map_id, const std::string& question, bool moderated,
                      std::int64_t now) {
  c.q("UPDATE vision_maps SET question = ?, moderated = ?, version = version + 1, updated_at = ? WHERE id = ?",
      question, moderated, now, map_id);
}

void upsert_participant_vote(store::Conn& c, std::int64_t statement_id, std::int64_t participant_id, int vote,
                             std::int64_t now) {
  c.q(R"(INSERT INTO vision_participant_votes (statement_id, participant_id, vote, created_at) VALUES (?, ?, ?, ?)
ON CONFLICT (statement_id, participant_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at)",
      statement_id, participant_id, vote, now);
}

std::optional<MapRow> map(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kMapColumns + " FROM vision_maps WHERE id = ?", id);
  if (!r) return std::nullopt;
  return map_from(*r);
}

std::vector<MapRow> maps_in(store::Conn& c, std::int64_t space_id) {
  std::vector<MapRow> out;
  for (const auto& r :
       c.q(std::string("SELECT ") + kMapColumns + " FROM vision_maps WHERE space_id = ? ORDER BY id DESC", space_id))
    out.push_back(map_from(r));
  return out;
}

void bump(store::Conn& c, std::int64_t map_id, std::int64_t now) {
  c.q("UPDATE vision_maps SET version = version + 1, updated_at = ? WHERE id = ?", now, map_id);
}

std::int64_t insert_statement(store::Conn& c, std::int64_t map_id, const std::string& text, const std::string& status,
                              std::int64_t author_id, std::int64_t now, std::int64_t participant_id) {
  return c
      .q("INSERT INTO vision_statements (map_id, text, status, author_id, participant_id, created_at) "
         "VALUES (?, ?, ?, ?, ?, ?) "
         "RETURNING id",
         map_id, text, status, person(author_id), person(participant_id), now)
      .at(0)
      .i64(0);
}

std::optional<StatementRow> statement(store::Conn& c, std::int64_t id) {
  auto r = c.one(std::string("SELECT ") + kStatementColumns + " FROM vision_statements WHERE id = ?", id);
  if (!r) return std::nullopt;
  return statement_from(*r);
}

std::vector<StatementRow> statements(store::Conn& c, std::int64_t map_id) {
  std::vector<StatementRow> out;
  for (const auto& r :
       c.q(std::string("SELECT ") + kStatementColumns + " FROM vision_statements WHERE map_id = ? ORDER BY id", map_id))
    out.push_back(statement_from(r));
  return out;
}

void set_statement_status(store::Conn& c, std::int64_t id, const std::string& status) {
  c.q("UPDATE vision_statements SET status = ? WHERE id = ?", status, id);
}

void upsert_vote(store::Conn& c, std::int64_t statement_id, std::int64_t voter_id, int vote, std::int64_t now) {
  c.q(R"(INSERT INTO vision_votes (statement_id, voter_id, vote, created_at) VALUES (?, ?, ?, ?)
ON CONFLICT (statement_id, voter_id) DO UPDATE SET vote = excluded.vote, created_at = excluded.created_at)",
      statement_id, voter_id, vote, now);
}

std::vector<VoteRow> votes(store::Conn& c, std::int64_t map_id) {
  std::vector<VoteRow> out;
  // A space's map has its members' answers, an event's its participants' (never both).
  for (const auto& r : c.q(R"(SELECT v.statement_id, v.voter_id, v.vote FROM vision_votes v
JOIN vision_statements s ON s.id = v.statement_id WHERE s.map_id = ?
UNION ALL SELECT p.statement_id, p.participant_id, p.vote FROM vision_participant_votes p
JOIN vision_statements s ON s.id = p.statement_id WHERE s.map_id = ? ORDER BY 2, 1)",
                           map_id, map_id))
    out.push_back(VoteRow{r.i64(0), r.i64(1), static_cast<int>(r.i64(2))});
  return out;
}

std::vector<VoteRow> votes_of(store::Conn& c, std::int64_t map_id, std::int64_t voter_id, bool participant) {
  std::vector<VoteRow> out;
  for (const auto& r : c.q(participant ? R"(SELECT v.statement_id, v.participant_id, v.vote FROM vision_participant_votes v
JOIN vision_statements s ON s.id = v.statement_id WHERE s.map_id = ? AND v.participant_id = ?)"
                                       : R"(SELECT v.statement_id, v.voter_id, v.vote FROM vision_votes v
JOIN vision_statements s ON s.id = v.statement_id WHERE s.map_id = ? AND v.voter_id = ?)",
                           map_id, voter_id))
    out.push_back(VoteRow{r.i64(0), r.i64(1), static_cast<int>(r.i64(2))});
  return out;
}

std::vector<std::string> statements_by(store::Conn& c, std::int64_t user_id) {
  std::vector<std::string> out;
  for (const auto& r : c.q("SELECT text FROM vision_statements WHERE author_id = ? ORDER BY id", user_id))
    out.push_back(r.text(0));
  return out;
}

std::int64_t votes_by(store::Conn& c, std::int64_t user_id) {
  return c.q("SELECT COUNT(*) FROM vision_votes WHERE voter_id = ?", user_id).at(0).i64(0);
}

void erase_person(store::Conn& c, std::int64_t user_id) {
  c.q("UPDATE vision_statements SET author_id = NULL WHERE author_id = ?", user_id);
  // The maps they answered are computed again without them.
  c.q(R"(UPDATE vision_maps SET version = version + 1 WHERE id IN
(SELECT s.map_id FROM vision_statements s JOIN vision_votes v ON v.statement_id = s.id WHERE v.voter_id = ?))",
      user_id);
  c.q("DELETE FROM vision_votes WHERE voter_id = ?", user_id);
  c.q("UPDATE vision_maps SET created_by = NULL WHERE created_by = ?", user_id);
  c.q("UPDATE vision_note_words SET author_id = NULL WHERE author_id = ?", user_id);
  c.q("UPDATE vision_dots SET voter_id = NULL WHERE voter_id = ?", user_id);
  c.q("UPDATE vision_boards SET created_by = NULL WHERE created_by = ?", user_id);
}

void erase_participant(store::Conn& c, std::int64_t participant_id) {
  c.q("UPDATE vision_statements SET participant_id = NULL WHERE participant_id = ?", participant_id);
  c.q(R"(UPDATE vision_maps SET version = version + 1 WHERE id IN
(SELECT s.map_id FROM vision_statements s JOIN vision_participant_votes v ON v.statement_id = s.id
 WHERE v.participant_id = ?))",
      participant_id);
  c.q("DELETE FROM vision_participant_votes WHERE participant_id = ?", participant_id);
  c.q("UPDATE vision_note_words SET participant_id = NULL WHERE participant_id = ?", participant_id);
}

std::vector<WrittenRow> written_by(store::Conn& c, std::int64_t user_id) {
  std::vector<WrittenRow> out;
  for (const auto& r : c.q(kWrittenBy, user_id)) out.push_back(WrittenRow{r.i64(0), r.text(1), r.text(2)});
  return out;
}

AtEvents at_events(store::Conn& c, const std::vector<std::int64_t>& participant_ids) {
  AtEvents out;
  for (const auto id : participant_ids) {
    for (const auto& r : c.q(R"(SELECT b.event_id, b.title, w.text FROM vision_note_words w
JOIN vision_notes n ON n.id = w.original_note_id JOIN vision_boards b ON b.id = n.board_id
WHERE w.participant_id = ? ORDER BY b.id, w.id)",
                             id))
      out.notes.push_back({r.i64(0), r.text(1), r.text(2)});
    for (const auto& r : c.q("SELECT text FROM vision_statements WHERE participant_id = ? ORDER BY id", id))
      out.statements.push_back(r.text(0));
    out.dots += c.q("SELECT COUNT(*) FROM vision_dots WHERE participant_id = ?", id).at(0).i64(0);
    out.answers += c.q("SELECT COUNT(*) FROM vision_participant_votes WHERE participant_id = ?", id).at(0).i64(0);
  }
  return out;
}

std::int64_t dots_by(store::Conn& c, std::int64_t user_id) {
  return c.q("SELECT COUNT(*) FROM vision_dots WHERE voter_id = ?", user_id).at(0).i64(0);
}

}  // namespace hs::vision::repo
