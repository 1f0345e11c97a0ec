#pragma once
// Results as CSV tables for download. Only results go in: these functions take counts,
// never ballots or voter keys, so an export cannot reveal who answered what – in an
// anonymous poll or any other. Option names are the members' own words and pass through
// csv_cell's formula guard when written out.
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
#include <string>
#include <vector>

#include "modules/decisions/rules/consensus.hpp"
#include "modules/decisions/rules/consent.hpp"
#include "modules/decisions/rules/csv.hpp"
#include "modules/decisions/rules/dot_vote.hpp"
#include "modules/decisions/rules/majority.hpp"
#include "modules/decisions/rules/meeting_poll.hpp"
#include "modules/decisions/rules/ranked_choice.hpp"
#include "modules/decisions/rules/score.hpp"

namespace hs::decisions {

CsvTable results_table(const MajorityResult& r);
CsvTable results_table(const ConsentResult& r);
CsvTable results_table(const ConsensusResult& r);
// options: the option names in listed order (missing names export as empty cells).
CsvTable results_table(const RankedResult& r, const std::vector<std::string>& options);
CsvTable results_table(const ScoreResult& r, const std::vector<std::string>& options);
CsvTable results_table(const DotResult& r, const std::vector<std::string>& options);
CsvTable results_table(const MeetingResult& r, const std::vector<std::string>& slots);

}  // namespace hs::decisions
