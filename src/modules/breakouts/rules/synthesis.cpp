#include "modules/breakouts/rules/synthesis.hpp"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <cmath>
#include <memory>
#include <numeric>
#include <stdexcept>
#include <unordered_map>
#include <utility>

#include "text/language.hpp"
#include "text/normalise.hpp"
#include "text/stemmer.hpp"
#include "text/vocabulary.hpp"

namespace hs::breakouts {
namespace {

constexpr std::size_t kNone = static_cast<std::size_t>(-1);

struct Occurrence {
  std::size_t term;
  std::size_t form;
};

// A note's TF-IDF vector: (term, weight) pairs by term, L2-normalised.
using Vector = std::vector<std::pair<std::size_t, double>>;

// What the words of every note come to: terms (stems) and the forms people wrote.
struct Corpus {
  std::vector<std::string> stems;                    // by term id, in order of first use
  std::vector<std::string> forms;                    // as written ("Listening")
  std::vector<std::string> form_folds;               // normalised ("listening")
  std::vector<std::vector<Occurrence>> occurrences;  // per note, in reading order
};

class Tokeniser {
 public:
  Tokeniser(std::string_view language, hs::text::Stemmer& stemmer, const hs::text::Vocabulary& vocabulary)
      : stemmer_(stemmer), vocabulary_(vocabulary) {
    UErrorCode status = U_ZERO_ERROR;
    words_.reset(icu::BreakIterator::createWordInstance(icu::Locale(std::string(language).c_str()), status));
    if (U_FAILURE(status) || !words_) throw std::runtime_error("ICU word break iterator unavailable");
  }

  std::vector<Occurrence> read(std::string_view text, Corpus& corpus) {
    std::vector<Occurrence> out;
    // NFKC without case folding: the words as people wrote them, for titles.
    std::string shown = hs::text::display_form(text);
    if (shown.empty()) return out;
    auto u = icu::UnicodeString::fromUTF8(icu::StringPiece(shown.data(), static_cast<int32_t>(shown.size())));
    words_->setText(u);
    std::string token;
    for (int32_t start = words_->first(), end = words_->next(); end != icu::BreakIterator::DONE;
         start = end, end = words_->next()) {
      // Letters, kana and ideographs; spaces, punctuation, emoji and bare numbers are not
      // words that say what a note is about.
      if (words_->getRuleStatus() < UBRK_WORD_LETTER) continue;
      token.clear();
      u.tempSubStringBetween(start, end).toUTF8String(token);
      auto it = cache_.find(token);
      if (it == cache_.end()) it = cache_.emplace(token, analyse(token, corpus)).first;
      out.insert(out.end(), it->second.begin(), it->second.end());
    }
    return out;
  }

 private:
  std::vector<Occurrence> analyse(const std::string& token, Corpus& corpus) {
    std::vector<Occurrence> out;
    auto pieces = hs::text::split_words(hs::text::normalise(token));
    for (const auto& piece : pieces) {
      if (vocabulary_.all_stop_words({piece})) continue;
      std::string stem = stemmer_.stem(piece);
      if (stem.empty()) continue;
      auto t = term_ids_.try_emplace(stem, corpus.stems.size());
      if (t.second) corpus.stems.push_back(stem);
      const std::string& form = pieces.size() == 1 ? token : piece;
      auto f = form_ids_.try_emplace(form, corpus.forms.size());
      if (f.second) {
        corpus.forms.push_back(form);
        corpus.form_folds.push_back(piece);
      }
      out.push_back({t.first->second, f.first->second});
    }
    return out;
  }

