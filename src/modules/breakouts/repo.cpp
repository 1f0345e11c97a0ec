#include "modules/breakouts/repo.hpp"

#include "store/db.hpp"
#include "store/id_list.hpp"

namespace hs::breakouts::repo {

namespace {

constexpr const char* kRoundColumns =
    "id, event_id, number, min_size, max_size, duration_minutes, created_at, prompts, mode, state, content_note, "
    "broadcast, figures, started_at, ends_at, ended_at, broadcast_at, keep_apart, keep_together, group_count, "
    "attributes_sealed, space_history, auto_end, use_equality";

constexpr const char* kInsertRound = R"(
INSERT INTO breakout_rounds (event_id, number, prompts, min_size, max_size, duration_minutes, content_note, mode,
  state, created_at, keep_apart, keep_together, group_count, attributes_sealed, space_history, auto_end, use_equality)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, 'planning', ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id)";
constexpr const char* kNextNumber = "SELECT COALESCE(MAX(number), 0) + 1 FROM breakout_rounds WHERE event_id = ?";
constexpr const char* kSetState =
    "UPDATE breakout_rounds SET state = ?, started_at = ?, ends_at = ?, ended_at = ? WHERE id = ?";
constexpr const char* kSetBroadcast = "UPDATE breakout_rounds SET broadcast = ?, broadcast_at = ? WHERE id = ?";
constexpr const char* kSetFigures = "UPDATE breakout_rounds SET figures = ? WHERE id = ?";
constexpr const char* kSetMode = "UPDATE breakout_rounds SET mode = ? WHERE id = ?";

constexpr const char* kClearGroups = "DELETE FROM breakout_groups WHERE round_id = ?";
constexpr const char* kClearPlaces = "DELETE FROM breakout_places WHERE round_id = ?";
constexpr const char* kInsertGroup = "INSERT INTO breakout_groups (round_id, number) VALUES (?, ?) RETURNING id";
constexpr const char* kGroups = "SELECT id, round_id, number FROM breakout_groups WHERE round_id = ? ORDER BY number";
constexpr const char* kPutPlace = R"(
INSERT INTO breakout_places (round_id, participant_id, group_id, host) VALUES (?, ?, ?, ?)
ON CONFLICT (round_id, participant_id) DO UPDATE SET group_id = excluded.group_id, host = excluded.host)";
constexpr const char* kRemovePlace = "DELETE FROM breakout_places WHERE round_id = ? AND participant_id = ?";
constexpr const char* kPlaces = R"(
SELECT p.participant_id, p.group_id, g.number, p.host, ep.user_id, ep.nickname
FROM breakout_places p JOIN breakout_groups g ON g.id = p.group_id
JOIN event_participants ep ON ep.id = p.participant_id
WHERE p.round_id = ? ORDER BY g.number, p.host DESC, p.participant_id)";
constexpr const char* kPlaceOf = R"(
SELECT p.participant_id, p.group_id, g.number, p.host, ep.user_id, ep.nickname
FROM breakout_places p JOIN breakout_groups g ON g.id = p.group_id
JOIN event_participants ep ON ep.id = p.participant_id
WHERE p.round_id = ? AND p.participant_id = ?)";
constexpr const char* kGroupSize = "SELECT COUNT(*) FROM breakout_places WHERE group_id = ?";
constexpr const char* kPlacedCount = "SELECT COUNT(*) FROM breakout_places WHERE round_id = ?";
constexpr const char* kPool = R"(
SELECT ep.id, ep.user_id, ep.nickname, m.role
FROM event_participants ep JOIN events e ON e.id = ep.event_id
LEFT JOIN memberships m ON m.space_id = e.space_id AND m.user_id = ep.user_id
WHERE ep.event_id = ? AND ep.stepped_out_at IS NULL ORDER BY ep.id)";
constexpr const char* kEveryone = "SELECT id, user_id, nickname FROM event_participants WHERE event_id = ? ORDER BY id";
constexpr const char* kEarlierPairs = R"(
SELECT a.participant_id, b.participant_id
FROM breakout_places a JOIN breakout_places b ON b.group_id = a.group_id AND b.participant_id > a.participant_id
JOIN breakout_rounds r ON r.id = a.round_id
WHERE r.event_id = ? AND r.number < ? AND r.started_at IS NOT NULL)";
constexpr const char* kSpacePairs = R"(
SELECT pa.user_id, pb.user_id
FROM breakout_places a JOIN breakout_places b ON b.group_id = a.group_id AND b.participant_id > a.participant_id
JOIN event_participants pa ON pa.id = a.participant_id JOIN event_participants pb ON pb.id = b.participant_id
JOIN breakout_rounds r ON r.id = a.round_id JOIN events e ON e.id = r.event_id
WHERE e.space_id = (SELECT space_id FROM events WHERE id = ?) AND e.id <> ? AND r.started_at IS NOT NULL
  AND pa.user_id IS NOT NULL AND pb.user_id IS NOT NULL)";

