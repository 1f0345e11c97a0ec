#include "modules/breakouts/rules/synthesis.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <set>
#include <sstream>

using namespace hs::breakouts;

namespace {

// Three things people raised, each worded differently, with different inflections.
const std::vector<Note> kThreeTopics = {
    {1, "Getting transport to the meetings was hard, the bus only comes twice a day"},
    {2, "Transport to meetings should be arranged or paid back"},
    {3, "A taxi to the meeting would help, the bus is so unreliable"},
    {4, "I missed two meetings because the bus never came"},
    {5, "We should be paid for our time, not just thanked"},
    {6, "Payment for the time we give matters. Paying people shows respect"},
    {7, "Nobody pays me for the hours I give, the payment should be fair"},
    {8, "Pay members with lived experience for their time"},
    {9, "I felt listened to for once"},
    {10, "Being LISTENED to properly made all the difference"},
    {11, "Staff were really listening, not just nodding along"},
    {12, "Listen to us, and act on what we tell you"},
};

Synthesis suggest(const std::vector<Note>& notes, const SynthesisOptions& options = {}) {
  auto s = suggest_themes(notes, "en", options);
  EXPECT_TRUE(s.has_value());
  return s ? *s : Synthesis{};
}

// Index of the theme holding `id`; -1 when none.
int theme_of(const Synthesis& s, std::int64_t id) {
  for (std::size_t t = 0; t < s.themes.size(); ++t)
    for (auto n : s.themes[t].note_ids)
      if (n == id) return static_cast<int>(t);
  return -1;
}

// Every note in exactly one theme, and the figures agree with the themes.
void expect_partition(const Synthesis& s, const std::vector<Note>& notes) {
  std::multiset<std::int64_t> given, placed;
  for (const auto& n : notes) given.insert(n.id);
  for (const auto& t : s.themes) {
    EXPECT_FALSE(t.note_ids.empty());
    EXPECT_TRUE(std::is_sorted(t.note_ids.begin(), t.note_ids.end()));
    placed.insert(t.note_ids.begin(), t.note_ids.end());
  }
  EXPECT_EQ(given, placed);
  EXPECT_EQ(s.figures.themes, s.themes.size());
  ASSERT_EQ(s.figures.notes_per_theme.size(), s.themes.size());
  for (std::size_t t = 0; t < s.themes.size(); ++t)
    EXPECT_EQ(s.figures.notes_per_theme[t], s.themes[t].note_ids.size());
  // Only the last theme may be the "other" group; the rest by size, then first note.
  for (std::size_t t = 0; t + 1 < s.themes.size(); ++t) {
    EXPECT_FALSE(s.themes[t].other);
    const auto& a = s.themes[t];
    const auto& b = s.themes[t + 1];
    if (b.other) continue;
    EXPECT_TRUE(a.note_ids.size() > b.note_ids.size() ||
                (a.note_ids.size() == b.note_ids.size() && a.note_ids.front() < b.note_ids.front()));
  }
}

std::string dump(const Synthesis& s) {
  std::ostringstream o;
  for (const auto& t : s.themes) {
    o << (t.other ? "other" : "theme") << " [" << t.title << "]";
    for (auto id : t.note_ids) o << ' ' << id;
    for (const auto& term : t.terms)
      o << " " << term.word << "/" << term.stem << "=" << term.weight << "x" << term.notes;
    if (t.cohesion) o << " c=" << *t.cohesion;
    o << '\n';
  }
  if (s.figures.mean_similarity) o << "mean=" << *s.figures.mean_similarity << '\n';
  return o.str();
}

bool contains(const std::vector<std::string>& words, const std::string& w) {
  return std::find(words.begin(), words.end(), w) != words.end();
}

}  // namespace

TEST(BreakoutsSynthesis, GroupsNotesByTopic) {
  auto s = suggest(kThreeTopics);
  expect_partition(s, kThreeTopics);
  SCOPED_TRACE(dump(s));
  ASSERT_EQ(s.themes.size(), 3u);
  for (std::int64_t first : {1, 5, 9}) {
    int t = theme_of(s, first);
    EXPECT_FALSE(s.themes[t].other);
    EXPECT_EQ(s.themes[t].note_ids, (std::vector<std::int64_t>{first, first + 1, first + 2, first + 3}));
  }
  // Equal sizes: ordered by first note.
  EXPECT_EQ(theme_of(s, 1), 0);
  EXPECT_EQ(theme_of(s, 5), 1);
  EXPECT_EQ(theme_of(s, 9), 2);
  ASSERT_TRUE(s.figures.mean_similarity.has_value());
  EXPECT_GT(*s.figures.mean_similarity, 0.1);
  EXPECT_LE(*s.figures.mean_similarity, 1.0);
  EXPECT_EQ(s.figures.other_notes, 0u);
}

