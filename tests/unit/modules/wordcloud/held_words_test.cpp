// Disguised swear words are held; ordinary words that contain one are not (the
// Scunthorpe problem). The corpora are text files beside this test, one entry a line.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "modules/wordcloud/module.hpp"
#include "text/disguise.hpp"
#include "text/language.hpp"

namespace hs::wordcloud {
namespace {
using namespace hs::text;

// The corpus folder, found from the working directory up (tests run from the checkout
// or its build folder).
std::vector<std::string> corpus(const std::string& name) {
  const std::filesystem::path dir = "tests/unit/modules/wordcloud/corpus";
  auto root = std::filesystem::current_path();
  while (!std::filesystem::exists(root / dir) && root != root.root_path()) root = root.parent_path();
  std::ifstream in(root / dir / name);
  std::vector<std::string> out;
  std::string line;
  while (std::getline(in, line)) {
    if (line.empty() || line.rfind("# ", 0) == 0) continue;
    out.push_back(line);
  }
  return out;
}

GroupStatus status_of(std::string_view entry, const EventWords& words = {}) {
  // More words than an entry may have, so "w a n k e r" is read rather than refused.
  EntryRules rules;
  rules.max_words = 16;
  auto t = make_tally("en", rules, {}, words);
  if (!t) throw std::runtime_error(t.error().message_key);
  auto added = t->add("e1", entry);
  if (!added) throw std::runtime_error("refused: " + std::string(entry));
  return t->groups().front().status;
}

std::string list(const std::vector<std::string>& entries) {
  std::ostringstream s;
  for (const auto& e : entries) s << "\n  " << e;
  return s.str();
}

TEST(WordcloudProfanityCorpus, EveryDisguisedFormIsHeld) {
  auto entries = corpus("held.txt");
  ASSERT_GE(entries.size(), 300u) << "the corpus file was not found or is short";
  std::vector<std::string> missed;
  for (const auto& e : entries)
    if (status_of(e) != GroupStatus::held) missed.push_back(e);
  EXPECT_TRUE(missed.empty()) << missed.size() << " of " << entries.size() << " not held:" << list(missed);
}

TEST(WordcloudProfanityCorpus, NoOrdinaryWordOrPlaceIsHeld) {
  auto entries = corpus("innocent.txt");
  ASSERT_GE(entries.size(), 300u) << "the corpus file was not found or is short";
  std::vector<std::string> held;
  for (const auto& e : entries)
    if (status_of(e) == GroupStatus::held) held.push_back(e);
  EXPECT_TRUE(held.empty()) << held.size() << " of " << entries.size() << " held:" << list(held);
}

TEST(WordcloudProfanity, TheIssuesExamplesAreHeld) {
  EXPECT_EQ(status_of("F*ck it"), GroupStatus::held);
  EXPECT_EQ(status_of("sh1t"), GroupStatus::held);
  EXPECT_EQ(status_of("listening"), GroupStatus::shown);
}

TEST(WordcloudProfanity, AnEventsOwnHeldWordsAreHeldDisguisedToo) {
  EventWords w;
  w.held = "jackpot\nfree bet\n";
  EXPECT_EQ(status_of("jackpot"), GroupStatus::shown);
  EXPECT_EQ(status_of("jackpot", w), GroupStatus::held);
  EXPECT_EQ(status_of("jackpots", w), GroupStatus::held);  // the same stem
  EXPECT_EQ(status_of("j@ckp0t", w), GroupStatus::held);
  EXPECT_EQ(status_of("Free bet!", w), GroupStatus::held);
  EXPECT_EQ(status_of("free", w), GroupStatus::shown);
}

TEST(WordcloudProfanity, AnEventsAllowedWordsAreShownWhateverTheList) {
  EventWords w;
  w.allowed = "bugger\nOffa's Dyke\nchink\n";
  EXPECT_EQ(status_of("bugger"), GroupStatus::held);
  EXPECT_EQ(status_of("bugger", w), GroupStatus::shown);
  EXPECT_EQ(status_of("a chink of light", w), GroupStatus::shown);
  EXPECT_EQ(status_of("shit", w), GroupStatus::held);  // only what was allowed
  // Allowed and held by the event: allowed wins, whichever came first.
  w.held = "bugger";
  EXPECT_EQ(status_of("bugger", w), GroupStatus::shown);
}

TEST(WordcloudDisguise, ReadsLookAlikeLettersFromOtherScriptsAsLatin) {
  EXPECT_EQ(latin_lookalike(U'\u0455'), "s");  // Cyrillic dze
  EXPECT_EQ(latin_lookalike(U'\u043e'), "o");  // Cyrillic o
  EXPECT_EQ(latin_lookalike(U'\u03bf'), "o");  // Greek omicron
  EXPECT_EQ(latin_lookalike(U'\u00e9'), "e");
  EXPECT_EQ(latin_lookalike(U'\u4e2d'), "");  // no Latin look-alike
  auto r = undisguise("\u0455h\u0456t");
  ASSERT_EQ(r.words.size(), 1u);
  EXPECT_EQ(r.words[0].front(), "shit");
}

TEST(WordcloudDisguise, LeavesOrdinaryWordsAsTheyAre) {
  auto r = undisguise("Scunthorpe assess");
  ASSERT_EQ(r.words.size(), 2u);
  EXPECT_EQ(r.words[0], std::vector<std::string>{"scunthorpe"});
  EXPECT_EQ(r.words[1], std::vector<std::string>{"assess"});
}

}  // namespace
}  // namespace hs::wordcloud
