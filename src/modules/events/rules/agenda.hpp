#pragma once
// The order of an event's agenda, and moving through it. Pure.
#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace hs::events {

enum class Move { up, down };

// The agenda's item ids after moving `item` one place up or down; nothing when it is
// not there or is already first (up) or last (down).
std::optional<std::vector<std::int64_t>> moved(const std::vector<std::int64_t>& order, std::int64_t item, Move m);

// The item after `current` in agenda order: the first item when nothing is on (or what
// was on is gone); nothing at the end of the agenda or when it is empty.
std::optional<std::int64_t> next_item(const std::vector<std::int64_t>& order, std::optional<std::int64_t> current);

// The item before `current` in agenda order; nothing at the start, when nothing is on
// or what was on is gone.
std::optional<std::int64_t> previous_item(const std::vector<std::int64_t>& order, std::optional<std::int64_t> current);

// Whether moving onto an item opens it: an activity nobody has opened yet opens with one
// click; a talk has nothing to open, and a closed activity stays closed (its answers are
// final until the facilitator opens it again on purpose).
bool opens_on_arrival(std::string_view kind, std::string_view state);

// What a facilitator's "next" does to the item that was on: an open activity closes
// (its answers stay, and nobody can add more by mistake); anything else stays as it is.
bool closes_on_next(std::string_view kind, std::string_view state);

}  // namespace hs::events
