#pragma once
// The groups of a word-cloud item, without normalising every entry again on every
// page view and live snapshot: the item's tally is kept between builds and only
// entries not yet in it are added. Entries are read from the store each time, so the
// result is always the one a fresh build gives (see cloud_tally.cpp).
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/events/rules/cloud.hpp"
#include "services/fwd.hpp"
#include "text/language.hpp"

namespace hs::events::commands {

// entries: the item's entries in id order; decisions: its stored moderation; words:
// the event's own held and allowed words. Every group, as all_groups() of a fresh
// build_tally() gives them. Kept per server (Services::kept), for the 64 items used last.
Result<std::vector<CloudCount>> cloud_groups(Services& app, std::int64_t item_id, std::string_view language,
                                             std::int64_t max_chars, const std::vector<CloudEntry>& entries,
                                             const std::vector<CloudDecision>& decisions,
                                             const text::EventWords& words = {});

// Forgets every kept tally (tests).
void forget_cloud_tallies(Services& app);

}  // namespace hs::events::commands