TEST(BreakoutsSynthesis, TitlesUseTheWordsPeopleWroteNotStems) {
  auto s = suggest(kThreeTopics);
  SCOPED_TRACE(dump(s));
  ASSERT_EQ(s.themes.size(), 3u);
  const auto& transport = s.themes[theme_of(s, 1)];
  const auto& pay = s.themes[theme_of(s, 5)];
  const auto& listen = s.themes[theme_of(s, 9)];
  // "meetings" (3 notes) over "meeting" (1); the stem "meet" was never written.
  EXPECT_TRUE(contains(transport.title_words, "meetings"));
  EXPECT_FALSE(contains(transport.title_words, "meet"));
  EXPECT_TRUE(contains(pay.title_words, "time"));
  // "listened" twice ("listened", "LISTENED"), "listening" and "listen" once each. It is the
  // only word two of these notes share, and a word from one note says little about the
  // others, so it is the whole title.
  EXPECT_EQ(listen.title_words, (std::vector<std::string>{"listened"}));
  EXPECT_EQ(listen.terms.front().stem, "listen");
  EXPECT_EQ(listen.terms.front().notes, 4u);
  for (const auto& t : s.themes) {
    EXPECT_GE(t.title_words.size(), 1u);
    EXPECT_LE(t.title_words.size(), 3u);
    std::string joined;
    for (const auto& w : t.title_words) joined += (joined.empty() ? "" : ", ") + w;
    EXPECT_EQ(t.title, joined);
    // Each title word is written in one of the theme's notes.
    for (const auto& w : t.title_words) {
      bool written = false;
      for (auto id : t.note_ids)
        for (const auto& n : kThreeTopics)
          if (n.id == id && n.text.find(w) != std::string::npos) written = true;
      EXPECT_TRUE(written) << w;
    }
    for (std::size_t k = 1; k < t.terms.size(); ++k) EXPECT_GE(t.terms[k - 1].weight, t.terms[k].weight);
  }
}

TEST(BreakoutsSynthesis, InflectionsGroupTogether) {
  const std::vector<Note> notes = {
      {21, "They kept listening"},   {22, "The bus was late"},       {23, "Nobody listened"},
      {24, "Buses are always late"}, {25, "Listen more, talk less"}, {26, "LISTENS carefully"},
  };
  auto s = suggest(notes);
  expect_partition(s, notes);
  SCOPED_TRACE(dump(s));
  ASSERT_EQ(s.themes.size(), 2u);
  EXPECT_EQ(s.themes[0].note_ids, (std::vector<std::int64_t>{21, 23, 25, 26}));
  EXPECT_EQ(s.themes[1].note_ids, (std::vector<std::int64_t>{22, 24}));
  // Each form written once: lower-case forms win over "Listen" and "LISTENS", then the
  // lowest in byte order ("listened" before "listening").
  EXPECT_EQ(s.themes[0].title_words.front(), "listened");
  EXPECT_TRUE(contains(s.themes[1].title_words, "late"));
}

TEST(BreakoutsSynthesis, NotesWithoutWordsGoToTheOtherGroup) {
  const std::vector<Note> notes = {
      {1, "the and of it"},
      {2, "😀😀👍"},
      {3, ""},
      {4, "   \n\t "},
      {5, "123 456"},
      {6, "\xff\xfe bad"},
      {7, "?!..."},
      {8, "Transport was a problem"},
      {9, "transport costs too much"},
  };
  auto s = suggest(notes);
  expect_partition(s, notes);
  SCOPED_TRACE(dump(s));
  ASSERT_EQ(s.themes.size(), 2u);
  EXPECT_FALSE(s.themes[0].other);
  EXPECT_EQ(s.themes[0].note_ids, (std::vector<std::int64_t>{8, 9}));
  EXPECT_TRUE(s.themes[1].other);
  EXPECT_EQ(s.themes[1].note_ids, (std::vector<std::int64_t>{1, 2, 3, 4, 5, 6, 7}));
  EXPECT_TRUE(s.themes[1].title_words.empty());
  EXPECT_EQ(s.figures.other_notes, 7u);
}

TEST(BreakoutsSynthesis, OnlyStopWordsMakesOneOtherGroup) {
  const std::vector<Note> notes = {{3, "the"}, {1, "and the"}, {2, "🙂"}};
  auto s = suggest(notes);
  expect_partition(s, notes);
  ASSERT_EQ(s.themes.size(), 1u);
  EXPECT_TRUE(s.themes[0].other);
  EXPECT_FALSE(s.figures.mean_similarity.has_value());
}

