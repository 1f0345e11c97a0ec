#pragma once
// Snowball stemming (libstemmer), so "listening", "listen" and "listened" count as one.
#include <memory>
#include <string>
#include <string_view>

#include "core/error.hpp"

struct sb_stemmer;

namespace hs::text {

class Stemmer {
 public:
  // language: a Snowball name or ISO 639 code ("english", "en", "fr", ...); unknown
  // languages fail with wordcloud_language_unknown.
  static Result<Stemmer> make(std::string_view language);
  // English; exists for every build of libstemmer.
  static Stemmer english();

  // One word, normalised. Not thread-safe: one Stemmer per thread or per tally.
  std::string stem(std::string_view word);

 private:
  struct Free {
    void operator()(sb_stemmer* s) const;
  };
  explicit Stemmer(sb_stemmer* s) : s_(s) {}
  std::unique_ptr<sb_stemmer, Free> s_;
};

// The grouping key of an entry: its normalised words (see split_words), each stemmed,
// joined by single spaces. Entries with the same key count together.
std::string group_key(std::string_view text, Stemmer& stemmer);

}  // namespace hs::text