  hs::text::Stemmer& stemmer_;
  const hs::text::Vocabulary& vocabulary_;
  std::unique_ptr<icu::BreakIterator> words_;
  std::unordered_map<std::string, std::vector<Occurrence>> cache_;
  std::unordered_map<std::string, std::size_t> term_ids_;
  std::unordered_map<std::string, std::size_t> form_ids_;
};

// Sublinear tf (1 + ln tf), smoothed idf (ln((1 + n) / (1 + df)) + 1), L2-normalised.
std::vector<Vector> tf_idf(const Corpus& corpus) {
  const std::size_t n = corpus.occurrences.size();
  std::vector<std::vector<std::pair<std::size_t, int>>> counts(n);
  std::vector<std::size_t> df(corpus.stems.size(), 0);
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<std::size_t> terms;
    for (const auto& o : corpus.occurrences[i]) terms.push_back(o.term);
    std::sort(terms.begin(), terms.end());
    for (std::size_t k = 0; k < terms.size();) {
      std::size_t e = k;
      while (e < terms.size() && terms[e] == terms[k]) ++e;
      counts[i].emplace_back(terms[k], static_cast<int>(e - k));
      ++df[terms[k]];
      k = e;
    }
  }
  std::vector<Vector> vectors(n);
  for (std::size_t i = 0; i < n; ++i) {
    double norm = 0;
    for (auto [term, tf] : counts[i]) {
      double idf = std::log((1.0 + static_cast<double>(n)) / (1.0 + static_cast<double>(df[term]))) + 1.0;
      double w = (1.0 + std::log(static_cast<double>(tf))) * idf;
      vectors[i].emplace_back(term, w);
      norm += w * w;
    }
    norm = std::sqrt(norm);
    for (auto& [term, w] : vectors[i]) w /= norm;
  }
  return vectors;
}

// Pairwise similarities of m items, upper triangle only.
class Triangle {
 public:
  explicit Triangle(std::size_t m) : m_(m), s_(m < 2 ? 0 : m * (m - 1) / 2, 0.0) {}
  double& at(std::size_t i, std::size_t j) {
    if (i > j) std::swap(i, j);
    return s_[i * (2 * m_ - i - 1) / 2 + (j - i - 1)];
  }

