#pragma once
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "modules/events/commands/commands.hpp"  // re-exported: the use cases other modules drive
#include "modules/events/live.hpp"               // re-exported: the use cases other modules drive
#include "services/fwd.hpp"

namespace hs::web {
class App;
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

}  // namespace hs::events
