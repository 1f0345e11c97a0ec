#pragma once
// Breakouts on the event's live channel: the part of every event snapshot that says what
// the latest round is doing (state, seconds left, the facilitator's message, how many
// notes each group has, how many groups wait for help). Pages fetch what changed.
#include <cstdint>
#include <string>

#include "services/fwd.hpp"

namespace hs::breakouts::live {

// JSON text, or "" when the event has no rounds.
std::string part(Services& app, std::int64_t event_id);

}  // namespace hs::breakouts::live