 private:
  std::size_t m_;
  std::vector<double> s_;
};

// Average-linkage agglomerative clustering of the items, merging while the best pair's
// similarity is at least `threshold`. The best pair is the most similar; among equals, the
// one whose lower item index is lowest, then whose higher is. A cluster is known by its
// lowest item index. Returns clusters as ascending item lists.
std::vector<std::vector<std::size_t>> cluster(const std::vector<Vector>& vectors, std::size_t terms, double threshold) {
  const std::size_t m = vectors.size();
  Triangle sim(m);
  // Cosine similarity from an inverted index: only pairs sharing a term are touched.
  std::vector<std::vector<std::pair<std::size_t, double>>> postings(terms);
  for (std::size_t i = 0; i < m; ++i)
    for (auto [term, w] : vectors[i]) postings[term].emplace_back(i, w);
  for (const auto& list : postings)
    for (std::size_t a = 0; a < list.size(); ++a)
      for (std::size_t b = a + 1; b < list.size(); ++b)
        sim.at(list[a].first, list[b].first) += list[a].second * list[b].second;

  std::vector<std::vector<std::size_t>> members(m);
  for (std::size_t i = 0; i < m; ++i) members[i] = {i};
  std::vector<char> active(m, 1);
  std::vector<std::size_t> nn(m, kNone);
  std::vector<double> nn_sim(m, -1.0);

  // nn[i]: the most similar active cluster j > i (lowest j among equals). Looking only
  // forward keeps updates cheap when many similarities are equal (identical notes): a merge
  // then disturbs few rows. The best pair is the best of the rows.
  auto rescan = [&](std::size_t i) {
    nn[i] = kNone;
    nn_sim[i] = -1.0;
    for (std::size_t j = i + 1; j < m; ++j) {
      if (!active[j]) continue;
      double s = sim.at(i, j);
      if (s > nn_sim[i]) {  // j ascending: on a tie the lower index stays
        nn[i] = j;
        nn_sim[i] = s;
      }
    }
  };
  for (std::size_t i = 0; i < m; ++i) rescan(i);

  for (std::size_t left = m; left > 1; --left) {
    std::size_t a = kNone;
    double best = -1.0;
    for (std::size_t i = 0; i < m; ++i) {
      if (!active[i] || nn[i] == kNone) continue;
      if (nn_sim[i] > best) {  // i ascending: on a tie the lower pair stays
        best = nn_sim[i];
        a = i;
      }
    }
    if (a == kNone || best < threshold) break;
    const std::size_t b = nn[a];

    // Lance-Williams for average linkage: the merged cluster's similarity to k is the
    // size-weighted mean of its parts'.
    const double na = static_cast<double>(members[a].size()), nb = static_cast<double>(members[b].size());
    for (std::size_t k = 0; k < m; ++k) {
      if (!active[k] || k == a || k == b) continue;
      sim.at(k, a) = (na * sim.at(k, a) + nb * sim.at(k, b)) / (na + nb);
    }
    active[b] = 0;
    const auto middle = static_cast<std::ptrdiff_t>(members[a].size());
    members[a].insert(members[a].end(), members[b].begin(), members[b].end());
    std::inplace_merge(members[a].begin(), members[a].begin() + middle, members[a].end());
    members[b].clear();

    for (std::size_t k = 0; k < b; ++k) {
      if (!active[k] || k == a) continue;
      if (nn[k] == a || nn[k] == b) {
        rescan(k);
      } else if (k < a) {
        // The merged similarity is no higher than the larger of its parts', so it can only
        // tie with k's best, and wins the tie when a is the lower index.
        double s = sim.at(k, a);
        if (s > nn_sim[k] || (s == nn_sim[k] && a < nn[k])) {
          nn[k] = a;
          nn_sim[k] = s;
        }
      }
    }
    rescan(a);
  }

  std::vector<std::vector<std::size_t>> out;
  for (std::size_t i = 0; i < m; ++i)
    if (active[i]) out.push_back(std::move(members[i]));
  return out;
}

// The form people used most often for each of `terms` among `notes`; on equal counts the
// lower-case one ("listening" before "Listening"), then the lower in byte order.
std::unordered_map<std::size_t, std::size_t> shown_forms(const Corpus& corpus, const std::vector<std::size_t>& notes,
                                                         const std::vector<std::size_t>& terms) {
  std::unordered_map<std::size_t, std::unordered_map<std::size_t, std::size_t>> counts;
  for (std::size_t t : terms) counts[t];
  for (std::size_t i : notes)
    for (const auto& o : corpus.occurrences[i]) {
      auto it = counts.find(o.term);
      if (it != counts.end()) ++it->second[o.form];
    }
  std::unordered_map<std::size_t, std::size_t> out;
  for (const auto& [term, forms] : counts) {
    std::size_t best = kNone, best_count = 0;
    auto lower = [&](std::size_t f) { return corpus.forms[f] == corpus.form_folds[f]; };
    for (const auto& [form, count] : forms) {
      bool wins =
          best == kNone || count > best_count ||
          (count == best_count && (lower(form) != lower(best) ? lower(form) : corpus.forms[form] < corpus.forms[best]));
      if (wins) {
        best = form;
        best_count = count;
      }
    }
    out[term] = best;
  }
  return out;
}

Theme describe(const Corpus& corpus, const std::vector<Vector>& vectors, const std::vector<std::size_t>& notes,
               const std::vector<std::int64_t>& ids, bool other, const SynthesisOptions& options,
               const hs::text::Vocabulary& vocabulary) {
  Theme theme;
  theme.other = other;
  for (std::size_t i : notes) theme.note_ids.push_back(ids[i]);
  std::sort(theme.note_ids.begin(), theme.note_ids.end());

  // The sum of the notes' unit vectors: its components over the note count are the mean
  // weights, and its squared length gives the mean pairwise cosine without visiting pairs.
  std::unordered_map<std::size_t, std::pair<double, std::size_t>> sum;  // term -> (weight, notes)
  std::size_t with_words = 0;
  for (std::size_t i : notes) {
    if (!vectors[i].empty()) ++with_words;
    for (auto [term, w] : vectors[i]) {
      auto& s = sum[term];
      s.first += w;
      ++s.second;
    }
  }
  std::vector<std::size_t> ranked;
  for (const auto& [term, s] : sum) ranked.push_back(term);
  std::sort(ranked.begin(), ranked.end(), [&](std::size_t x, std::size_t y) {
    if (sum[x].first != sum[y].first) return sum[x].first > sum[y].first;
    return corpus.stems[x] < corpus.stems[y];
  });
  const double count = static_cast<double>(notes.size());
  if (notes.size() >= 2) {
    double length2 = 0;  // summed in rank order, so the figure does not depend on hashing
    for (std::size_t t : ranked) length2 += sum[t].first * sum[t].first;
    double pairs = count * (count - 1);
    theme.cohesion = std::clamp((length2 - static_cast<double>(with_words)) / pairs, 0.0, 1.0);
  }
  // Title candidates: in a theme of several notes, words at least two of them use, when
  // there are any (a word from one note says little about the rest).
  std::vector<std::size_t> title_terms;
  if (!other && options.title_words > 0) {
    bool shared = notes.size() >= 2 &&
                  std::any_of(ranked.begin(), ranked.end(), [&](std::size_t t) { return sum[t].second >= 2; });
    for (std::size_t t : ranked) {
      if (title_terms.size() == options.title_words) break;
      if (shared && sum[t].second < 2) continue;
      // A suggested title may be accepted as it stands and end up in a public report.
      const std::string& stem = corpus.stems[t];
      if (vocabulary.profane({stem}, {stem})) continue;
      title_terms.push_back(t);
    }
  }
  std::vector<std::size_t> listed(ranked.begin(), ranked.begin() + std::min(ranked.size(), options.top_terms));
  std::vector<std::size_t> wanted = listed;
  wanted.insert(wanted.end(), title_terms.begin(), title_terms.end());
  auto forms = shown_forms(corpus, notes, wanted);

  for (std::size_t t : listed)
    theme.terms.push_back({corpus.forms[forms[t]], corpus.stems[t], sum[t].first / count, sum[t].second});
  for (std::size_t t : title_terms) theme.title_words.push_back(corpus.forms[forms[t]]);
  for (const auto& w : theme.title_words) {
    if (!theme.title.empty()) theme.title += ", ";
    theme.title += w;
  }
  return theme;
}

}  // namespace

