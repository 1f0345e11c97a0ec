#include "modules/decisions/tally.hpp"

#include "modules/decisions/rules/results_csv.hpp"

namespace hs::decisions {

namespace {

template <class B, class Decode>
std::vector<B> decoded(const std::vector<KeyedBallot>& ballots, Decode&& decode) {
  std::vector<B> out;
  out.reserve(ballots.size());
  for (const auto& b : ballots)
    if (auto d = decode(b.ballot.choice)) out.push_back(std::move(*d));
  return out;
}

}  // namespace

Tally tally(const Settings& s, Phase phase, std::int64_t proposal_id, std::size_t option_count,
            const std::vector<KeyedBallot>& ballots, std::int64_t eligible) {
  const Electorate who = electorate(s, eligible);
  Tally t;
  switch (s.method) {
    case Method::consent: {
      ConsentState state;
      state.phase = phase;
      for (const auto& b : ballots)
        if (auto stance = decode_consent(b.ballot.choice))
          state.responses[b.voter] = {*stance, b.ballot.reason, b.ballot.revision, b.at};
      auto r = consent_result(state, who);
      t.outcome = r.outcome;
      t.quorum = r.quorum;
      t.result = std::move(r);
      break;
    }
    case Method::consensus: {
      ConsensusState state;
      state.phase = phase;
      for (const auto& b : ballots)
        if (auto p = parse_position(b.ballot.choice))
          state.responses[b.voter] = {*p, b.ballot.reason, b.ballot.revision, b.at};
      auto r = consensus_result(state, who);
      t.outcome = r.outcome;
      t.quorum = r.quorum;
      t.result = std::move(r);
      break;
    }
    case Method::majority: {
      auto v = decoded<MajorityChoice>(ballots, [](const std::string& c) { return parse_majority_choice(c); });
      auto r = count_majority(v, s.threshold, who);
      t.outcome = r.outcome;
      t.quorum = r.quorum;
      t.result = std::move(r);
      break;
    }
    case Method::ranked_choice: {
      auto v = decoded<RankedBallot>(ballots, [](const std::string& c) { return decode_ranked(c); });
      auto r = count_ranked(v, option_count, proposal_id, who);
      t.outcome = r.outcome;
      t.quorum = r.quorum;
      t.result = std::move(r);
      break;
    }
    case Method::score: {
      auto v = decoded<ScoreBallot>(ballots, [](const std::string& c) { return decode_score(c); });
      auto r = count_score(v, option_count, who);
      t.outcome = r.outcome;
      t.quorum = r.quorum;
      t.result = std::move(r);
      break;
    }
    case Method::dot_vote: {
      auto v = decoded<DotBallot>(ballots, [](const std::string& c) { return decode_dots(c); });
      auto r = count_dots(v, option_count, s.dots_per_person, who);
      t.outcome = r.outcome;
      t.quorum = r.quorum;
      t.result = std::move(r);
      break;
    }
    case Method::meeting_poll: {
      auto v = decoded<AvailabilityBallot>(ballots, [](const std::string& c) { return decode_availability(c); });
      auto r = count_availability(v, option_count, who);
      t.outcome = r.outcome;
      t.quorum = r.quorum;
      t.result = std::move(r);
      break;
    }
  }
  return t;
}

CsvTable results_table(const Tally& t, const std::vector<std::string>& options) {
  return std::visit(
      [&](const auto& r) -> CsvTable {
        using R = std::decay_t<decltype(r)>;
        if constexpr (std::is_same_v<R, ConsentResult> || std::is_same_v<R, ConsensusResult> ||
                      std::is_same_v<R, MajorityResult>)
          return decisions::results_table(r);
        else
          return decisions::results_table(r, options);
      },
      t.result);
}

bool objection_stands(Method m, const std::vector<KeyedBallot>& ballots) {
  for (const auto& b : ballots) {
    if (m == Method::consent && b.ballot.choice == "object") return true;
    if (m == Method::consensus && b.ballot.choice == "block") return true;
  }
  return false;
}

}  // namespace hs::decisions
