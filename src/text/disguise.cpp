#include "text/disguise.hpp"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/uspoof.h>

#include <algorithm>
#include <mutex>
#include <stdexcept>
#include <unordered_map>

#include "core/text.hpp"

namespace hs::text {
namespace {

// How a symbol or digit inside a word is read. Two readings where people use it for
// either letter ("1": i or l). Only inside a word that has letters: "2024" stays a number.
const std::vector<std::string>* leet(char32_t c) {
  static const std::unordered_map<char32_t, std::vector<std::string>> table = {
      {U'0', {"o"}},      {U'1', {"i", "l"}}, {U'3', {"e"}}, {U'4', {"a"}}, {U'5', {"s"}}, {U'6', {"g", "b"}},
      {U'7', {"t"}},      {U'8', {"b"}},      {U'9', {"g"}}, {U'@', {"a"}}, {U'$', {"s"}}, {U'!', {"i", "l"}},
      {U'|', {"i", "l"}}, {U'+', {"t"}},      {U'(', {"c"}}, {U'<', {"c"}}, {U'[', {"c"}}, {U'{', {"c"}},
      {U'€', {"e"}},      {U'£', {"l", "e"}}, {U'¢', {"c"}}, {U'§', {"s"}}, {U'¡', {"i"}}, {U'×', {"x"}},
  };
  auto it = table.find(c);
  return it == table.end() ? nullptr : &it->second;
}

// Letters people swap for the one they mean and that sound or look the same: "fvck",
// "fuq", "kunt". Every reading is tried, so the word as written is always one.
const char* other_letter(char c) {
  switch (c) {
    case 'v': return "u";
    case 'q': return "k";
    case 'k': return "c";
    case 'y': return "i";
    default: return nullptr;
  }
}

// Between letters these only space them out: "f.u.c.k", "f_u_c_k", "f-u-c-k".
bool is_separator(char32_t c) {
  switch (c) {
    case U'.':
    case U'_':
    case U'-':
    case U'~':
    case U':':
    case U',':
    case U';':
    case U'/':
    case U'\\':
    case U'\'':
    case U'`':
    case U'"':
    case U'\u00B7':
    case U'\u2022':
    case U'\u2019':
    case U'\u2018':
    case U'\u2010':
    case U'\u2011':
    case U'\u2013':
    case U'\u2014':
    case U'\u2219':
    case U'\u30FB': return true;
    default: return false;
  }
}

// Doubled in English words only rarely, so "shiit" and "fuuck" are read as "shit" and
// "fuck" too; "ss", "tt", "ll" are left alone ("assess", "Twatt" and "bollocks" stay).
bool rarely_doubled(char c) {
  switch (c) {
    case 'a':
    case 'i':
    case 'u':
    case 'y':
    case 'h':
    case 'k':
    case 'w':
    case 'v':
    case 'j':
    case 'q':
    case 'x': return true;
    default: return false;
  }
}

const USpoofChecker* spoof_checker() {
  static const USpoofChecker* checker = [] {
    UErrorCode status = U_ZERO_ERROR;
    USpoofChecker* sc = uspoof_open(&status);
    if (U_FAILURE(status)) throw std::runtime_error("ICU spoof checker unavailable");
    return sc;
  }();
  return checker;
}

std::string to_utf8(char32_t c) {
  std::string s;
  icu::UnicodeString(static_cast<UChar32>(c)).toUTF8String(s);
  return s;
}

bool ascii_letter(char32_t c) { return c >= U'a' && c <= U'z'; }

// A piece of a word: the ways it can be read ("" drops it).
using Slot = std::vector<std::string>;

// Every combination of the slots' readings, first readings first, at most `limit`.
std::vector<std::string> combine(const std::vector<Slot>& slots, std::size_t limit) {
  std::vector<std::string> out{""};
  for (const auto& slot : slots) {
    std::vector<std::string> next;
    for (const auto& prefix : out)
      for (const auto& option : slot) {
        if (next.size() >= limit) break;
        next.push_back(prefix + option);
      }
    out = std::move(next);
  }
  return out;
}

// "shiiiit" -> shit, shiit; "shiit" -> shiit, shit; "phuck" -> phuck, fuck; "fuk" ->
// fuk, fuck; "fuckin" -> fuckin, fucking. A doubled first letter is a stutter ("ffs"
// aside, no English word starts with one but "ll", "aa" and "oo" loans).
void add_respellings(const std::string& word, std::vector<std::string>& out, std::size_t limit) {
  std::vector<Slot> slots;
  bool changed = false;
  for (std::size_t i = 0; i < word.size();) {
    std::size_t j = i;
    while (j < word.size() && word[j] == word[i]) ++j;
    std::size_t run = j - i;
    char c = word[i];
    if (c == 'p' && run == 1 && j < word.size() && word[j] == 'h') {
      slots.push_back({"ph", "f"});
      changed = true;
      i = j + 1;
      continue;
    }
    std::string as_written = word.substr(i, run);
    if (c == 'k' && run == 1 && i > 0 && std::string_view("aeiou").find(word[i - 1]) != std::string_view::npos) {
      slots.push_back({"k", "ck"});
      changed = true;
    } else if (c == 'n' && run == 1 && j == word.size() && i > 0 && word[i - 1] == 'i') {
      slots.push_back({"n", "ng"});
      changed = true;
    } else if (ascii_letter(static_cast<unsigned char>(c)) &&
               (run >= 3 || (run == 2 && (rarely_doubled(c) || i == 0)))) {
      slots.push_back({std::string(1, c), std::string(2, c)});
      if (run == 2) std::swap(slots.back()[0], slots.back()[1]);
      changed = true;
    } else {
      slots.push_back({as_written});
    }
    i = j;
  }
  if (!changed) return;
  for (auto& s : combine(slots, limit))
    if (out.size() < limit && std::find(out.begin(), out.end(), s) == out.end()) out.push_back(std::move(s));
}

struct Token {
  std::vector<Slot> slots;
  bool single = false;  // one letter (or stand-in) on its own: part of a spelled-out word
};

// Strips what only surrounds a word (brackets, quotes, "!" after it) and reads the rest.
Token read_token(const std::u32string& cps) {
  auto core = [](char32_t c) {
    if (c == U'*' || c == U'#') return true;
    if (c < 0x80)
      return ascii_letter(c) || (c >= U'0' && c <= U'9') || c == U'@' || c == U'$' || c == U'|' || c == U'+';
    return u_isalpha(static_cast<UChar32>(c)) || leet(c) != nullptr ||
           u_charType(static_cast<UChar32>(c)) == U_NON_SPACING_MARK;
  };
  std::size_t b = 0, e = cps.size();
  while (b < e && !core(cps[b])) ++b;
  while (e > b && !core(cps[e - 1])) --e;
  bool has_letter = false;
  for (std::size_t i = b; i < e; ++i) has_letter = has_letter || u_isalpha(static_cast<UChar32>(cps[i]));

  Token t;
  std::size_t shown = 0;
  for (std::size_t i = b; i < e; ++i) {
    char32_t c = cps[i];
    auto type = u_charType(static_cast<UChar32>(c));
    if (type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK) continue;  // strokes, accents
    if (ascii_letter(c)) {
      Slot s{std::string(1, static_cast<char>(c))};
      if (const char* o = other_letter(static_cast<char>(c))) s.emplace_back(o);
      t.slots.push_back(std::move(s));
    } else if (c == U'*' || c == U'#') {
      // At either end a star may be a hidden letter ("f***") or emphasis ("*shit*").
      if (i == b || i + 1 == e) t.slots.push_back({std::string(1, kHiddenLetter), ""});
      else t.slots.push_back({std::string(1, kHiddenLetter)});
    } else if (const auto* l = has_letter ? leet(c) : nullptr) {
      t.slots.push_back(*l);
    } else if (c >= U'0' && c <= U'9') {
      t.slots.push_back({std::string(1, static_cast<char>(c))});
    } else if (is_separator(c)) {
      t.slots.push_back({""});
      continue;
    } else if (u_isalpha(static_cast<UChar32>(c)) || u_isdigit(static_cast<UChar32>(c))) {
      auto look = latin_lookalike(c);
      t.slots.push_back({look.empty() ? to_utf8(c) : look});
    } else {
      t.slots.push_back({std::string(1, kHiddenLetter)});  // "f♥ck", "sh%t"
    }
    ++shown;
  }
  t.single = shown == 1 && !t.slots.empty() && t.slots.back().front().size() == 1;
  return t;
}

const icu::Normalizer2& casefold() {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* n = icu::Normalizer2::getNFKCCasefoldInstance(status);
  if (U_FAILURE(status) || n == nullptr) throw std::runtime_error("ICU normaliser unavailable");
  return *n;
}

std::vector<std::string> spellings(const std::vector<Slot>& slots, std::size_t limit) {
  std::vector<std::string> out;
  for (auto& s : combine(slots, limit)) {
    if (s.empty() || std::find(out.begin(), out.end(), s) != out.end()) continue;
    out.push_back(std::move(s));
  }
  const std::size_t n = out.size();
  for (std::size_t i = 0; i < n && out.size() < limit; ++i) add_respellings(std::string(out[i]), out, limit);
  return out;
}

}  // namespace

std::string latin_lookalike(char32_t c) {
  // Lower-case Cyrillic letters that look like Latin ones in most fonts but that the
  // confusables table maps elsewhere (to small capitals and the like).
  switch (c) {
    case U'\u043A': return "k";  // к
    case U'\u04BB': return "h";  // һ
    case U'\u0442': return "t";  // т
    case U'\u043C': return "m";  // м
    case U'\u043D': return "h";  // н
    case U'\u0432': return "b";  // в
    case U'\u0433': return "r";  // г
    case U'\u0438': return "u";  // и
    case U'\u043F': return "n";  // п
    default: break;
  }
  static std::mutex mu;
  static std::unordered_map<char32_t, std::string> cache;
  {
    std::lock_guard lock(mu);
    if (auto it = cache.find(c); it != cache.end()) return it->second;
  }
  UChar in[2];
  int32_t n = 0;
  UBool error = false;
  U16_APPEND(in, n, 2, static_cast<UChar32>(c), error);
  UChar out[32];
  UErrorCode status = U_ZERO_ERROR;
  int32_t len = uspoof_getSkeleton(spoof_checker(), 0, in, n, out, 32, &status);
  std::string result;
  if (!error && U_SUCCESS(status)) {
    // The skeleton is in NFD: accents come apart from their letters and are left out.
    icu::UnicodeString skel(out, len);
    bool plain = true;
    for (int32_t i = 0; i < skel.length(); i = skel.moveIndex32(i, 1)) {
      UChar32 s = skel.char32At(i);
      if (u_charType(s) == U_NON_SPACING_MARK) continue;
      s = u_tolower(s);
      if (s >= 'a' && s <= 'z') result += static_cast<char>(s);
      else if (const auto* l = leet(static_cast<char32_t>(s)); l && s < 0x80) result += l->front();
      else plain = false;
    }
    if (!plain) result.clear();
  }
  std::lock_guard lock(mu);
  if (cache.size() < 4096) cache.emplace(c, result);
  return result;
}

Readings undisguise(std::string_view text, std::size_t limit) {
  Readings r;
  if (!hs::text::valid_utf8(text) || limit == 0) return r;
  UErrorCode status = U_ZERO_ERROR;
  auto src = icu::UnicodeString::fromUTF8(icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  icu::UnicodeString folded = casefold().normalize(src, status);
  if (U_FAILURE(status)) return r;

  std::vector<Token> tokens;
  std::u32string cps;
  auto flush = [&] {
    if (cps.empty()) return;
    Token t = read_token(cps);
    if (!t.slots.empty()) tokens.push_back(std::move(t));
    cps.clear();
  };
  for (int32_t i = 0; i < folded.length(); i = folded.moveIndex32(i, 1)) {
    UChar32 c = folded.char32At(i);
    if (u_isUWhiteSpace(c) || u_charType(c) == U_CONTROL_CHAR) flush();
    else if (!(u_hasBinaryProperty(c, UCHAR_DEFAULT_IGNORABLE_CODE_POINT))) cps.push_back(static_cast<char32_t>(c));
  }
  flush();

  // Three or more letters on their own in a row are one word spelled out: "f u c k".
  for (std::size_t i = 0; i < tokens.size();) {
    std::size_t j = i;
    while (j < tokens.size() && tokens[j].single) ++j;
    if (j - i >= 3) {
      std::vector<Slot> joined;
      for (std::size_t k = i; k < j; ++k) joined.insert(joined.end(), tokens[k].slots.begin(), tokens[k].slots.end());
      r.words.push_back(spellings(joined, limit));
      i = j;
      continue;
    }
    for (std::size_t k = i; k < std::max(j, i + 1) && k < tokens.size(); ++k) {
      auto s = spellings(tokens[k].slots, limit);
      if (!s.empty()) r.words.push_back(std::move(s));
    }
    i = std::max(j, i + 1);
  }
  return r;
}

}  // namespace hs::text