constexpr const char* kInsertNote = R"(
INSERT INTO breakout_notes (group_id, participant_id, for_group, body, created_at) VALUES (?, ?, ?, ?, ?) RETURNING id)";
constexpr const char* kNoteColumns = R"(
SELECT n.id, n.group_id, g.number, r.number, n.created_at, n.participant_id, ep.user_id, ep.nickname, n.for_group,
  n.body, tn.theme_id
FROM breakout_notes n JOIN breakout_groups g ON g.id = n.group_id JOIN breakout_rounds r ON r.id = g.round_id
LEFT JOIN event_participants ep ON ep.id = n.participant_id
LEFT JOIN event_theme_notes tn ON tn.note_id = n.id)";
constexpr const char* kNoteCount = "SELECT COUNT(*) FROM breakout_notes WHERE group_id = ?";
constexpr const char* kNoteCounts = R"(
SELECT n.group_id, COUNT(*) FROM breakout_notes n JOIN breakout_groups g ON g.id = n.group_id
WHERE g.round_id = ? GROUP BY n.group_id ORDER BY n.group_id)";

constexpr const char* kInsertHelp = "INSERT INTO breakout_help (group_id, asked_at) VALUES (?, ?) RETURNING id";
constexpr const char* kOpenHelpOf = "SELECT 1 FROM breakout_help WHERE group_id = ? AND resolved_at IS NULL";
constexpr const char* kOpenHelp = R"(
SELECT h.id, h.group_id, g.number, h.asked_at FROM breakout_help h JOIN breakout_groups g ON g.id = h.group_id
WHERE g.round_id = ? AND h.resolved_at IS NULL ORDER BY h.asked_at, h.id)";
constexpr const char* kResolveHelp = R"(
UPDATE breakout_help SET resolved_at = ?
WHERE id = ? AND resolved_at IS NULL AND group_id IN (SELECT id FROM breakout_groups WHERE round_id = ?))";

constexpr const char* kThemes =
    "SELECT id, event_id, position, title FROM event_themes WHERE event_id = ? ORDER BY position, id";
constexpr const char* kThemesById = R"(
SELECT t.id, t.event_id, t.position, t.title, e.space_id, e.title
FROM event_themes t JOIN events e ON e.id = t.event_id WHERE t.id IN )";
constexpr const char* kInsertTheme = R"(
INSERT INTO event_themes (event_id, position, title)
VALUES (?, (SELECT COALESCE(MAX(position), 0) + 1 FROM event_themes WHERE event_id = ?), ?) RETURNING id)";
constexpr const char* kRenameTheme = "UPDATE event_themes SET title = ? WHERE id = ? AND event_id = ?";
constexpr const char* kDeleteTheme = "DELETE FROM event_themes WHERE id = ? AND event_id = ?";
constexpr const char* kThemePosition = "UPDATE event_themes SET position = ? WHERE id = ?";
constexpr const char* kUnplaceNote = "DELETE FROM event_theme_notes WHERE note_id = ?";
constexpr const char* kPlaceNote = "INSERT INTO event_theme_notes (note_id, theme_id) VALUES (?, ?)";
constexpr const char* kNoteInEvent = R"(
SELECT 1 FROM breakout_notes n JOIN breakout_groups g ON g.id = n.group_id JOIN breakout_rounds r ON r.id = g.round_id
WHERE n.id = ? AND r.event_id = ?)";

