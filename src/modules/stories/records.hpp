#pragma once
// What the stories module hands out for the Care Opinion figures, as plain data: the
// front door offers them and the repo fills them (docs/architecture.md, rule 6).
#include <cstdint>
#include <optional>

namespace hs::stories {

// Each published story of the space that names at least one organisation it is about
// (this module's meaning of "raises a concern"), when it was shared and when a partner
// first responded. Withdrawn and held stories are left out.
struct ConcernFacts {
  std::int64_t story_id = 0;
  std::int64_t shared_at = 0;
  std::optional<std::int64_t> first_response_at;
};

// The same figures as SQL aggregates, for pages that must not read a row per story: how
// many concerns, how many got a partner's response, and the median whole days to it
// (nothing when none did).
struct ConcernTotals {
  std::int64_t concerns = 0, answered = 0;
  std::optional<std::int64_t> median_days;
};

}  // namespace hs::stories
