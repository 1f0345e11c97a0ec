#pragma once
// How a word-cloud entry is tidied before it is counted. Pure functions over UTF-8.
#include <string>
#include <string_view>
#include <vector>

namespace hs::text {

// NFKC with case folding, white space collapsed to single spaces and trimmed, and
// punctuation stripped at both ends: "  Listening!! " -> "listening". Empty when the
// input is not valid UTF-8 or holds nothing but spaces and punctuation.
std::string normalise(std::string_view text);

// The same tidying without case folding: what the person typed, as the cloud shows it
// ("  Listening!! " -> "Listening").
std::string display_form(std::string_view text);

// The words of a normalised text for grouping and list matching: split at spaces and
// hyphens, with punctuation stripped at the ends of each word and typographic
// apostrophes made plain ("people’s co-production," -> "people's", "co", "production").
std::vector<std::string> split_words(std::string_view normalised);

}  // namespace hs::text
