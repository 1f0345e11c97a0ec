#pragma once
// What a person may put into a word cloud: a word or a short phrase.
#include <cstddef>
#include <string>
#include <string_view>

#include "core/error.hpp"

namespace hs::text {

struct EntryRules {
  std::size_t max_chars = 40;  // code points, after tidying
  std::size_t max_words = 4;
};

// Checks an entry and returns its display form (see display_form). Errors name the
// field "entry" with keys wordcloud_entry_empty, wordcloud_entry_invalid (not UTF-8 or
// control characters), wordcloud_entry_too_long and wordcloud_entry_too_many_words.
Result<std::string> validate_entry(std::string_view text, const EntryRules& rules = {});

}  // namespace hs::text
