#pragma once
// Who holds the floor: a speaking queue for an event's main room and for each breakout
// group. People raise a hand (and lower it); the host sees the queue in the order the floor
// is offered (first come, or "progressive stack": those who have spoken least so far
// first), gives someone the floor and ends their turn, and Humanspace keeps each turn's
// talk time. A go-round invites everyone in turn; anyone may pass. The room sees, unnamed,
// how talk time has been shared.
//
// Who may do what is the caller's to decide: the events module's pages for the main room
// (its facilitators host), the breakouts module's for a group (its host and the
// facilitators; only its members take part). Each write is one transaction; after commit the
// event's live channel hears of it.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "services/fwd.hpp"

namespace hs::events::commands {
struct Access;
}

namespace hs::events::floor {

// group_id 0: the event's main room; otherwise a breakout group's id.
struct Room {
  std::int64_t event_id = 0;
  std::int64_t group_id = 0;
};

struct Queued {
  std::int64_t participant_id = 0;
  std::string name;
  std::int64_t raised_at = 0;
  std::int64_t turns = 0;           // turns speaking in this room so far
  std::int64_t spoken_seconds = 0;  // talk time in this room so far
};
struct State {
  bool open = false;  // the main room's queue is offered (a group's always is)
  bool progressive = false;
  std::vector<Queued> queue;  // in the order the host offers the floor
  // Speaking now.
  std::optional<std::int64_t> speaker_id;
  std::string speaker_name;
  std::int64_t speaking_since = 0;
  // A go-round: on, who is invited now (0 when everyone has had their turn), how far.
  bool round_on = false;
  std::int64_t round_next = 0;
  std::string round_next_name;
  std::int64_t round_done = 0, round_total = 0;
  struct InRound {
    std::int64_t participant_id = 0;
    std::string name;
    bool done = false;  // has spoken or passed
  };
  std::vector<InRound> round_people;  // everyone the go-round invites, in its order
  // Talk time so far, one figure a person who spoke (seconds, most first), never named.
  std::vector<std::int64_t> talk_seconds;
  std::int64_t version = 0;
};
State state(Services& app, const Room& room);
// Turns speaking in the room by participant (for the spread of who was heard).
std::map<std::int64_t, std::int64_t> turns_by_participant(Services& app, const Room& room);
// Every room's version for the event ("0" is the main room), for the live snapshot.
std::map<std::int64_t, std::int64_t> versions(Services& app, std::int64_t event_id);

// A participant's own hand. Raising makes the person a participant of the event if they
// were not yet (a member on the event page). Raising twice keeps their first place.
Result<bool> raise_hand(Services& app, const commands::Access& a, const Room& room);
Result<bool> lower_hand(Services& app, const commands::Access& a, const Room& room);
// The person invited by a go-round passes (themselves, or the host for them).
Result<bool> pass(Services& app, const commands::Access& a, const Room& room, bool host,
                  std::optional<std::int64_t> participant_id = std::nullopt);

// The host's. Every one fails with events_forbidden when host is false.
Result<bool> set_open(Services& app, const Room& room, bool host, bool open);
Result<bool> set_progressive(Services& app, const Room& room, bool host, bool progressive);
// Gives the floor to a participant (their hand goes down; whoever was speaking stops). The
// participant must be in `present` (the room's people); in a go-round they are done.
Result<bool> give_floor(Services& app, const Room& room, bool host, std::int64_t participant_id,
                        const std::vector<std::int64_t>& present);
Result<bool> end_turn(Services& app, const Room& room, bool host);
// A go-round over these people, in this order (the room's people present).
Result<bool> start_round(Services& app, const Room& room, bool host, const std::vector<std::int64_t>& order);
Result<bool> stop_round(Services& app, const Room& room, bool host);

}  // namespace hs::events::floor