constexpr const char* kForgetPlaces = "DELETE FROM breakout_places WHERE participant_id = ?";
constexpr const char* kUntieNotes = "UPDATE breakout_notes SET participant_id = NULL WHERE participant_id = ?";
constexpr const char* kPlacesOfUser = R"(
SELECT e.id, e.title, r.number, g.number, p.host
FROM breakout_places p JOIN event_participants ep ON ep.id = p.participant_id
JOIN breakout_groups g ON g.id = p.group_id JOIN breakout_rounds r ON r.id = p.round_id
JOIN events e ON e.id = r.event_id
WHERE ep.user_id = ? ORDER BY e.id, r.number)";
constexpr const char* kNotesOfUser = R"(
SELECT e.id, e.title, r.number, g.number, n.for_group, n.body, n.created_at
FROM breakout_notes n JOIN event_participants ep ON ep.id = n.participant_id
JOIN breakout_groups g ON g.id = n.group_id JOIN breakout_rounds r ON r.id = g.round_id
JOIN events e ON e.id = r.event_id
WHERE ep.user_id = ? ORDER BY n.created_at, n.id)";

store::Value opt(std::optional<std::int64_t> v) { return v ? store::Value(*v) : store::Value(store::Null{}); }

RoundRow round_from(const store::Row& r) {
  RoundRow x;
  x.id = r.i64(0), x.event_id = r.i64(1), x.number = r.i64(2), x.min_size = r.i64(3), x.max_size = r.i64(4);
  x.duration_minutes = r.i64(5), x.created_at = r.i64(6);
  x.prompts = r.text(7), x.mode = r.text(8), x.state = r.text(9);
  x.content_note = r.opt_text(10), x.broadcast = r.opt_text(11), x.figures = r.opt_text(12);
  x.started_at = r.opt_i64(13), x.ends_at = r.opt_i64(14), x.ended_at = r.opt_i64(15), x.broadcast_at = r.opt_i64(16);
  x.keep_apart = r.opt_text(17), x.keep_together = r.opt_text(18);
  x.group_count = r.opt_i64(19), x.attributes_sealed = r.opt_text(20), x.space_history = r.i64(21) != 0;
  x.auto_end = r.opt_i64(22).value_or(0) != 0;
  x.use_equality = r.opt_i64(23).value_or(0) != 0;
  return x;
}

PlaceRow place_from(const store::Row& r) {
  return PlaceRow{r.i64(0), r.i64(1), r.i64(2), r.i64(3) != 0, r.opt_i64(4), r.opt_text(5)};
}

NoteRow note_from(const store::Row& r) {
  NoteRow n;
  n.id = r.i64(0), n.group_id = r.i64(1), n.group_number = r.i64(2), n.round_number = r.i64(3);
  n.created_at = r.i64(4), n.participant_id = r.opt_i64(5), n.user_id = r.opt_i64(6), n.nickname = r.opt_text(7);
  n.for_group = r.i64(8) != 0, n.body = r.text(9), n.theme_id = r.opt_i64(10);
  return n;
}

}  // namespace

std::int64_t insert_round(store::Conn& c, const RoundRow& r) {
  store::Value note = r.content_note ? store::Value(*r.content_note) : store::Value(store::Null{});
  auto text = [](const std::optional<std::string>& t) { return t ? store::Value(*t) : store::Value(store::Null{}); };
  return c
      .one(kInsertRound, r.event_id, r.number, r.prompts, r.min_size, r.max_size, r.duration_minutes, note, r.mode,
           r.created_at, text(r.keep_apart), text(r.keep_together), opt(r.group_count), text(r.attributes_sealed),
           std::int64_t{r.space_history ? 1 : 0}, std::int64_t{r.auto_end ? 1 : 0},
           std::int64_t{r.use_equality ? 1 : 0})
      ->i64(0);
}

std::int64_t next_round_number(store::Conn& c, std::int64_t event_id) { return c.one(kNextNumber, event_id)->i64(0); }

std::vector<RoundRow> rounds_of(store::Conn& c, std::int64_t event_id) {
  std::vector<RoundRow> out;
  for (const auto& r : c.q(std::string("SELECT ") + kRoundColumns +
                               " FROM breakout_rounds WHERE event_id = ? "
                               "ORDER BY number",
                           event_id))
    out.push_back(round_from(r));
  return out;
}

std::optional<RoundRow> round(store::Conn& c, std::int64_t event_id, std::int64_t round_id) {
  auto r = c.one(std::string("SELECT ") + kRoundColumns + " FROM breakout_rounds WHERE id = ? AND event_id = ?",
                 round_id, event_id);
  if (!r) return std::nullopt;
  return round_from(*r);
}

std::optional<RoundRow> running_round(store::Conn& c, std::int64_t event_id) {
  auto r = c.one(std::string("SELECT ") + kRoundColumns +
                     " FROM breakout_rounds WHERE event_id = ? AND state = 'running' ORDER BY number DESC LIMIT 1",
                 event_id);
  if (!r) return std::nullopt;
  return round_from(*r);
}

