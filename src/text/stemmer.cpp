#include "text/stemmer.hpp"

#include <libstemmer.h>

#include <stdexcept>

#include "text/normalise.hpp"

namespace hs::text {

void Stemmer::Free::operator()(sb_stemmer* s) const { sb_stemmer_delete(s); }

Result<Stemmer> Stemmer::make(std::string_view language) {
  std::string name(language);
  sb_stemmer* s = sb_stemmer_new(name.c_str(), nullptr);  // nullptr: UTF-8
  if (s == nullptr) return fail(ErrorCode::invalid, "wordcloud_language_unknown");
  return Stemmer(s);
}

Stemmer Stemmer::english() {
  auto s = make("english");
  if (!s) throw std::runtime_error("libstemmer has no English stemmer");
  return std::move(*s);
}

std::string Stemmer::stem(std::string_view word) {
  const sb_symbol* out =
      sb_stemmer_stem(s_.get(), reinterpret_cast<const sb_symbol*>(word.data()), static_cast<int>(word.size()));
  if (out == nullptr) throw std::bad_alloc();
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(sb_stemmer_length(s_.get())));
}

std::string group_key(std::string_view text, Stemmer& stemmer) {
  std::string key;
  for (const auto& word : split_words(normalise(text))) {
    if (!key.empty()) key += ' ';
    key += stemmer.stem(word);
  }
  return key;
}

}  // namespace hs::text