Result<Synthesis> suggest_themes(const std::vector<Note>& notes, std::string_view language,
                                 const SynthesisOptions& options) {
  if (!hs::text::known_language(language)) return fail(ErrorCode::invalid, "wordcloud_language_unknown");
  auto stemmer = hs::text::Stemmer::make(language);
  if (!stemmer) return fail(stemmer.error());
  auto vocabulary = hs::text::shipped_vocabulary(language, *stemmer, options.extra_stop_words);
  if (!vocabulary) return fail(vocabulary.error());

  // Sorted by id (then text), so the result does not depend on the order notes come in.
  std::vector<std::size_t> order(notes.size());
  std::iota(order.begin(), order.end(), std::size_t{0});
  std::sort(order.begin(), order.end(), [&](std::size_t x, std::size_t y) {
    if (notes[x].id != notes[y].id) return notes[x].id < notes[y].id;
    return notes[x].text < notes[y].text;
  });
  std::vector<std::int64_t> ids;
  Corpus corpus;
  Tokeniser tokeniser(language, *stemmer, *vocabulary);
  for (std::size_t k : order) {
    ids.push_back(notes[k].id);
    corpus.occurrences.push_back(tokeniser.read(notes[k].text, corpus));
  }
  auto vectors = tf_idf(corpus);

  // Notes with no words to match on (only stop words, emoji or numbers) join no theme.
  std::vector<std::size_t> worded, other;
  for (std::size_t i = 0; i < vectors.size(); ++i) (vectors[i].empty() ? other : worded).push_back(i);
  std::vector<Vector> worded_vectors;
  for (std::size_t i : worded) worded_vectors.push_back(vectors[i]);
  auto clusters = cluster(worded_vectors, corpus.stems.size(), options.min_similarity);
  for (auto& c : clusters)
    for (auto& i : c) i = worded[i];
  // Largest first; equal sizes by first note (cluster members are in note order).
  std::stable_sort(clusters.begin(), clusters.end(), [](const auto& x, const auto& y) { return x.size() > y.size(); });

  const std::size_t max_themes = std::max<std::size_t>(1, options.max_themes);
  if (clusters.size() + (other.empty() ? 0 : 1) > max_themes) {
    for (std::size_t c = max_themes - 1; c < clusters.size(); ++c)
      other.insert(other.end(), clusters[c].begin(), clusters[c].end());
    clusters.resize(max_themes - 1);
  }
  std::sort(other.begin(), other.end());

  Synthesis out;
  for (const auto& c : clusters) out.themes.push_back(describe(corpus, vectors, c, ids, false, options, *vocabulary));
  if (!other.empty()) out.themes.push_back(describe(corpus, vectors, other, ids, true, options, *vocabulary));

  auto& f = out.figures;
  f.themes = out.themes.size();
  double cohesion_sum = 0;
  std::size_t cohesive = 0;
  for (const auto& t : out.themes) {
    f.notes_per_theme.push_back(t.note_ids.size());
    if (t.other) f.other_notes = t.note_ids.size();
    if (!t.other && t.cohesion) {
      cohesion_sum += *t.cohesion;
      ++cohesive;
    }
  }
  if (cohesive > 0) f.mean_similarity = cohesion_sum / static_cast<double>(cohesive);
  return out;
}

}  // namespace hs::breakouts