void set_state(store::Conn& c, std::int64_t round_id, const std::string& state, std::optional<std::int64_t> started_at,
               std::optional<std::int64_t> ends_at, std::optional<std::int64_t> ended_at) {
  c.q(kSetState, state, opt(started_at), opt(ends_at), opt(ended_at), round_id);
}

void set_broadcast(store::Conn& c, std::int64_t round_id, const std::string& text, std::int64_t at) {
  c.q(kSetBroadcast, text, at, round_id);
}

void set_figures(store::Conn& c, std::int64_t round_id, const std::optional<std::string>& figures) {
  c.q(kSetFigures, figures ? store::Value(*figures) : store::Value(store::Null{}), round_id);
}

void set_mode(store::Conn& c, std::int64_t round_id, const std::string& mode) { c.q(kSetMode, mode, round_id); }

void clear_groups(store::Conn& c, std::int64_t round_id) {
  c.q(kClearPlaces, round_id);
  c.q(kClearGroups, round_id);
}

std::int64_t insert_group(store::Conn& c, std::int64_t round_id, std::int64_t number) {
  return c.one(kInsertGroup, round_id, number)->i64(0);
}

std::vector<GroupRow> groups_of(store::Conn& c, std::int64_t round_id) {
  std::vector<GroupRow> out;
  for (const auto& r : c.q(kGroups, round_id)) out.push_back({r.i64(0), r.i64(1), r.i64(2)});
  return out;
}

void put_place(store::Conn& c, std::int64_t round_id, std::int64_t participant_id, std::int64_t group_id, bool host) {
  c.q(kPutPlace, round_id, participant_id, group_id, std::int64_t{host ? 1 : 0});
}

void remove_place(store::Conn& c, std::int64_t round_id, std::int64_t participant_id) {
  c.q(kRemovePlace, round_id, participant_id);
}

std::vector<PlaceRow> places_of(store::Conn& c, std::int64_t round_id) {
  std::vector<PlaceRow> out;
  for (const auto& r : c.q(kPlaces, round_id)) out.push_back(place_from(r));
  return out;
}

std::optional<PlaceRow> place_of(store::Conn& c, std::int64_t round_id, std::int64_t participant_id) {
  auto r = c.one(kPlaceOf, round_id, participant_id);
  if (!r) return std::nullopt;
  return place_from(*r);
}

std::int64_t group_size(store::Conn& c, std::int64_t group_id) { return c.one(kGroupSize, group_id)->i64(0); }

std::int64_t placed_count(store::Conn& c, std::int64_t round_id) { return c.one(kPlacedCount, round_id)->i64(0); }

std::vector<PoolRow> pool(store::Conn& c, std::int64_t event_id) {
  std::vector<PoolRow> out;
  for (const auto& r : c.q(kPool, event_id)) out.push_back({r.i64(0), r.opt_i64(1), r.opt_text(2), r.opt_text(3)});
  return out;
}

std::vector<PoolRow> everyone(store::Conn& c, std::int64_t event_id) {
  std::vector<PoolRow> out;
  for (const auto& r : c.q(kEveryone, event_id)) out.push_back({r.i64(0), r.opt_i64(1), r.opt_text(2), std::nullopt});
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> earlier_pairs(store::Conn& c, std::int64_t event_id,
                                                                 std::int64_t before_number) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.q(kEarlierPairs, event_id, before_number)) out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

std::vector<std::pair<std::int64_t, std::int64_t>> space_pairs(store::Conn& c, std::int64_t event_id) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.q(kSpacePairs, event_id, event_id)) out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

std::int64_t insert_note(store::Conn& c, std::int64_t group_id, std::optional<std::int64_t> participant_id,
                         bool for_group, const std::string& body, std::int64_t now) {
  return c.one(kInsertNote, group_id, opt(participant_id), std::int64_t{for_group ? 1 : 0}, body, now)->i64(0);
}

std::vector<NoteRow> notes_of_group(store::Conn& c, std::int64_t group_id) {
  std::vector<NoteRow> out;
  for (const auto& r : c.q(std::string(kNoteColumns) + " WHERE n.group_id = ? ORDER BY n.id", group_id))
    out.push_back(note_from(r));
  return out;
}

