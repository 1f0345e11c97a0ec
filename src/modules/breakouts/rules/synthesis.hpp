#pragma once
// A first grouping of what people said in breakout groups into themes, for the facilitator
// to accept, change or ignore. A pure function (no I/O, no clock): words found with ICU's
// word breaks, normalised and stemmed as the word cloud does (so "listening", "listened" and
// "listen" count as one), stop words dropped, TF-IDF vectors, cosine similarity, and
// agglomerative clustering with average linkage.
//
// Deterministic: the same notes give the same themes, in whatever order they are passed
// (notes are first sorted by id, then text; every tie is broken by note id).
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"

namespace hs::breakouts {

struct Note {
  std::int64_t id = 0;
  std::string text;  // UTF-8, any case and punctuation
};

struct SynthesisOptions {
  // The most themes returned, counting the "other things people said" group. At least 1.
  std::size_t max_themes = 8;
  // Groups of notes merge while their average cosine similarity is at least this.
  double min_similarity = 0.08;
  // Terms listed per theme, and how many of them make its suggested title.
  std::size_t top_terms = 6;
  std::size_t title_words = 3;
  // An event's own stop words, one a line (as for its word cloud), added to the language's.
  std::string extra_stop_words;
};

struct ThemeTerm {
  std::string word;       // the form people wrote most often in this theme ("listening")
  std::string stem;       // what the notes were matched on ("listen")
  double weight = 0;      // mean TF-IDF weight over the theme's notes, in (0, 1]
  std::size_t notes = 0;  // how many of the theme's notes use it
};

struct Theme {
  std::vector<std::int64_t> note_ids;  // ascending
  // The "other things people said" group: notes that fit no theme (too unlike the others,
  // only stop words, emoji or numbers, or beyond max_themes). Always last; no title.
  bool other = false;
  std::vector<std::string> title_words;  // shown forms of the top terms, most characteristic first
  std::string title;                     // title_words joined by ", " (a suggestion to edit)
  std::vector<ThemeTerm> terms;          // by weight, then stem
  // Mean cosine similarity over pairs of its notes; none for a single note.
  std::optional<double> cohesion;
};

struct SynthesisFigures {
  std::size_t themes = 0;                    // including the "other" group
  std::vector<std::size_t> notes_per_theme;  // in the order of the themes
  std::size_t other_notes = 0;               // notes in the "other" group
  // Mean of the cohesion of the themes with two or more notes (the "other" group left
  // out); none when there is no such theme.
  std::optional<double> mean_similarity;
};

struct Synthesis {
  // Every note in exactly one theme. Ordered by size (largest first), then by first note id;
  // the "other" group, if any, last.
  std::vector<Theme> themes;
  SynthesisFigures figures;
};

// language: an ISO 639-1 code of a Snowball stemmer (see text::languages()); its
// shipped stop words are used where the project has them. Fails with
// wordcloud_language_unknown for a language Snowball lacks. Memory grows with the square of
// the number of notes (about 16 MB for 2,000).
Result<Synthesis> suggest_themes(const std::vector<Note>& notes, std::string_view language = "en",
                                 const SynthesisOptions& options = {});

}  // namespace hs::breakouts
