#pragma once
// Reading the proposal and ballot forms into what the rules check. Pure: no I/O; the
// time is passed in. Every problem is reported at once, each against its form field.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "modules/decisions/ballot_codec.hpp"
#include "modules/decisions/rules/proposal.hpp"
#include "modules/decisions/rules/settings.hpp"

namespace hs::decisions {

struct ProposalFields {
  std::string title, details, method;
  std::string options;                                             // one per line
  std::string closes_day, closes_month, closes_year, closes_time;  // time as HH:MM, UTC
  std::string quorum, results, threshold, dots;
  bool reasons_required = false;
  bool anonymous = false;
};

struct ParsedProposal {
  ProposalText text;
  Settings settings;
  std::vector<std::string> options;
};

// What the form starts with: consent, closing in a week at 17:00 UTC, a quorum of half
// the members, results after closing, named.
ProposalFields default_fields(std::int64_t now);

// Field errors: title, details, method, options, closes_at, quorum, results, threshold,
// dots. Settings checks are the rules' (validate_settings) after the fields parse.
Result<ParsedProposal> parse_proposal(const ProposalFields& f, std::int64_t now);

// The non-blank lines of a textarea, each trimmed.
std::vector<std::string> option_lines(std::string_view text);

// Seconds since the epoch of a UTC date and "HH:MM" time; nothing when not a real one.
std::optional<std::int64_t> utc_time(std::string_view day, std::string_view month, std::string_view year,
                                     std::string_view hhmm);
// The UTC date and time parts of t, for filling the form: day, month, year, "HH:MM".
struct DateParts {
  std::string day, month, year, time;
};
DateParts date_parts(std::int64_t t);

struct BallotFields {
  std::string choice;  // consent: consent|object; consensus: a position; majority: yes|no|abstain
  std::string reason;
  std::vector<std::string> ranks;   // ranked choice: option position (from 0) per rank, "" for none
  std::vector<std::string> scores;  // score: per option
  std::vector<std::string> dots;    // dot vote: per option ("" counts as none)
  std::vector<std::string> slots;   // meeting poll: per time
};

// An answer as it will be stored. Checks the choice for the method (rules' validate_*),
// and the reason for methods other than consent and consensus, whose reasons the rules'
// state machines check when the answer is applied. Field errors: choice, position,
// ranking, scores, dots, slots, reason.
Result<StoredBallot> parse_ballot(const Settings& s, std::size_t option_count, const BallotFields& f);

}  // namespace hs::decisions
