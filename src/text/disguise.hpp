#pragma once
// Disguised words taken apart before the profanity check. People hide a word from a
// filter by swapping letters for digits or symbols ("sh1t", "$hit", "@ss"), repeating
// letters ("shiiiit"), spacing it out ("f u c k", "f.u.c.k", "f_u_c_k"), hiding letters
// behind symbols ("f*ck", "c**t"), marking it with combining strokes, or borrowing
// letters from another script that look the same ("ѕhit" with a Cyrillic ѕ). This
// undoes each of those and returns what the entry could have meant. Pure: ICU's tables
// (case folding, Unicode confusables through its spoof checker), no I/O.
//
// Ordinary words come back as they are: only symbols, digits, runs of three or more of
// a letter, a few letters that rarely come doubled in English, and letters of other
// scripts are read differently. Whole words are never cut out of longer ones, so
// "Scunthorpe", "assess" and "cocktail" stay what they are.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hs::text {

// A letter hidden behind a symbol ("f*ck"): it agrees with any letter of a listed word.
inline constexpr char kHiddenLetter = '*';

struct Readings {
  // One entry per word of the entry (letters spelled out one at a time count as one
  // word): its possible spellings, case folded, the plainest first. A spelling holds
  // kHiddenLetter where a symbol stood for a letter nobody can tell.
  std::vector<std::vector<std::string>> words;
};

// At most `limit` spellings per word: a word that could be read in more ways is read
// in the first `limit` of them, plainest first.
Readings undisguise(std::string_view text, std::size_t limit = 64);

// The skeleton of one character under Unicode's confusables (UTS #39), lower case, with
// combining marks left out: "ѕ" (Cyrillic) -> "s", "ο" (Greek) -> "o", "é" -> "e".
// Empty when it has no plain Latin look-alike.
std::string latin_lookalike(char32_t c);

}  // namespace hs::text
