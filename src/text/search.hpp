#pragma once
// Words for full-text search, the same for what is indexed and what is asked: normalised
// (NFKC, case folded), split into words (normalise.hpp), each stemmed with Snowball, then
// everything but letters, digits and combining marks made a space. What is left are plain
// tokens separated by single spaces, which SQLite's unicode61 tokeniser and PostgreSQL's
// 'simple' configuration both read as the same tokens, so both engines find the same
// stories: "Respecting" and "respected" both become "respect".
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text/stemmer.hpp"

namespace hs::text {

// Every token of the text, in order, repeats kept (they count in ranking), joined by
// single spaces. Empty for text that is not UTF-8 or holds no letters or digits.
std::string search_words(std::string_view text, Stemmer& stemmer);

// A query's distinct tokens in the order typed, at most max_terms of them (the rest are
// dropped: a search is a few words, not a document).
inline constexpr std::size_t kSearchTermsMax = 8;
std::vector<std::string> search_terms(std::string_view query, Stemmer& stemmer,
                                      std::size_t max_terms = kSearchTermsMax);

}  // namespace hs::text
