#include "modules/wordcloud/rules/vocabulary.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "modules/wordcloud/rules/normalise.hpp"
#include "modules/wordcloud/rules/stemmer.hpp"

namespace hs::wordcloud {
namespace {

std::string join(const std::vector<std::string>& words, std::size_t from, std::size_t n) {
  std::string out;
  for (std::size_t i = from; i < from + n; ++i) {
    if (i > from) out += ' ';
    out += words[i];
  }
  return out;
}

// True when some run of up to `longest` consecutive items, joined, is in `set`.
bool any_run_in(const std::vector<std::string>& items, const std::unordered_set<std::string>& set,
                std::size_t longest) {
  for (std::size_t from = 0; from < items.size(); ++from)
    for (std::size_t n = 1; n <= longest && from + n <= items.size(); ++n)
      if (set.contains(join(items, from, n))) return true;
  return false;
}

}  // namespace

void Vocabulary::add_stop_words(std::string_view list) {
  for (auto line : hs::text::content_lines(list)) {
    auto words = split_words(normalise(line));
    if (!words.empty()) stop_.insert(join(words, 0, words.size()));
  }
}

void Vocabulary::add_profanity(std::string_view list, Stemmer& stemmer) {
  for (auto line : hs::text::content_lines(list)) {
    auto words = split_words(normalise(line));
    if (words.empty()) continue;
    std::vector<std::string> stems;
    for (const auto& w : words) stems.push_back(stemmer.stem(w));
    profane_words_.insert(join(words, 0, words.size()));
    profane_stems_.insert(join(stems, 0, stems.size()));
    longest_ = std::max(longest_, words.size());
  }
}

bool Vocabulary::all_stop_words(const std::vector<std::string>& words) const {
  if (words.empty()) return false;
  if (stop_.contains(join(words, 0, words.size()))) return true;  // a listed phrase
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) { return stop_.contains(w); });
}

bool Vocabulary::profane(const std::vector<std::string>& words, const std::vector<std::string>& stems) const {
  if (any_run_in(words, profane_words_, longest_) || any_run_in(stems, profane_stems_, longest_)) return true;
  // Spelled out a letter at a time: "f u c k", "f-u-c-k".
  if (words.size() >= 3 && std::all_of(words.begin(), words.end(), [](const std::string& w) {
        return hs::text::length(w) == 1;
      })) {
    std::string joined;
    for (const auto& w : words) joined += w;
    return profane_words_.contains(joined);
  }
  return false;
}

}  // namespace hs::wordcloud
