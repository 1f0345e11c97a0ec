#pragma once
// The word lists the project ships, per language (resources/wordcloud/*-<lang>.txt,
// compiled into the binary), and a tally built on them.
#include <string_view>

#include "core/error.hpp"
#include "modules/wordcloud/rules/tally.hpp"

namespace hs::wordcloud {

// Stop words and profanity for `language` (an ISO 639-1 code, "en" by default), plus an
// event's own stop words (one a line). A language without shipped lists gets only the
// event's stop words. Fails with wordcloud_language_unknown for a language Snowball lacks.
Result<Vocabulary> shipped_vocabulary(std::string_view language, Stemmer& stemmer,
                                      std::string_view extra_stop_words = {});

Result<Tally> make_tally(std::string_view language = "en", EntryRules rules = {},
                         std::string_view extra_stop_words = {});

}  // namespace hs::wordcloud
