#pragma once
// Who holds the floor, as figures that show a pattern and never a ranking: how many of the
// people present contributed, the share of contributions made by the most active fifth, and
// how people spread over a few bands of activity; and the order a speaking queue offers the
// floor in, first come or "progressive stack" (those who have spoken least so far first).
// Pure: what was said and who is present come from the caller.
#include <cstdint>
#include <string>
#include <vector>

namespace hs::equity {

// A contribution is anything a person added to the room: a word, a poll answer, a
// question, a note, a turn speaking. counts: one number per person present (zeros too).
struct Spread {
  std::int64_t present = 0;        // people present
  std::int64_t contributed = 0;    // of them, who contributed at least once
  std::int64_t contributions = 0;  // in all
  int top_fifth_percent = 0;       // share of contributions by the most active fifth (0-100)
  std::int64_t top_fifth_people = 0;  // how many people that fifth is (1 in a room of 5 or fewer)
  // People in each band of activity: 0, 1, 2-3, 4-7, 8 or more contributions.
  std::vector<std::int64_t> bands;
};
Spread spread_of(std::vector<std::int64_t> counts);
// The bands' lower bounds, for labels: 0, 1, 2, 4, 8.
const std::vector<std::int64_t>& band_floors();

// A raised hand in a speaking queue.
struct Hand {
  std::int64_t participant_id = 0;
  std::int64_t raised_at = 0;          // when the hand went up (seconds; ties broken by id)
  std::int64_t spoken_seconds = 0;     // talk time so far in this event or group
  std::int64_t turns = 0;              // times they have had the floor so far
};
// The order the host offers the floor in. First come, first served; or, with progressive
// stack, those who have spoken least so far first (least talk time, then fewest turns),
// first come among equals.
std::vector<Hand> queue_order(std::vector<Hand> hands, bool progressive);

// A go-round: everyone present in turn, in the order given (the group's seating), starting
// after whoever spoke last; anyone may pass. The next person to invite, or 0 when everyone
// has had their turn or passed.
std::int64_t next_in_round(const std::vector<std::int64_t>& order, const std::vector<std::int64_t>& done);

// "18 of 24 people contributed; the most active fifth made 41 % of contributions", for the
// event report: the parts as numbers for the caller's words.
struct SpreadSummary {
  std::int64_t contributed = 0, present = 0;
  int top_fifth_percent = 0;
};
SpreadSummary summary_of(const Spread& s);

}  // namespace hs::equity
