#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "modules/events/commands/commands.hpp"  // re-exported: the use cases other modules drive
#include "modules/events/floor.hpp"              // re-exported: speaking queues (breakout groups have one too)
#include "modules/events/live.hpp"               // re-exported: the use cases other modules drive
#include "services/fwd.hpp"

namespace hs::web {
class App;
class Context;
}  // namespace hs::web
namespace hs {
class View;
}
namespace hs::equity {
struct Spread;
}
namespace hs::store {
class Conn;
}

namespace hs::events {

// Live learning events: agenda, join by code, polls, Q&A, word cloud, presenter screen.
void register_module(web::App& app);

// Erasing an account reaches what other modules keep about the person's participant
// records (breakouts: places in groups, named notes). Each registered function runs
// inside the erasure transaction with those records' ids, before the events module
// unties the records from the account (after which nothing finds them by person).
// Registered at start-up.
using ParticipantEraser = std::function<void(store::Conn&, const std::vector<std::int64_t>& participant_ids)>;
void add_participant_eraser(Services& app, ParticipantEraser eraser);
// The participant records a signed-in person took part through (one an event), for other
// modules' part in "download my data".
std::vector<std::int64_t> participant_ids_of(store::Conn& c, std::int64_t user_id);

// What an event's polls and Q&A produced, as its report shows them: plain values, in
// agenda order, for any item that was ever opened or has answers.
struct PollOptionResult {
  std::string label;
  std::int64_t votes = 0;
  int percent = 0;  // single choice: add up to 100 (largest remainder); multiple: of people
};
struct PollResult {
  std::string title;
  bool multiple = false;
  std::int64_t people = 0;  // who answered
  std::vector<PollOptionResult> options;
};
std::vector<PollResult> poll_results(Services& app, std::int64_t event_id);

struct AskedQuestion {
  std::string body;
  std::int64_t votes = 0;
  std::optional<std::string> asker;  // nothing: asked anonymously
  bool answered = false;
};
struct QaResult {
  std::string title;
  std::vector<AskedQuestion> questions;  // shown ones only (never hidden or waiting), most upvoted first
};
std::vector<QaResult> qa_results(Services& app, std::int64_t event_id);

// A speaking queue on a page (the "floor" partial): the main room's on the event and run
// pages, a breakout group's on the group page. base: where its forms post
// ("{base}/hand", "/lower", "/pass", "/give", "/end", "/progressive", "/round",
// "/round-stop", and the main room's "/open" and "/close").
struct FloorPage {
  floor::Room room;
  std::string base;
  bool host = false;         // may give the floor, end turns, change the order, go round
  bool taking_part = false;  // may raise a hand
  std::optional<std::int64_t> me;        // the person's participant record, if any
  std::vector<std::int64_t> people;      // the room's people here now (whom the host may give the floor to)
};
// Sets `floor` on v for the partial.
void add_floor(web::Context& c, View& v, const FloorPage& page);
// Sets `spread` on v for the "spread" partial: who has been heard, as a pattern (how many
// contributed, the most active fifth's share, people by band); about: who sees it.
void add_spread(web::Context& c, View& v, const equity::Spread& spread, const std::string& about);
// Does one of the forms' actions for the person; the caller then sends them back to the page.
Result<bool> floor_action(web::Context& c, const commands::Access& a, const FloorPage& page,
                          const std::string& action);
// The action just done, for the page's `floor_done` query: the floor then says what the
// press did ("The floor is Jo's.") where the page lands.
std::string floor_done(web::Context& c);

}  // namespace hs::events
