#pragma once
// The shipped font, loaded once for the word-cloud tests that lay words out.
#include <stdexcept>

#include "modules/wordcloud/font.hpp"

namespace hs::wordcloud::test_support {

inline const Font& font() {
  static Font f = [] {
    auto r = Font::shipped(400);
    if (!r) throw std::runtime_error(r.error().message_key);
    return std::move(*r);
  }();
  return f;
}

}  // namespace hs::wordcloud::test_support
