#pragma once
#include <cstdint>
#include <functional>
#include <vector>

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
void add_participant_eraser(ParticipantEraser eraser);

}  // namespace hs::events
