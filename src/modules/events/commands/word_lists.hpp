#pragma once
// An event's own word lists for its word clouds: words held for the facilitator to check
// besides the shipped list, and words never held. Every change rebuilds the event's
// clouds on the next view and reaches live screens.
#include <cstdint>
#include <string>
#include <vector>

#include "core/error.hpp"
#include "services/fwd.hpp"

namespace hs::events::commands {

struct EventWordLists {
  std::vector<std::string> held, allowed;  // sorted
};
EventWordLists event_word_lists(Services& app, std::int64_t event_id);

// kind: held | allowed. The word is tidied like a word-cloud entry (a word or a short
// phrase). Errors name the fields `word` (missing, too long, too many words) and `kind`.
Result<bool> add_event_word(Services& app, std::int64_t event_id, const std::string& kind, const std::string& word);
// Not found when the word is not on that list.
Result<bool> remove_event_word(Services& app, std::int64_t event_id, const std::string& kind, const std::string& word);

}  // namespace hs::events::commands
