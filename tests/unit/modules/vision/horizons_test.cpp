// A Three Horizons board's rules: the stages a facilitator moves through, who may add
// what when, merges that keep everyone's words, hidden notes leaving every result, and
// the dot vote on the H2+ ideas.
#include "modules/vision/rules/horizons.hpp"

#include <gtest/gtest.h>

namespace hs::vision {
namespace {

std::string key_of_error(const Result<void>& r) { return r ? std::string("ok") : r.error().message_key; }

// A board in `stage` with notes 1-2 in H1, 3 in H3, 4-6 in H2 (4 and 5 sorted into H2+,
// 6 into H2-), written by people 11..16 (5 anonymous).
Board sample(Stage stage) {
  Board b;
  auto add = [&](std::int64_t id, std::string text, std::int64_t author) {
    ASSERT_TRUE(add_note(b, id, text, author));
  };
  add(1, "Adverts on every football shirt", 11);
  add(2, "Peer support groups that work", 12);
  EXPECT_TRUE(move_stage(b, Stage::h3));
  add(3, "Nobody is ashamed to ask for help", 13);
  EXPECT_TRUE(move_stage(b, Stage::h2));
  add(4, "Lived-experience panels that decide funding", 14);
  add(5, "A single number for help, day and night", 0);
  add(6, "A levy that is voluntary", 16);
  EXPECT_TRUE(move_stage(b, Stage::sort));
  EXPECT_TRUE(move_note(b, 4, Horizon::h2_plus));
  EXPECT_TRUE(move_note(b, 5, Horizon::h2_plus));
  EXPECT_TRUE(move_note(b, 6, Horizon::h2_minus));
  if (stage == Stage::vote || stage == Stage::done) {
    EXPECT_TRUE(move_stage(b, Stage::vote));
  }
  if (stage == Stage::done) {
    EXPECT_TRUE(move_stage(b, Stage::done));
  }
  return b;
}

TEST(VisionHorizons, StageRulesTable) {
  // Forward one or back one; nothing else.
  const auto& all = stages();
  ASSERT_EQ(all.size(), 6u);
  for (std::size_t i = 0; i < all.size(); ++i)
    for (std::size_t j = 0; j < all.size(); ++j) {
      bool expected = j == i + 1 || i == j + 1;
      EXPECT_EQ(may_move(all[i], all[j]), expected) << key_of(all[i]) << " -> " << key_of(all[j]);
    }

  struct Row {
    Stage stage;
    std::optional<Horizon> open;
    bool sorting, voting;
  };
  const Row table[] = {
      {Stage::h1, Horizon::h1, false, false},  {Stage::h3, Horizon::h3, false, false},
      {Stage::h2, Horizon::h2, false, false},  {Stage::sort, std::nullopt, true, false},
      {Stage::vote, std::nullopt, true, true}, {Stage::done, std::nullopt, false, false},
  };
  for (const auto& row : table) {
    EXPECT_EQ(open_horizon(row.stage), row.open) << key_of(row.stage);
    EXPECT_EQ(sorting_open(row.stage), row.sorting) << key_of(row.stage);
    EXPECT_EQ(voting_open(row.stage), row.voting) << key_of(row.stage);
    EXPECT_EQ(stage_of(key_of(row.stage)), row.stage);
  }
  EXPECT_EQ(stage_of("h4"), std::nullopt);
  EXPECT_EQ(horizon_of("h2_plus"), Horizon::h2_plus);

  Board b;
  EXPECT_EQ(key_of_error(move_stage(b, Stage::h2)), "vision_stage_not_next");  // skipping H3
  EXPECT_EQ(b.stage, Stage::h1);
  EXPECT_TRUE(move_stage(b, Stage::h3));
  EXPECT_TRUE(move_stage(b, Stage::h1));  // back, to reopen
  EXPECT_EQ(b.stage, Stage::h1);
}

TEST(VisionHorizons, NotesGoToTheOpenHorizonOnly) {
  Board b;
  EXPECT_TRUE(add_note(b, 1, "  Stigma  ", 7));
  EXPECT_EQ(b.notes[0].horizon, Horizon::h1);
  EXPECT_EQ(b.notes[0].words[0].text, "Stigma");
  EXPECT_EQ(key_of_error(add_note(b, 1, "again", 7)), "vision_note_exists");
  EXPECT_EQ(key_of_error(add_note(b, 2, "   ", 7)), "vision_note_empty");
  EXPECT_EQ(key_of_error(add_note(b, 2, std::string(281, 'a'), 7)), "vision_note_too_long");
  EXPECT_EQ(key_of_error(add_note(b, 2, "bell\a", 7)), "vision_note_control");
  EXPECT_TRUE(add_note(b, 2, std::string(280, 'a'), 0));
  EXPECT_TRUE(add_note(b, 3, "Two lines:\nkept as typed", 0));
  EXPECT_EQ(b.notes.back().words[0].text, "Two lines:\nkept as typed");

  // Sorting is not open before the sort stage; H1 and H3 moves are.
  EXPECT_EQ(key_of_error(move_note(b, 1, Horizon::h2_plus)), "vision_sort_closed");
  EXPECT_TRUE(move_note(b, 1, Horizon::h3));
  EXPECT_EQ(b.notes[0].horizon, Horizon::h3);

  for (Stage s : {Stage::h3, Stage::h2, Stage::sort}) ASSERT_TRUE(move_stage(b, s));
  EXPECT_EQ(key_of_error(add_note(b, 3, "late", 7)), "vision_stage_closed");
  // No dot vote without an H2+ idea to vote on; a hidden one does not count.
  EXPECT_EQ(key_of_error(move_stage(b, Stage::vote)), "vision_vote_needs_h2_plus");
  ASSERT_TRUE(move_note(b, 2, Horizon::h2_plus));
  ASSERT_TRUE(hide_note(b, 2, "Off topic"));
  EXPECT_EQ(key_of_error(move_stage(b, Stage::vote)), "vision_vote_needs_h2_plus");
  EXPECT_EQ(b.stage, Stage::sort);
  ASSERT_TRUE(move_note(b, 3, Horizon::h2_plus));
  ASSERT_TRUE(move_stage(b, Stage::vote));
  ASSERT_TRUE(move_stage(b, Stage::done));
  EXPECT_EQ(key_of_error(add_note(b, 3, "late", 7)), "vision_stage_closed");
  EXPECT_EQ(key_of_error(move_note(b, 1, Horizon::h1)), "vision_board_done");
  // A harm found late can still be hidden.
  EXPECT_TRUE(hide_note(b, 1, "Names a person"));
}

TEST(VisionHorizons, MergesKeepBothAuthorsWords) {
  Board b = sample(Stage::sort);
  EXPECT_EQ(key_of_error(add_note(b, 0, "late", 1)), "vision_stage_closed");
  ASSERT_TRUE(move_stage(b, Stage::h2));
  ASSERT_TRUE(add_note(b, 7, "One helpline for everyone, 24/7", 17));
  ASSERT_TRUE(move_stage(b, Stage::sort));
  ASSERT_TRUE(merge_notes(b, 5, 7));  // an anonymous note keeps a named duplicate's words
  const Note* kept = find_note(b, 5);
  ASSERT_EQ(kept->words.size(), 2u);
  EXPECT_EQ(kept->words[0].text, "A single number for help, day and night");
  EXPECT_EQ(kept->words[0].author_id, 0);  // still anonymous
  EXPECT_EQ(kept->words[1].text, "One helpline for everyone, 24/7");
  EXPECT_EQ(kept->words[1].author_id, 17);
  EXPECT_EQ(kept->merged_from, (std::vector<std::int64_t>{7}));
  EXPECT_EQ(find_note(b, 7)->merged_into, 5);
  EXPECT_FALSE(in_results(*find_note(b, 7)));

  // Merging a merged note again chains its words and history.
  ASSERT_TRUE(merge_notes(b, 4, 5));
  const Note* top = find_note(b, 4);
  ASSERT_EQ(top->words.size(), 3u);
  EXPECT_EQ(top->words[2].author_id, 17);
  EXPECT_EQ(top->merged_from, (std::vector<std::int64_t>{5, 7}));
  EXPECT_EQ(find_note(b, 7)->merged_into, 4);
  EXPECT_EQ(notes_in(b, Horizon::h2_plus).size(), 1u);

  EXPECT_EQ(key_of_error(merge_notes(b, 4, 4)), "vision_merge_self");
  EXPECT_EQ(key_of_error(merge_notes(b, 4, 5)), "vision_note_not_found");  // already merged
  EXPECT_EQ(key_of_error(merge_notes(b, 4, 99)), "vision_note_not_found");
  ASSERT_TRUE(hide_note(b, 6, "Off topic"));
  EXPECT_EQ(key_of_error(merge_notes(b, 4, 6)), "vision_note_hidden");
}

TEST(VisionHorizons, HiddenNotesLeaveEveryResult) {
  Board b = sample(Stage::vote);
  ASSERT_TRUE(place_dot(b, 21, 4));
  ASSERT_TRUE(place_dot(b, 21, 4));
  ASSERT_TRUE(place_dot(b, 22, 5));
  EXPECT_EQ(highlighted(b, 1), (std::vector<std::int64_t>{4}));

  EXPECT_EQ(key_of_error(hide_note(b, 4, "   ")), "vision_hide_reason_needed");
  ASSERT_TRUE(hide_note(b, 4, "Identifies someone"));
  EXPECT_EQ(find_note(b, 4)->hide_reason, "Identifies someone");
  EXPECT_EQ(notes_in(b, Horizon::h2_plus).size(), 1u);
  auto results = vote_results(b);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].note_id, 5);
  EXPECT_EQ(highlighted(b, 1), (std::vector<std::int64_t>{5}));
  // Its dots go back to the voter to use elsewhere.
  EXPECT_EQ(dots_left(b, 21), 3);
  EXPECT_EQ(key_of_error(place_dot(b, 21, 4)), "vision_note_not_found");

