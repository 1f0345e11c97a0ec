#pragma once
// The events module's SQL for speaking queues (floor.hpp): rooms, hands and turns.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

namespace hs::store {
class Conn;
}

namespace hs::events::repo::floor {

struct FloorRow {
  std::int64_t id = 0;
  bool open = false, progressive = false;
  std::optional<std::string> round_order, round_done;
  std::int64_t version = 0;
};
// The room's queue, made on first use.
FloorRow get_or_make(store::Conn& c, std::int64_t event_id, std::int64_t group_id);
std::optional<FloorRow> find(store::Conn& c, std::int64_t event_id, std::int64_t group_id);
void touch(store::Conn& c, std::int64_t floor_id);  // version + 1
void set_open(store::Conn& c, std::int64_t floor_id, bool open);
void set_progressive(store::Conn& c, std::int64_t floor_id, bool progressive);
void set_round(store::Conn& c, std::int64_t floor_id, const std::optional<std::string>& order,
               const std::optional<std::string>& done);

struct HandRow {
  std::int64_t participant_id = 0, raised_at = 0;
  std::string name;  // nickname or account name; "" for a guest without one
};
std::vector<HandRow> hands(store::Conn& c, std::int64_t floor_id);
void raise(store::Conn& c, std::int64_t floor_id, std::int64_t participant_id, std::int64_t now);
// true when a hand was up.
bool lower(store::Conn& c, std::int64_t floor_id, std::int64_t participant_id);

struct TurnRow {
  std::int64_t participant_id = 0, started_at = 0;
  std::optional<std::int64_t> seconds;  // nothing: speaking now
};
std::vector<TurnRow> turns(store::Conn& c, std::int64_t floor_id);
std::optional<TurnRow> open_turn(store::Conn& c, std::int64_t floor_id);
void start_turn(store::Conn& c, std::int64_t floor_id, std::int64_t participant_id, std::int64_t now);
// Ends the open turn (if any) at now.
void end_turn(store::Conn& c, std::int64_t floor_id, std::int64_t now);

// Names (nickname, else account name, else "") of the event's participants.
std::map<std::int64_t, std::string> names(store::Conn& c, const std::vector<std::int64_t>& participant_ids);
bool in_event(store::Conn& c, std::int64_t event_id, std::int64_t participant_id);
// Every room of the event: group id (0: main room) to version.
std::map<std::int64_t, std::int64_t> versions(store::Conn& c, std::int64_t event_id);

}  // namespace hs::events::repo::floor
