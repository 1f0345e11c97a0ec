// Consensus (rules/consensus.hpp): passes when someone agrees and nobody blocks. Answers
// go through the rules' state machine when cast, which checks their reasons.
#include "modules/decisions/methods/methods.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "web/render.hpp"

namespace hs::decisions::methods {

namespace {

using web::View;

constexpr Position kPositions[] = {Position::agree, Position::abstain, Position::disagree, Position::block};

class Consensus final : public MethodDescriptor {
 public:
  Result<std::string> read_choice(const Settings&, std::size_t, const BallotFields& f) const override {
    if (!parse_position(f.choice)) return field_error("position", keys::kPositionRequired);
    return f.choice;
  }
  bool reads_reason() const override { return false; }
  void fill_fields(const std::string& choice, BallotFields& f) const override { f.choice = choice; }

  // Each answer replaces the last whole, so the answer so far plays no part.
  Result<StoredBallot> apply_answer(const Settings& s, int revision, const std::optional<StoredBallot>&,
                                    const StoredBallot& next, bool, std::int64_t now) const override {
    const VoterKey me{"me"};
    ConsensusState state;
    state.revision = revision;
    const ConsensusEvent e{ConsensusAction::respond, me, parse_position(next.choice).value_or(Position::agree),
                           next.reason, now};
    return answer_after(state, e, s, [](const ConsensusResponse& r) { return to_string(r.position); });
  }
  const char* objection_entry(const std::string& choice) const override {
    return choice == "block" ? "decision.blocked" : nullptr;
  }

  void ballot_view(const web::Renderer& words, View& vote, const PageInput&, const BallotFields& f) const override {
    vote.set("is_consensus", true);
    View items = View::list();
    bool first = true;
    for (auto p : kPositions) {
      auto name = std::string(to_string(p));
      items.push(radio("position", name, words.t("decisions_position_" + name), f.choice == name, first,
                       words.t("decisions_position_" + name + "_hint")));
      first = false;
    }
    vote.set("positions", std::move(items));
  }

  MethodResult count(const Settings&, Phase phase, std::int64_t, std::size_t, const std::vector<KeyedBallot>& ballots,
                     const Electorate& who) const override {
    ConsensusState state;
    state.phase = phase;
    for (const auto& b : ballots)
      if (auto p = parse_position(b.ballot.choice))
        state.responses[b.voter] = {*p, b.ballot.reason, b.ballot.revision, b.at};
    return consensus_result(state, who);
  }

  CsvTable csv(const MethodResult& result, const std::vector<std::string>&) const override {
    const auto& r = std::get<ConsensusResult>(result);
    CsvTable t{csv_columns({"revision", "agree", "abstain", "disagree", "block"}), {}};
    t.rows.push_back(csv_row({csv_number(r.revision), csv_number(r.agree), csv_number(r.abstain),
                              csv_number(r.disagree), csv_number(r.block)},
                             r.outcome, r.quorum));
    return t;
  }

  void results_view(const web::Renderer& words, View& out, View& reasons, const MethodResult& result,
                    const PageInput& in) const override {
    const auto& x = std::get<ConsensusResult>(result);
    out.set("is_consensus", true);
    out.set("agree", x.agree);
    out.set("abstain", x.abstain);
    out.set("disagree", x.disagree);
    out.set("block", x.block);
    // Blocks first: they decide the outcome.
    if (in.names) {
      for (auto p : {"block", "disagree", "abstain", "agree"})
        for (const auto& a : in.named)
          if (a.ballot.choice == p && !a.ballot.reason.empty())
            reasons.push(reason_item(words, name_or_former(words, a.name), std::string("decisions_position_") + p,
                                     a.ballot.reason));
    } else {
      for (const auto& g : x.reasons)
        reasons.push(reason_item(words, "", "decisions_position_" + std::string(to_string(g.position)), g.reason));
    }
  }
};

}  // namespace

const MethodDescriptor& consensus() {
  static const Consensus d;
  return d;
}

}  // namespace hs::decisions::methods
