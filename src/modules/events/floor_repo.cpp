#include "modules/events/floor_repo.hpp"

#include "store/db.hpp"

namespace hs::events::repo::floor {

namespace {

constexpr const char* kFloorColumns =
    "SELECT id, open, progressive, round_order, round_done, version FROM event_floors WHERE event_id = ? AND "
    "group_id = ?";
constexpr const char* kMakeFloor =
    "INSERT INTO event_floors (event_id, group_id) VALUES (?, ?) ON CONFLICT (event_id, group_id) DO NOTHING";
constexpr const char* kTouch = "UPDATE event_floors SET version = version + 1 WHERE id = ?";
constexpr const char* kSetOpen = "UPDATE event_floors SET open = ?, version = version + 1 WHERE id = ?";
constexpr const char* kSetProgressive = "UPDATE event_floors SET progressive = ?, version = version + 1 WHERE id = ?";
constexpr const char* kSetRound =
    "UPDATE event_floors SET round_order = ?, round_done = ?, version = version + 1 WHERE id = ?";
constexpr const char* kHands = R"(SELECT h.participant_id, h.raised_at, COALESCE(p.nickname, u.display_name, '')
FROM event_hands h JOIN event_participants p ON p.id = h.participant_id LEFT JOIN users u ON u.id = p.user_id
WHERE h.floor_id = ? ORDER BY h.raised_at, h.participant_id)";
constexpr const char* kRaise =
    "INSERT INTO event_hands (floor_id, participant_id, raised_at) VALUES (?, ?, ?) ON CONFLICT (floor_id, "
    "participant_id) DO NOTHING";
constexpr const char* kLower = "DELETE FROM event_hands WHERE floor_id = ? AND participant_id = ?";
constexpr const char* kTurns =
    "SELECT participant_id, started_at, seconds FROM event_turns WHERE floor_id = ? ORDER BY id";
constexpr const char* kOpenTurn =
    "SELECT participant_id, started_at, seconds FROM event_turns WHERE floor_id = ? AND seconds IS NULL";
constexpr const char* kStartTurn =
    "INSERT INTO event_turns (floor_id, participant_id, started_at) VALUES (?, ?, ?)";
// A clock set back never makes a negative turn.
constexpr const char* kEndTurn = R"(UPDATE event_turns SET seconds = CASE WHEN ? > started_at THEN ? - started_at ELSE 0 END
WHERE floor_id = ? AND seconds IS NULL)";
constexpr const char* kName = R"(SELECT p.id, COALESCE(p.nickname, u.display_name, '') FROM event_participants p
LEFT JOIN users u ON u.id = p.user_id WHERE p.id = ?)";
constexpr const char* kInEvent = "SELECT 1 FROM event_participants WHERE id = ? AND event_id = ?";
constexpr const char* kVersions = "SELECT group_id, version FROM event_floors WHERE event_id = ?";

FloorRow floor_of(const store::Row& r) {
  return FloorRow{r.i64(0), r.i64(1) != 0, r.i64(2) != 0, r.opt_text(3), r.opt_text(4), r.i64(5)};
}

TurnRow turn_of(const store::Row& r) {
  TurnRow t{r.i64(0), r.i64(1), std::nullopt};
  if (!r.is_null(2)) t.seconds = r.i64(2);
  return t;
}

}  // namespace

std::optional<FloorRow> find(store::Conn& c, std::int64_t event_id, std::int64_t group_id) {
  auto r = c.one(kFloorColumns, event_id, group_id);
  if (!r) return std::nullopt;
  return floor_of(*r);
}

FloorRow get_or_make(store::Conn& c, std::int64_t event_id, std::int64_t group_id) {
  if (auto f = find(c, event_id, group_id)) return *f;
  c.q(kMakeFloor, event_id, group_id);
  return *find(c, event_id, group_id);
}

void touch(store::Conn& c, std::int64_t floor_id) { c.q(kTouch, floor_id); }
void set_open(store::Conn& c, std::int64_t floor_id, bool open) { c.q(kSetOpen, open, floor_id); }
void set_progressive(store::Conn& c, std::int64_t floor_id, bool progressive) {
  c.q(kSetProgressive, progressive, floor_id);
}
void set_round(store::Conn& c, std::int64_t floor_id, const std::optional<std::string>& order,
               const std::optional<std::string>& done) {
  c.q(kSetRound, order, done, floor_id);
}

std::vector<HandRow> hands(store::Conn& c, std::int64_t floor_id) {
  std::vector<HandRow> out;
  for (const auto& r : c.q(kHands, floor_id)) out.push_back(HandRow{r.i64(0), r.i64(1), r.text(2)});
  return out;
}

void raise(store::Conn& c, std::int64_t floor_id, std::int64_t participant_id, std::int64_t now) {
  c.q(kRaise, floor_id, participant_id, now);
}

bool lower(store::Conn& c, std::int64_t floor_id, std::int64_t participant_id) {
  c.q(kLower, floor_id, participant_id);
  return c.changes() > 0;
}

std::vector<TurnRow> turns(store::Conn& c, std::int64_t floor_id) {
  std::vector<TurnRow> out;
  for (const auto& r : c.q(kTurns, floor_id)) out.push_back(turn_of(r));
  return out;
}

std::optional<TurnRow> open_turn(store::Conn& c, std::int64_t floor_id) {
  auto r = c.one(kOpenTurn, floor_id);
  if (!r) return std::nullopt;
  return turn_of(*r);
}

void start_turn(store::Conn& c, std::int64_t floor_id, std::int64_t participant_id, std::int64_t now) {
  c.q(kStartTurn, floor_id, participant_id, now);
}

void end_turn(store::Conn& c, std::int64_t floor_id, std::int64_t now) { c.q(kEndTurn, now, now, floor_id); }

std::map<std::int64_t, std::string> names(store::Conn& c, const std::vector<std::int64_t>& participant_ids) {
  std::map<std::int64_t, std::string> out;
  for (auto id : participant_ids) {
    if (out.count(id)) continue;
    if (auto r = c.one(kName, id)) out.emplace(id, r->text(1));
  }
  return out;
}

bool in_event(store::Conn& c, std::int64_t event_id, std::int64_t participant_id) {
  return c.one(kInEvent, participant_id, event_id).has_value();
}

std::map<std::int64_t, std::int64_t> versions(store::Conn& c, std::int64_t event_id) {
  std::map<std::int64_t, std::int64_t> out;
  for (const auto& r : c.q(kVersions, event_id)) out.emplace(r.i64(0), r.i64(1));
  return out;
}

}  // namespace hs::events::repo::floor
