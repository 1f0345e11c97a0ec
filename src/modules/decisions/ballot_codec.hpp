#pragma once
// How an answer is written down: one short text per method, the same in named and
// anonymous polls, in the database and in the decision log's list of ballots at
// closing. Pure: no I/O.
//
//   consent       consent | object
//   consensus     agree | abstain | disagree | block
//   majority      yes | no | abstain
//   ranked choice option positions from 0, most preferred first: "2,0,1"
//   score         a score per option, in listed order: "3,5,0"
//   dot vote      dots per option, in listed order: "1,0,4"
//   meeting poll  an answer per time, in listed order: "yes,if_need_be,no"
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "modules/decisions/rules/consensus.hpp"
#include "modules/decisions/rules/consent.hpp"
#include "modules/decisions/rules/dot_vote.hpp"
#include "modules/decisions/rules/majority.hpp"
#include "modules/decisions/rules/meeting_poll.hpp"
#include "modules/decisions/rules/method.hpp"
#include "modules/decisions/rules/ranked_choice.hpp"
#include "modules/decisions/rules/score.hpp"

namespace hs::decisions {

// An answer as stored: the choice text, the reason given with it (may be empty) and the
// revision of the proposal it was given on.
struct StoredBallot {
  std::string choice;
  std::string reason;
  int revision = 1;
  bool operator==(const StoredBallot&) const = default;
};

// The parts of a list choice ("2,0,1"); none for "".
std::vector<std::string_view> split_choice(std::string_view choice);

std::optional<ConsentStance> decode_consent(std::string_view choice);
std::string_view encode(ConsentStance s);

std::string encode(const RankedBallot& b);
std::string encode(const ScoreBallot& b);
std::string encode(const DotBallot& b);
std::string encode(const AvailabilityBallot& b);

// Nothing when the text is not a ballot of that kind (never trusted: callers skip it).
std::optional<RankedBallot> decode_ranked(std::string_view choice);
std::optional<ScoreBallot> decode_score(std::string_view choice);
std::optional<DotBallot> decode_dots(std::string_view choice);
std::optional<AvailabilityBallot> decode_availability(std::string_view choice);

// An answer in one fixed-length text, for sealing: every sealed answer has the same
// length whatever was chosen or written, so its size tells nothing. Reasons are at most
// kReasonMax code points (4 bytes each at most).
inline constexpr std::size_t kPackedBallotSize = 8704;
std::string pack(const StoredBallot& b);
std::optional<StoredBallot> unpack(std::string_view packed);

}  // namespace hs::decisions
