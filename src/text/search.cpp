#include "text/search.hpp"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

#include "text/normalise.hpp"

namespace hs::text {

namespace {

bool token_char(UChar32 c) {
  return u_isalnum(c) || (U_GET_GC_MASK(c) & U_GC_M_MASK) != 0;  // letters, digits, combining marks
}

// Calls f(token) for each token of a stemmed word: runs of token characters.
template <class F>
void tokens_of(std::string_view word, F&& f) {
  const auto* s = reinterpret_cast<const uint8_t*>(word.data());
  const auto n = static_cast<int32_t>(word.size());
  int32_t start = -1;
  for (int32_t i = 0; i < n;) {
    const int32_t at = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    const bool keep = c >= 0 && token_char(c);
    if (keep && start < 0) start = at;
    if (!keep && start >= 0) {
      f(word.substr(static_cast<std::size_t>(start), static_cast<std::size_t>(at - start)));
      start = -1;
    }
  }
  if (start >= 0) f(word.substr(static_cast<std::size_t>(start)));
}

}  // namespace

std::string search_words(std::string_view text, Stemmer& stemmer) {
  std::string out;
  for (const auto& word : split_words(normalise(text)))
    tokens_of(stemmer.stem(word), [&](std::string_view t) {
      if (!out.empty()) out += ' ';
      out.append(t);
    });
  return out;
}

std::vector<std::string> search_terms(std::string_view query, Stemmer& stemmer, std::size_t max_terms) {
  std::vector<std::string> out;
  for (const auto& word : split_words(normalise(query))) {
    tokens_of(stemmer.stem(word), [&](std::string_view t) {
      if (out.size() < max_terms && std::find(out.begin(), out.end(), t) == out.end()) out.emplace_back(t);
    });
    if (out.size() >= max_terms) break;
  }
  return out;
}

}  // namespace hs::text
