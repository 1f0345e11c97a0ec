#pragma once
// An event's report, assembled from what the event produced: the facilitator's
// introduction, each word cloud (picture and table), the talks and their key messages,
// the breakout questions, the themes with every note they hold, and what happens next.
#include <cstdint>
#include <optional>

#include "modules/report/document.hpp"
#include "services/fwd.hpp"

namespace hs::report {

// Nothing when there is no such event. Anonymous notes are never attributed; a named
// note shows its author's display name (they agreed when they posted it); a host's note
// for the group shows the group.
std::optional<Document> build(Services& app, std::int64_t event_id);

// Where the word clouds are: item ids in the order of the report's figures.
std::vector<std::int64_t> cloud_items(Services& app, std::int64_t event_id);

}  // namespace hs::report
