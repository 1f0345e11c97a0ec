#include "text/language.hpp"

#include <string>

#include "core/embedded.hpp"

namespace hs::text {

Result<Vocabulary> shipped_vocabulary(std::string_view language, Stemmer& stemmer, std::string_view extra_stop_words,
                                      const EventWords& event_words) {
  // Only plain codes name a file: the language comes from an event's settings.
  if (language.empty() || language.size() > 8 ||
      language.find_first_not_of("abcdefghijklmnopqrstuvwxyz") != std::string_view::npos)
    return fail(ErrorCode::invalid, "wordcloud_language_unknown");
  std::string code(language);
  Vocabulary v;
  v.add_stop_words(hs::embedded::get("resources/wordcloud/stopwords-" + code + ".txt"));
  v.add_stop_words(extra_stop_words);
  v.add_profanity(hs::embedded::get("resources/wordcloud/profanity-" + code + ".txt"), stemmer);
  v.allow(hs::embedded::get("resources/wordcloud/allowed-" + code + ".txt"), stemmer);
  v.add_profanity(event_words.held, stemmer);
  v.allow(event_words.allowed, stemmer);
  return v;
}

const std::vector<std::string>& languages() {
  static const std::vector<std::string> known = [] {
    // Snowball's stemmers by ISO 639-1 code, ordered by their English names ("porter",
    // an older English stemmer, is left out).
    constexpr const char* kCodes[] = {"ar", "hy", "eu", "ca", "da", "nl", "en", "fi", "fr", "de",
                                      "el", "hi", "hu", "id", "ga", "it", "lt", "ne", "no", "pt",
                                      "ro", "ru", "sr", "es", "sv", "ta", "tr", "yi"};
    std::vector<std::string> out;
    for (const char* code : kCodes)
      if (Stemmer::make(code)) out.emplace_back(code);
    return out;
  }();
  return known;
}

bool known_language(std::string_view code) {
  for (const auto& l : languages())
    if (l == code) return true;
  return false;
}

}  // namespace hs::text