TEST(BreakoutsSynthesis, NoNotesOneNoteAndIdenticalNotes) {
  auto none = suggest({});
  EXPECT_TRUE(none.themes.empty());
  EXPECT_EQ(none.figures.themes, 0u);
  EXPECT_FALSE(none.figures.mean_similarity.has_value());

  const std::vector<Note> one = {{42, "Childcare during meetings"}};
  auto s1 = suggest(one);
  expect_partition(s1, one);
  ASSERT_EQ(s1.themes.size(), 1u);
  EXPECT_FALSE(s1.themes[0].other);
  EXPECT_FALSE(s1.themes[0].cohesion.has_value());
  EXPECT_EQ(s1.themes[0].title_words, (std::vector<std::string>{"Childcare", "meetings"}));

  const std::vector<Note> same = {{5, "More breaks please"}, {6, "More breaks please"}, {7, "more BREAKS, please!"}};
  auto s3 = suggest(same);
  expect_partition(s3, same);
  ASSERT_EQ(s3.themes.size(), 1u);
  ASSERT_TRUE(s3.themes[0].cohesion.has_value());
  EXPECT_NEAR(*s3.themes[0].cohesion, 1.0, 1e-9);
  EXPECT_NEAR(*s3.figures.mean_similarity, 1.0, 1e-9);
  EXPECT_TRUE(contains(s3.themes[0].title_words, "breaks"));
}

TEST(BreakoutsSynthesis, UnrelatedNotesStayApart) {
  const std::vector<Note> notes = {{1, "Childcare"}, {2, "Parking permits"}, {3, "Interpreters for deaf members"}};
  auto s = suggest(notes);
  expect_partition(s, notes);
  ASSERT_EQ(s.themes.size(), 3u);
  for (const auto& t : s.themes) EXPECT_EQ(t.note_ids.size(), 1u);
  EXPECT_FALSE(s.figures.mean_similarity.has_value());
}

TEST(BreakoutsSynthesis, MaxThemesPoolsTheRestAsOther) {
  SynthesisOptions o;
  o.max_themes = 2;
  auto s = suggest(kThreeTopics, o);
  expect_partition(s, kThreeTopics);
  SCOPED_TRACE(dump(s));
  ASSERT_EQ(s.themes.size(), 2u);
  EXPECT_EQ(s.themes[0].note_ids, (std::vector<std::int64_t>{1, 2, 3, 4}));
  EXPECT_TRUE(s.themes[1].other);
  EXPECT_EQ(s.themes[1].note_ids.size(), 8u);
  EXPECT_EQ(s.figures.other_notes, 8u);

  o.max_themes = 0;  // treated as 1
  auto one = suggest(kThreeTopics, o);
  expect_partition(one, kThreeTopics);
  ASSERT_EQ(one.themes.size(), 1u);
  EXPECT_TRUE(one.themes[0].other);
}

TEST(BreakoutsSynthesis, ThresholdControlsMerging) {
  SynthesisOptions o;
  o.min_similarity = 1.5;  // nothing is that similar: every note alone
  o.max_themes = 100;
  auto apart = suggest(kThreeTopics, o);
  expect_partition(apart, kThreeTopics);
  EXPECT_EQ(apart.themes.size(), kThreeTopics.size());

  o.min_similarity = -1.0;  // everything merges
  auto together = suggest(kThreeTopics, o);
  expect_partition(together, kThreeTopics);
  ASSERT_EQ(together.themes.size(), 1u);
  EXPECT_FALSE(together.themes[0].other);
}

TEST(BreakoutsSynthesis, EventStopWordsAreLeftOut) {
  const std::vector<Note> notes = {{1, "Co-production means sharing power"}, {2, "co-production is slow"}};
  SynthesisOptions o;
  o.extra_stop_words = "co\nproduction\n";
  auto s = suggest(notes, o);
  expect_partition(s, notes);
  ASSERT_EQ(s.themes.size(), 2u);  // nothing else in common
  for (const auto& t : s.themes) {
    EXPECT_FALSE(contains(t.title_words, "production"));
    EXPECT_FALSE(contains(t.title_words, "Co"));
  }
}

