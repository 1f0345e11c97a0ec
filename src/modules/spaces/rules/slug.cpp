#include "modules/spaces/rules/slug.hpp"

#include <algorithm>

namespace hs::spaces {

namespace {

// ASCII spellings of U+00C0..U+00FF (Latin-1 letters); "" separates words.
constexpr std::string_view kLatin1[64] = {
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // C0-CF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "ss",  // D0-DF
    "a", "a", "a", "a", "a", "a", "ae", "c", "e", "e", "e", "e", "i", "i", "i",  "i",   // E0-EF
    "d", "n", "o", "o", "o", "o", "o",  "",  "o", "u", "u", "u", "u", "y", "th", "y",   // F0-FF
};

// Drops a trailing hyphen left by cutting.
std::string trimmed(std::string s) {
  while (!s.empty() && s.back() == '-') s.pop_back();
  return s;
}

}  // namespace

std::string slug_from_name(std::string_view name) {
  std::string out;
  bool gap = false;
  auto put = [&](std::string_view letters) {
    if (letters.empty()) {
      gap = true;
      return;
    }
    if (gap && !out.empty()) out += '-';
    gap = false;
    out += letters;
  };
  for (std::size_t i = 0; i < name.size() && out.size() < kSlugMax + 8; ++i) {
    unsigned char ch = static_cast<unsigned char>(name[i]);
    if (ch < 0x80) {
      if (ch >= 'A' && ch <= 'Z') put(std::string(1, static_cast<char>(ch - 'A' + 'a')));
      else if ((ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9')) put(std::string(1, static_cast<char>(ch)));
      else if (ch == '\'') continue;  // "carers'" stays one word
      else put("");
      continue;
    }
    // Two-byte sequences C3 80..BF are U+00C0..U+00FF; ’ (E2 80 99) is an apostrophe.
    if (ch == 0xC3 && i + 1 < name.size()) {
      unsigned char next = static_cast<unsigned char>(name[i + 1]);
      if (next >= 0x80 && next <= 0xBF) {
        put(kLatin1[next - 0x80]);
        ++i;
        continue;
      }
    }
    if (name.substr(i, 3) == "\xE2\x80\x99") {
      i += 2;
      continue;
    }
    // Any other character separates words; skip its continuation bytes.
    put("");
    while (i + 1 < name.size() && (static_cast<unsigned char>(name[i + 1]) & 0xC0) == 0x80) ++i;
  }
  if (out.size() > kSlugMax) out = trimmed(out.substr(0, kSlugMax));
  if (out.size() < kSlugMin || !valid_slug(out)) return "space";
  return out;
}

bool valid_slug(std::string_view slug) {
  if (slug.size() < kSlugMin || slug.size() > kSlugMax) return false;
  if (slug.front() == '-' || slug.back() == '-') return false;
  for (std::size_t i = 0; i < slug.size(); ++i) {
    char ch = slug[i];
    bool ok = (ch >= 'a' && ch <= 'z') || (ch >= '0' && ch <= '9') || ch == '-';
    if (!ok) return false;
    if (ch == '-' && slug[i - 1] == '-') return false;
  }
  // /spaces/new is a page of its own.
  return slug != "new";
}

std::string first_free_slug(std::string_view base, const std::vector<std::string>& taken) {
  auto is_taken = [&](const std::string& s) { return std::find(taken.begin(), taken.end(), s) != taken.end(); };
  std::string b(base);
  if (!is_taken(b) && valid_slug(b)) return b;
  for (int n = 2;; ++n) {
    std::string suffix = "-" + std::to_string(n);
    std::string candidate = trimmed(b.substr(0, kSlugMax - suffix.size())) + suffix;
    if (!is_taken(candidate)) return candidate;
  }
}

}  // namespace hs::spaces
