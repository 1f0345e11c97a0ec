#pragma once
// Word cloud on the word-cloud engine: entries grouped by their stems in the event's
// language, stop words counted but not shown, listed words held for the facilitator,
// and the facilitator's decisions (hide, restore, merge, rename) kept as rows so the
// count can be rebuilt from the stored entries at any time. Pure.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "text/language.hpp"
#include "text/tally.hpp"

namespace hs::events {

struct CloudCount {
  std::string text;  // the facilitator's name for it, else the most common form
  std::int64_t count = 0;
  std::string key;     // the engine's group key
  std::string status;  // shown | held | hidden | stop_word
};

// One stored moderation decision. kind: merged (key is counted in value) |
// visibility (value: shown | hidden) | renamed (value is the text shown for key).
struct CloudDecision {
  std::string kind, key, value;
};
std::vector<CloudDecision> to_decisions(const text::Moderation& m);
text::Moderation from_decisions(const std::vector<CloudDecision>& rows);

struct CloudEntry {
  std::int64_t id = 0;
  std::string body;
};
// The tally of an item: its entries in the order written, then its stored decisions.
// Fails with wordcloud_language_unknown.
Result<text::Tally> build_tally(std::string_view language, std::int64_t max_chars,
                                const std::vector<CloudEntry>& entries, const std::vector<CloudDecision>& decisions,
                                const text::EventWords& words = {});

// Every group, most entries first, then the earliest written.
std::vector<CloudCount> all_groups(const text::Tally& t);
// Only what everyone may see.
std::vector<CloudCount> shown_groups(const std::vector<CloudCount>& all);

// A word or short phrase (at most max_chars characters, 4 words); and at most `max`
// entries per person. Returns the tidied entry. Errors name the field "entry".
Result<std::string> check_entry(const std::string& text, std::int64_t already, std::int64_t max,
                                std::int64_t max_chars = 40);

}  // namespace hs::events
