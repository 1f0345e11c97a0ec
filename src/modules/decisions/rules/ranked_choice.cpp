#include "modules/decisions/rules/ranked_choice.hpp"

#include <algorithm>
#include <string>

#include "core/crypto.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"

namespace hs::decisions {

namespace {

// The options among `among` with the fewest votes in `votes`.
std::vector<std::size_t> fewest(const std::vector<std::int64_t>& votes, const std::vector<std::size_t>& among) {
  std::int64_t low = votes[among.front()];
  for (auto o : among) low = std::min(low, votes[o]);
  std::vector<std::size_t> out;
  for (auto o : among)
    if (votes[o] == low) out.push_back(o);
  return out;
}

// The highest-ranked continuing option on a ballot; skips positions that are unknown or
// repeated (the `seen` scratch vector is reused across ballots to avoid allocating).
std::optional<std::size_t> first_continuing(const RankedBallot& b, const std::vector<bool>& continuing,
                                            std::vector<bool>& seen) {
  std::fill(seen.begin(), seen.end(), false);
  for (auto o : b.ranking) {
    if (o >= continuing.size() || seen[o]) continue;
    seen[o] = true;
    if (continuing[o]) return o;
  }
  return std::nullopt;
}

}  // namespace

Result<void> validate_ranked(const RankedBallot& ballot, std::size_t option_count) {
  if (ballot.ranking.empty()) return field_error("ranking", keys::kRankEmpty);
  std::vector<bool> seen(option_count, false);
  for (auto o : ballot.ranking) {
    if (o >= option_count) return field_error("ranking", keys::kRankUnknownOption);
    if (seen[o]) return field_error("ranking", keys::kRankDuplicate);
    seen[o] = true;
  }
  return {};
}

std::string_view to_string(TieBreak t) {
  switch (t) {
    case TieBreak::none: return "none";
    case TieBreak::earlier_round: return "earlier_round";
    case TieBreak::lot: return "lot";
  }
  return "none";
}

std::string ranked_lot(std::int64_t proposal_id, int round, std::size_t option) {
  // SHA-256 needs no libsodium initialisation: it has one portable implementation.
  return crypto::sha256_hex(std::to_string(proposal_id) + ":" + std::to_string(round) + ":" +
                            std::to_string(option + 1));
}

RankedResult count_ranked(std::span<const RankedBallot> ballots, std::size_t option_count, std::int64_t proposal_id,
                          const Electorate& electorate) {
  RankedResult r;
  r.options = option_count;
  r.ballots = static_cast<std::int64_t>(ballots.size());
  r.quorum = check_quorum(electorate, r.ballots);

  std::vector<bool> continuing(option_count, true);
  std::vector<bool> seen(option_count, false);
  for (int number = 1; option_count > 0; ++number) {
    RankedRound round;
    round.number = number;
    round.votes.assign(option_count, 0);
    round.continuing = continuing;
    for (const auto& b : ballots) {
      if (auto o = first_continuing(b, continuing, seen)) ++round.votes[*o];
      else ++round.exhausted;
    }
    round.continuing_ballots = r.ballots - round.exhausted;
    round.majority = round.continuing_ballots / 2 + 1;

    std::vector<std::size_t> in_count;
    for (std::size_t o = 0; o < option_count; ++o)
      if (continuing[o]) in_count.push_back(o);

    if (round.continuing_ballots == 0) {
      r.rounds.push_back(std::move(round));
      break;
    }
    auto top = *std::max_element(in_count.begin(), in_count.end(),
                                 [&](auto a, auto b) { return round.votes[a] < round.votes[b]; });
    if (round.votes[top] >= round.majority) {
      round.winner = top;
      r.leader = top;
      r.rounds.push_back(std::move(round));
      break;
    }

    // Nobody has a majority, so at least two options are in the count.
    auto tied = fewest(round.votes, in_count);
    if (tied.size() > 1) {
      round.tied = tied;
      for (const auto& earlier : r.rounds) {
        tied = fewest(earlier.votes, tied);
        if (tied.size() == 1) {
          round.tie_break = TieBreak::earlier_round;
          round.tie_break_round = earlier.number;
          break;
        }
      }
      if (tied.size() > 1) {
        round.tie_break = TieBreak::lot;
        auto lot = [&](std::size_t o) { return ranked_lot(proposal_id, number, o); };
        tied = {*std::min_element(tied.begin(), tied.end(), [&](auto a, auto b) { return lot(a) < lot(b); })};
      }
    }
    round.eliminated = tied.front();
    continuing[tied.front()] = false;
    r.rounds.push_back(std::move(round));
  }

  if (!r.quorum.met) r.outcome = Outcome::no_quorum;
  else if (!r.leader) r.outcome = Outcome::no_votes;
  else {
    r.outcome = Outcome::passed;
    r.winner = r.leader;
  }
  return r;
}

}  // namespace hs::decisions
