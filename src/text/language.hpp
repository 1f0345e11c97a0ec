#pragma once
// The word lists the project ships, per language (resources/wordcloud/*-<lang>.txt,
// compiled into the binary), and a tally built on them.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "text/stemmer.hpp"
#include "text/vocabulary.hpp"

namespace hs::text {

// An event's own lists, one word or phrase a line: words to hold for checking besides
// the shipped list, and words never to hold (they win over both lists).
struct EventWords {
  std::string held;
  std::string allowed;
};

// Stop words and profanity for `language` (an ISO 639-1 code, "en" by default), plus an
// event's own stop words (one a line) and held and allowed words. A language without
// shipped lists gets only the event's lists. Fails with wordcloud_language_unknown for a
// language Snowball lacks.
Result<Vocabulary> shipped_vocabulary(std::string_view language, Stemmer& stemmer,
                                      std::string_view extra_stop_words = {}, const EventWords& event_words = {});

// The languages words can be grouped in: ISO 639-1 codes of the Snowball stemmers this
// build of libstemmer has, in the order of their English names ("ar", "hy", ..., "yi").
const std::vector<std::string>& languages();
bool known_language(std::string_view code);

}  // namespace hs::text
