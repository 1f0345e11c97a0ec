#pragma once
// Results as CSV tables for download: what every method's table shares (each method's
// own columns are in its descriptor, methods/<method>.cpp). Only results go in: tables
// are made from counts, never ballots or voter keys, so an export cannot reveal who
// answered what – in an anonymous poll or any other. Option names are the members' own
// words and pass through csv_cell's formula guard when written out.
//
// Cells are numbers, 1/0 for yes/no, or fixed codes (outcome, threshold, tie_break) so
// the file reads the same in every language; headings come from messages (csv.hpp).
// Every row ends with the same summary columns, so each row stands on its own:
//   outcome, turnout, eligible, quorum_required, quorum_met
//
//   majority   one row:  yes, no, abstain, cast, threshold + summary
//   consent    one row:  revision, consents, objections + summary
//   consensus  one row:  revision, agree, abstain, disagree, block + summary
//   ranked     a row per round per option in the count that round:
//              round, option, votes, continuing, exhausted, eliminated, winner, tie_break
//              + summary (tie_break is filled only on the eliminated option's row)
//   score      a row per option, best first: option, sum, mean, ballots, rank, tied + summary
//   dot vote   a row per option, best first: option, dots, rank, tied + summary
//   meeting    a row per time, best first: slot, yes, if_need_be, no, rank, tied + summary
#include <cstdint>
#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

#include "modules/decisions/rules/csv.hpp"
#include "modules/decisions/rules/outcome.hpp"
#include "modules/decisions/rules/quorum.hpp"

namespace hs::decisions {

// A method's own columns, then the summary columns.
std::vector<std::string> csv_columns(std::initializer_list<std::string_view> own);
// A method's own cells, then the summary cells.
std::vector<std::string> csv_row(std::vector<std::string> cells, Outcome outcome, const QuorumReport& q);
std::string csv_number(std::int64_t v);
std::string csv_flag(bool b);  // "1" or "0"

}  // namespace hs::decisions
