#pragma once
// The word lists a cloud consults: stop words (not shown) and a profanity list (held
// back for the facilitator). Lists are text, one word or phrase per line, '#' comments.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace hs::text {

class Stemmer;

class Vocabulary {
 public:
  // Every line is normalised (see normalise), so lists may be written in any case.
  void add_stop_words(std::string_view list);
  // Lines are matched on whole words and on their stems, so "swearing" matches a
  // listed "swear"; a phrase line matches those words in a row.
  void add_profanity(std::string_view list, Stemmer& stemmer);

  // True when every word is a stop word ("the", "of the"), or the words are a listed
  // phrase (an event's "co-production").
  bool all_stop_words(const std::vector<std::string>& words) const;
  // words and stems: an entry's split_words and their stems, in order.
  bool profane(const std::vector<std::string>& words, const std::vector<std::string>& stems) const;

  // Never held: an event's own words ("bugger" among friends, a reclaimed word), or
  // ordinary words whose stem is a listed one's ("crippling" and "cripple"). A listed
  // line that is allowed leaves the list, with its stem; other lines are exempt as
  // whole words.
  void allow(std::string_view list, Stemmer& stemmer);
  // True when some reading of the entry with its disguise taken off (see undisguise in
  // disguise.hpp) is a listed word, has a listed stem, or, with letters hidden behind
  // symbols, agrees with a listed word at every letter shown ("f*ck", "f*cking"). Also
  // a word written without vowels that is a listed word without its vowels ("fck").
  bool disguised(std::string_view entry, Stemmer& stemmer) const;

  std::size_t stop_word_count() const { return stop_.size(); }

 private:
  std::unordered_set<std::string> stop_;
  // Words and stem sequences, each joined by single spaces.
  std::unordered_set<std::string> profane_words_;
  std::unordered_set<std::string> profane_stems_;
  std::size_t longest_ = 1;                         // words in the longest listed phrase
  std::vector<std::string> single_words_;           // listed lines of one word
  std::unordered_set<std::string> without_vowels_;  // "fck": listed words, vowels left out
  std::unordered_set<std::string> allowed_;

  bool word_listed(const std::string& word, Stemmer& stemmer) const;
};

}  // namespace hs::text