std::vector<NoteRow> notes_of_event(store::Conn& c, std::int64_t event_id) {
  std::vector<NoteRow> out;
  for (const auto& r :
       c.q(std::string(kNoteColumns) + " WHERE r.event_id = ? ORDER BY r.number, g.number, n.id", event_id))
    out.push_back(note_from(r));
  return out;
}

std::int64_t note_count_of_group(store::Conn& c, std::int64_t group_id) { return c.one(kNoteCount, group_id)->i64(0); }

std::vector<std::pair<std::int64_t, std::int64_t>> note_counts(store::Conn& c, std::int64_t round_id) {
  std::vector<std::pair<std::int64_t, std::int64_t>> out;
  for (const auto& r : c.q(kNoteCounts, round_id)) out.emplace_back(r.i64(0), r.i64(1));
  return out;
}

std::int64_t insert_help(store::Conn& c, std::int64_t group_id, std::int64_t now) {
  return c.one(kInsertHelp, group_id, now)->i64(0);
}

bool has_open_help(store::Conn& c, std::int64_t group_id) { return c.one(kOpenHelpOf, group_id).has_value(); }

std::vector<HelpRow> open_help(store::Conn& c, std::int64_t round_id) {
  std::vector<HelpRow> out;
  for (const auto& r : c.q(kOpenHelp, round_id)) out.push_back({r.i64(0), r.i64(1), r.i64(2), r.i64(3)});
  return out;
}

bool resolve_help(store::Conn& c, std::int64_t round_id, std::int64_t help_id, std::int64_t now) {
  c.q(kResolveHelp, now, help_id, round_id);
  return c.changes() > 0;
}

std::vector<ThemeRow> themes_of(store::Conn& c, std::int64_t event_id) {
  std::vector<ThemeRow> out;
  for (const auto& r : c.q(kThemes, event_id)) out.push_back({r.i64(0), r.i64(1), r.i64(2), r.text(3)});
  return out;
}

std::vector<ThemeAt> themes_by_id(store::Conn& c, const std::vector<std::int64_t>& ids) {
  std::vector<ThemeAt> out;
  store::for_id_slices(ids, {}, [&](const std::string& in, const std::vector<store::Value>& args) {
    for (const auto& r : c.query(std::string(kThemesById) + in, args))
      out.push_back({{r.i64(0), r.i64(1), r.i64(2), r.text(3)}, r.i64(4), r.text(5)});
  });
  return out;
}

std::int64_t insert_theme(store::Conn& c, std::int64_t event_id, const std::string& title) {
  return c.one(kInsertTheme, event_id, event_id, title)->i64(0);
}

bool rename_theme(store::Conn& c, std::int64_t event_id, std::int64_t theme_id, const std::string& title) {
  c.q(kRenameTheme, title, theme_id, event_id);
  return c.changes() > 0;
}

bool delete_theme(store::Conn& c, std::int64_t event_id, std::int64_t theme_id) {
  c.q(kDeleteTheme, theme_id, event_id);
  return c.changes() > 0;
}

void set_theme_position(store::Conn& c, std::int64_t theme_id, std::int64_t position) {
  c.q(kThemePosition, position, theme_id);
}

void place_note(store::Conn& c, std::int64_t note_id, std::optional<std::int64_t> theme_id) {
  c.q(kUnplaceNote, note_id);
  if (theme_id) c.q(kPlaceNote, note_id, *theme_id);
}

bool note_in_event(store::Conn& c, std::int64_t event_id, std::int64_t note_id) {
  return c.one(kNoteInEvent, note_id, event_id).has_value();
}

void forget_participant(store::Conn& c, std::int64_t participant_id) {
  c.q(kForgetPlaces, participant_id);
  c.q(kUntieNotes, participant_id);
}

std::vector<MyPlace> places_of_user(store::Conn& c, std::int64_t user_id) {
  std::vector<MyPlace> out;
  for (const auto& r : c.q(kPlacesOfUser, user_id))
    out.push_back({r.i64(0), r.text(1), r.i64(2), r.i64(3), r.i64(4) != 0});
  return out;
}

std::vector<MyNote> notes_of_user(store::Conn& c, std::int64_t user_id) {
  std::vector<MyNote> out;
  for (const auto& r : c.q(kNotesOfUser, user_id))
    out.push_back({r.i64(0), r.text(1), r.i64(2), r.i64(3), r.i64(4) != 0, r.text(5), r.i64(6)});
  return out;
}

}  // namespace hs::breakouts::repo
