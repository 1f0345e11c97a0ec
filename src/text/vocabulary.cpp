#include "text/vocabulary.hpp"

#include <algorithm>

#include "core/text.hpp"
#include "text/disguise.hpp"
#include "text/normalise.hpp"
#include "text/stemmer.hpp"

namespace hs::text {
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

bool vowel(char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u' || c == 'y'; }

std::string without_vowels(const std::string& w) {
  std::string out;
  for (char c : w)
    if (!vowel(c)) out += c;
  return out;
}

bool ascii_word(const std::string& w) {
  return !w.empty() && std::all_of(w.begin(), w.end(), [](char c) { return c >= 'a' && c <= 'z'; });
}

// `listed` with the letters hidden in `pattern` filled in, when the pattern starts with
// it and agrees at every letter shown: ("f*cking", "fuck") -> "fucking". Empty otherwise,
// and when a letter stays hidden after it.
std::string fill_in(const std::string& pattern, const std::string& listed) {
  if (pattern.size() < listed.size()) return {};
  for (std::size_t i = 0; i < listed.size(); ++i)
    if (pattern[i] != kHiddenLetter && pattern[i] != listed[i]) return {};
  std::string rest = pattern.substr(listed.size());
  // A hidden letter after it: only in a short ending ("fuck*ng", "shit*y").
  if (rest.find(kHiddenLetter) != std::string::npos) return rest.size() <= 4 ? listed : std::string();
  return listed + rest;
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
    auto line_words = join(words, 0, words.size());
    allowed_.erase(line_words);
    if (profane_words_.insert(line_words).second && words.size() == 1) {
      single_words_.push_back(line_words);
      // Too short without vowels ("ss" from "ass") to tell from an abbreviation.
      if (auto bare = without_vowels(line_words); ascii_word(line_words) && bare.size() >= 3 && bare != line_words)
        without_vowels_.insert(bare);
    }
    profane_stems_.insert(join(stems, 0, stems.size()));
    longest_ = std::max(longest_, words.size());
  }
}

void Vocabulary::allow(std::string_view list, Stemmer& stemmer) {
  for (auto line : hs::text::content_lines(list)) {
    auto words = split_words(normalise(line));
    if (words.empty()) continue;
    auto line_words = join(words, 0, words.size());
    if (profane_words_.erase(line_words)) {
      std::vector<std::string> stems;
      for (const auto& w : words) stems.push_back(stemmer.stem(w));
      profane_stems_.erase(join(stems, 0, stems.size()));
      std::erase(single_words_, line_words);
      without_vowels_.erase(without_vowels(line_words));
    }
    allowed_.insert(line_words);
  }
}

bool Vocabulary::word_listed(const std::string& word, Stemmer& stemmer) const {
  if (allowed_.contains(word)) return false;
  auto stem = stemmer.stem(word);
  if (profane_words_.contains(word) || profane_stems_.contains(stem)) return true;
  // Written without vowels: "fck", and with an ending ("fcking", "shts"), which the
  // stemmer leaves on a word without vowels.
  auto bare = [&](const std::string& w) {
    return ascii_word(w) && std::none_of(w.begin(), w.end(), vowel) && without_vowels_.contains(w);
  };
  if (bare(word) || bare(stem)) return true;
  for (std::string_view ending : {"ing", "in", "ed", "er", "s"})
    if (word.size() > ending.size() + 2 && word.ends_with(ending) && bare(word.substr(0, word.size() - ending.size())))
      return true;
  return false;
}

bool Vocabulary::disguised(std::string_view entry, Stemmer& stemmer) const {
  auto readings = undisguise(entry);
  std::vector<std::string> plainest;
  for (const auto& spellings : readings.words) {
    for (const auto& s : spellings) {
      if (allowed_.contains(s)) break;  // the word as written is allowed
      if (s.find(kHiddenLetter) == std::string::npos) {
        if (word_listed(s, stemmer)) return true;
        continue;
      }
      // Letters hidden behind symbols: only with at least one letter shown ("***" is
      // nothing), against each listed word it could be.
      if (std::all_of(s.begin(), s.end(), [](char c) { return c == kHiddenLetter; })) continue;
      for (const auto& listed : single_words_)
        if (auto filled = fill_in(s, listed); !filled.empty() && word_listed(filled, stemmer)) return true;
    }
    plainest.push_back(spellings.front());
  }
  // Listed phrases, in the plainest reading.
  if (longest_ > 1 && plainest.size() > 1) {
    std::vector<std::string> stems;
    for (const auto& w : plainest) stems.push_back(stemmer.stem(w));
    return any_run_in(plainest, profane_words_, longest_) || any_run_in(stems, profane_stems_, longest_);
  }
  return false;
}

bool Vocabulary::all_stop_words(const std::vector<std::string>& words) const {
  if (words.empty()) return false;
  if (stop_.contains(join(words, 0, words.size()))) return true;  // a listed phrase
  return std::all_of(words.begin(), words.end(), [&](const std::string& w) { return stop_.contains(w); });
}

bool Vocabulary::profane(const std::vector<std::string>& words, const std::vector<std::string>& stems) const {
  for (std::size_t from = 0; from < words.size(); ++from)
    for (std::size_t n = 1; n <= longest_ && from + n <= words.size(); ++n) {
      if (n == 1 && allowed_.contains(words[from])) continue;
      if (profane_words_.contains(join(words, from, n))) return true;
      if (from + n <= stems.size() && profane_stems_.contains(join(stems, from, n))) return true;
    }
  // Spelled out a letter at a time: "f u c k", "f-u-c-k".
  if (words.size() >= 3 &&
      std::all_of(words.begin(), words.end(), [](const std::string& w) { return hs::text::length(w) == 1; })) {
    std::string joined;
    for (const auto& w : words) joined += w;
    return profane_words_.contains(joined);
  }
  return false;
}

}  // namespace hs::text