TEST(BreakoutsSynthesis, OtherLanguagesAndUnknownOnes) {
  const std::vector<Note> notes = {{1, "On a été écoutés"},
                                   {2, "Le bus est en retard"},
                                   {3, "Écouter les gens"},
                                   {4, "Les bus sont toujours en retard"}};
  auto s = suggest_themes(notes, "fr");
  ASSERT_TRUE(s.has_value());
  expect_partition(*s, notes);
  EXPECT_EQ(theme_of(*s, 1), theme_of(*s, 3));
  EXPECT_EQ(theme_of(*s, 2), theme_of(*s, 4));
  EXPECT_NE(theme_of(*s, 1), theme_of(*s, 2));

  auto bad = suggest_themes(notes, "xx");
  ASSERT_FALSE(bad.has_value());
  EXPECT_EQ(bad.error().message_key, "wordcloud_language_unknown");
  EXPECT_FALSE(suggest_themes(notes, "../en").has_value());
}

// Holds: the same notes, in any order, give the same themes, titles, terms and figures
// (notes are sorted by id, then text, before anything else happens, and ties are broken by
// note id), so this is exact equality, not equality up to ties.
TEST(BreakoutsSynthesis, DeterministicAndIndependentOfInputOrder) {
  auto first = suggest(kThreeTopics);
  EXPECT_EQ(dump(first), dump(suggest(kThreeTopics)));
  std::mt19937 rng(7);
  for (int i = 0; i < 5; ++i) {
    auto shuffled = kThreeTopics;
    std::shuffle(shuffled.begin(), shuffled.end(), rng);
    EXPECT_EQ(dump(first), dump(suggest(shuffled)));
  }
  // A tie that decides the outcome: 10 is exactly as like 20 as 30. The pair with the lower
  // ids merges first, whatever the input order; the merged pair is then too unlike 30.
  SynthesisOptions o;
  o.min_similarity = 0.5;
  std::vector<Note> tie = {{30, "lifts"}, {10, "ramps lifts"}, {20, "ramps"}};
  for (int i = 0; i < 6; ++i) {
    auto t = suggest(tie, o);
    ASSERT_EQ(t.themes.size(), 2u);
    EXPECT_EQ(t.themes[0].note_ids, (std::vector<std::int64_t>{10, 20}));
    EXPECT_EQ(t.themes[1].note_ids, (std::vector<std::int64_t>{30}));
    std::next_permutation(tie.begin(), tie.end(), [](const Note& a, const Note& b) { return a.id < b.id; });
  }
}

TEST(BreakoutsSynthesis, TwoThousandNotesFinish) {
  const std::vector<std::vector<std::string>> topics = {
      {"transport", "bus", "buses", "taxi", "travel", "journey", "train"},
      {"paid", "payment", "paying", "pay", "money", "vouchers", "expenses"},
      {"listened", "listening", "listen", "heard", "respected", "valued", "understood"},
      {"childcare", "children", "kids", "school", "nursery", "babysitter", "family"},
      {"jargon", "acronyms", "language", "words", "plain", "explain", "explained"},
      {"online", "video", "internet", "laptop", "phone", "connection", "signal"},
      {"food", "lunch", "sandwiches", "coffee", "tea", "snacks", "breakfast"},
      {"decisions", "decide", "decided", "power", "vote", "votes", "influence"},
      {"safety", "safe", "safeguarding", "trauma", "triggering", "support", "supported"},
      {"feedback", "results", "outcome", "outcomes", "report", "reported", "changes"}};
  const std::vector<std::string> filler = {"the", "it",   "was",   "really",  "people",
                                           "we",  "felt", "about", "meeting", "and"};
  std::mt19937 rng(2024);
  std::vector<Note> notes;
  for (int i = 0; i < 2000; ++i) {
    const auto& words = topics[static_cast<std::size_t>(i) % topics.size()];
    std::string text;
    int length = 8 + static_cast<int>(rng() % 30);
    for (int w = 0; w < length; ++w) {
      const auto& pool = rng() % 3 == 0 ? filler : words;
      text += pool[rng() % pool.size()];
      text += (rng() % 9 == 0) ? ". " : " ";
    }
    notes.push_back({1000 + i, text});
  }
  auto start = std::chrono::steady_clock::now();
  auto s = suggest(notes);
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("2,000 notes: %zu themes in %.3f s\n", s.figures.themes, seconds);
  expect_partition(s, notes);
  EXPECT_LT(seconds, 5.0);  // a sanity bound, not a benchmark
  // The ten topics are found: each theme holds one topic's notes only.
  ASSERT_EQ(s.themes.size(), 8u);  // seven topics and the "other" group, as max_themes is 8
  EXPECT_TRUE(s.themes.back().other);
  for (std::size_t t = 0; t + 1 < s.themes.size(); ++t) {
    EXPECT_EQ(s.themes[t].note_ids.size(), 200u);
    std::set<std::int64_t> topic;
    for (auto id : s.themes[t].note_ids) topic.insert((id - 1000) % 10);
    EXPECT_EQ(topic.size(), 1u);
  }
}
