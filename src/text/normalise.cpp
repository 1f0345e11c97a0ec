#include "text/normalise.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <stdexcept>

#include "core/text.hpp"

namespace hs::text {
namespace {

const icu::Normalizer2& normaliser(bool fold) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n =
      fold ? icu::Normalizer2::getNFKCCasefoldInstance(status) : icu::Normalizer2::getNFKCInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU normaliser unavailable");
  return *n;
}

bool is_space(UChar32 c) { return u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR; }

// Zero-width joiners and variation selectors shape emoji, so they stay; other
// invisible characters (zero-width spaces, soft hyphens) would only make two
// identical-looking entries differ.
bool is_invisible(UChar32 c) {
  if (c == 0x200D || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF)) return false;
  return u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
}

bool is_punctuation(UChar32 c) { return u_ispunct(c); }

std::string tidy(std::string_view text, bool fold) {
  if (!hs::text::valid_utf8(text)) return {};
  UErrorCode status = U_ZERO_ERROR;
  auto src = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString norm = normaliser(fold).normalize(src, status);
  if (U_FAILURE(status)) return {};

  // Collapse runs of white space into one space and drop invisible characters.
  std::u32string cps;
  bool pending_space = false;
  for (int32_t i = 0; i < norm.length(); i = norm.moveIndex32(i, 1)) {
    UChar32 c = norm.char32At(i);
    if (is_space(c)) {
      pending_space = !cps.empty();
      continue;
    }
    if (is_invisible(c)) continue;
    if (pending_space) cps.push_back(U' ');
    pending_space = false;
    cps.push_back(static_cast<char32_t>(c));
  }
  // Strip punctuation (and the spaces it uncovers) at both ends.
  std::size_t b = 0, e = cps.size();
  while (b < e && (cps[b] == U' ' || is_punctuation(static_cast<UChar32>(cps[b])))) ++b;
  while (e > b && (cps[e - 1] == U' ' || is_punctuation(static_cast<UChar32>(cps[e - 1])))) --e;

  icu::UnicodeString out;
  for (std::size_t i = b; i < e; ++i) out.append(static_cast<UChar32>(cps[i]));
  std::string utf8;
  out.toUTF8String(utf8);
  return utf8;
}

}  // namespace

std::string normalise(std::string_view text) { return tidy(text, true); }

std::string display_form(std::string_view text) { return tidy(text, false); }

std::vector<std::string> split_words(std::string_view normalised) {
  auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(normalised.data(), static_cast<int32_t>(normalised.size())));
  std::vector<std::string> words;
  icu::UnicodeString word;
  auto flush = [&] {
    int32_t b = 0, e = word.length();
    while (b < e && is_punctuation(word.char32At(b))) b = word.moveIndex32(b, 1);
    while (e > b) {
      int32_t prev = word.moveIndex32(e, -1);
      if (!is_punctuation(word.char32At(prev))) break;
      e = prev;
    }
    if (e > b) {
      std::string s;
      word.tempSubStringBetween(b, e).toUTF8String(s);
      words.push_back(std::move(s));
    }
    word.remove();
  };
  for (int32_t i = 0; i < u.length(); i = u.moveIndex32(i, 1)) {
    UChar32 c = u.char32At(i);
    if (is_space(c) || c == U'-' || c == 0x2010 || c == 0x2013 || c == 0x2014 || c == U'/') {
      flush();
      continue;
    }
    if (c == 0x2019 || c == 0x02BC) c = U'\'';
    word.append(c);
  }
  flush();
  return words;
}

}  // namespace hs::text
