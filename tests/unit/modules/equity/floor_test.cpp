// Who holds the floor: the spread figures on known data, and the order a speaking queue
// offers the floor in.
#include "modules/equity/rules/floor.hpp"

#include <gtest/gtest.h>

namespace hs::equity {
namespace {

std::vector<std::int64_t> ids(const std::vector<Hand>& hands) {
  std::vector<std::int64_t> out;
  for (const auto& h : hands) out.push_back(h.participant_id);
  return out;
}

TEST(EquityFloor, TheSpreadOfARoom) {
  // 10 present: two very active people, six who said a little, two who said nothing.
  auto s = spread_of({12, 9, 3, 2, 2, 1, 1, 1, 0, 0});
  EXPECT_EQ(s.present, 10);
  EXPECT_EQ(s.contributed, 8);
  EXPECT_EQ(s.contributions, 31);
  EXPECT_EQ(s.top_fifth_percent, 68);  // the top two (a fifth of 10) made 21 of 31
  EXPECT_EQ(s.top_fifth_people, 2);
  EXPECT_EQ(s.bands, (std::vector<std::int64_t>{2, 3, 3, 0, 2}));  // 0 | 1 | 2-3 | 4-7 | 8+
}

TEST(EquityFloor, AnEvenRoomAndAnEmptyOne) {
  auto even = spread_of(std::vector<std::int64_t>(24, 3));
  EXPECT_EQ(even.contributed, 24);
  EXPECT_EQ(even.top_fifth_percent, 21);  // 5 of 24 people (a fifth, rounded up) made 15 of 72
  auto quiet = spread_of({0, 0, 0});
  EXPECT_EQ(quiet.contributed, 0);
  EXPECT_EQ(quiet.top_fifth_percent, 0);
  EXPECT_EQ(quiet.top_fifth_people, 1);  // a small room's fifth is one person, said so
  auto nobody = spread_of({});
  EXPECT_EQ(nobody.present, 0);
  auto one = spread_of({4});
  EXPECT_EQ(one.top_fifth_percent, 100);
  EXPECT_EQ(even.top_fifth_people, 5);
}

TEST(EquityFloor, FirstComeOrProgressiveStack) {
  const std::vector<Hand> hands = {
      {1, 100, 300, 3},  // raised first, has spoken most
      {2, 110, 0, 0},    // never spoken
      {3, 105, 60, 1},
      {4, 120, 0, 0},    // never spoken, raised after 2
      {5, 110, 20, 1},   // one short turn, raised at the same moment as 2
      {6, 90, 40, 2},    // two short turns: less of the floor than 3's one long one
  };
  EXPECT_EQ(ids(queue_order(hands, false)), (std::vector<std::int64_t>{6, 1, 3, 2, 5, 4}));
  EXPECT_EQ(ids(queue_order(hands, true)), (std::vector<std::int64_t>{2, 4, 5, 6, 3, 1}));
}

TEST(EquityFloor, AGoRoundInvitesEachInTurn) {
  const std::vector<std::int64_t> seating = {7, 3, 9, 4};
  EXPECT_EQ(next_in_round(seating, {}), 7);
  EXPECT_EQ(next_in_round(seating, {7}), 3);
  EXPECT_EQ(next_in_round(seating, {7, 3, 4}), 9);  // 4 passed early; 9 still to come
  EXPECT_EQ(next_in_round(seating, {7, 3, 9, 4}), 0);
}

}  // namespace
}  // namespace hs::equity
