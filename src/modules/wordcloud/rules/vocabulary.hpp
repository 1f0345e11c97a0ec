#pragma once
// The word lists a cloud consults: stop words (not shown) and a profanity list (held
// back for the facilitator). Lists are text, one word or phrase per line, '#' comments.
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

namespace hs::wordcloud {

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

  std::size_t stop_word_count() const { return stop_.size(); }

 private:
  std::unordered_set<std::string> stop_;
  // Words and stem sequences, each joined by single spaces.
  std::unordered_set<std::string> profane_words_;
  std::unordered_set<std::string> profane_stems_;
  std::size_t longest_ = 1;  // words in the longest listed phrase
};

}  // namespace hs::wordcloud