  ASSERT_TRUE(unhide_note(b, 4));
  EXPECT_EQ(vote_results(b)[0].note_id, 4);
  EXPECT_EQ(vote_results(b)[0].dots, 2);
}

TEST(VisionHorizons, DotVoteOnH2PlusOnly) {
  Board b = sample(Stage::sort);
  EXPECT_EQ(key_of_error(place_dot(b, 21, 4)), "vision_voting_closed");
  ASSERT_TRUE(move_stage(b, Stage::vote));
  EXPECT_EQ(key_of_error(place_dot(b, 21, 6)), "vision_vote_not_h2_plus");
  EXPECT_EQ(key_of_error(place_dot(b, 21, 1)), "vision_vote_not_h2_plus");
  // Three dots, several on one note allowed.
  EXPECT_TRUE(place_dot(b, 21, 4));
  EXPECT_TRUE(place_dot(b, 21, 4));
  EXPECT_TRUE(place_dot(b, 21, 5));
  EXPECT_EQ(dots_left(b, 21), 0);
  EXPECT_EQ(key_of_error(place_dot(b, 21, 5)), "vision_dots_used");
  EXPECT_TRUE(remove_dot(b, 21, 4));
  EXPECT_EQ(dots_left(b, 21), 1);
  EXPECT_EQ(key_of_error(remove_dot(b, 21, 6)), "vision_dot_not_found");
  EXPECT_TRUE(place_dot(b, 22, 5));
  EXPECT_TRUE(place_dot(b, 23, 5));

  auto results = vote_results(b);
  ASSERT_EQ(results.size(), 2u);
  EXPECT_EQ(results[0].note_id, 5);
  EXPECT_EQ(results[0].dots, 3);
  EXPECT_EQ(results[0].voters, 3);
  EXPECT_EQ(results[1].note_id, 4);
  EXPECT_EQ(results[1].dots, 1);

  // A note moved out of H2+ leaves the vote; merging moves dots to the kept note.
  ASSERT_TRUE(merge_notes(b, 4, 5));
  results = vote_results(b);
  ASSERT_EQ(results.size(), 1u);
  EXPECT_EQ(results[0].dots, 4);
  ASSERT_TRUE(move_note(b, 4, Horizon::h2_minus));
  EXPECT_TRUE(vote_results(b).empty());
  EXPECT_TRUE(highlighted(b).empty());

  Settings s;
  s.dots_per_person = 0;
  EXPECT_EQ(key_of_error(validate(s)), "vision_dots_range");
  s.dots_per_person = 5;
  EXPECT_TRUE(validate(s));
}

TEST(VisionHorizons, HighlightKeepsTiesAtTheCut) {
  Board b = sample(Stage::vote);
  ASSERT_TRUE(move_stage(b, Stage::sort));
  ASSERT_TRUE(move_note(b, 6, Horizon::h2_plus));
  ASSERT_TRUE(move_stage(b, Stage::vote));
  ASSERT_TRUE(place_dot(b, 21, 4));
  ASSERT_TRUE(place_dot(b, 21, 4));
  ASSERT_TRUE(place_dot(b, 22, 5));
  ASSERT_TRUE(place_dot(b, 23, 6));
  EXPECT_EQ(highlighted(b, 1), (std::vector<std::int64_t>{4}));
  EXPECT_EQ(highlighted(b, 2), (std::vector<std::int64_t>{4, 5, 6}));  // 5 and 6 tie for second
}

}  // namespace
}  // namespace hs::vision
