// Ranked choice (rules/ranked_choice.hpp): options ranked, counted in rounds.
#include "core/text.hpp"
#include "modules/decisions/methods/methods.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "web/render.hpp"

namespace hs::decisions::methods {

namespace {

using web::View;

// A select per rank, each offering "none" and every option.
View rank_select(const web::Renderer& words, std::size_t r, const std::vector<std::string>& options,
                 const std::string& chosen) {
  View rank;
  rank.set("id", r == 0 ? std::string("ranking") : "rank_" + std::to_string(r + 1));
  rank.set("name", "rank_" + std::to_string(r + 1));
  rank.set("label", words.format("decisions_rank_n", {{"n", std::to_string(r + 1)}}));
  View opts = View::list();
  View none;
  none.set("value", "");
  none.set("label", words.t("decisions_rank_none"));
  none.set("selected", chosen.empty());
  opts.push(std::move(none));
  for (std::size_t i = 0; i < options.size(); ++i) {
    View o;
    o.set("value", std::to_string(i));
    o.set("label", options[i]);
    o.set("selected", chosen == std::to_string(i));
    opts.push(std::move(o));
  }
  rank.set("options", std::move(opts));
  return rank;
}

// A round's table: the options still in the count, with the winner or the one leaving.
View round_view(const web::Renderer& words, const RankedRound& round, const std::vector<std::string>& options) {
  View rv;
  rv.set("number", round.number);
  rv.set("caption", words.format("decisions_round_caption", {{"n", std::to_string(round.number)},
                                                             {"majority", std::to_string(round.majority)},
                                                             {"exhausted", std::to_string(round.exhausted)}}));
  View rows = View::list();
  for (std::size_t i = 0; i < round.votes.size(); ++i) {
    if (i >= round.continuing.size() || !round.continuing[i]) continue;
    View row;
    row.set("option", option_name(options, i));
    row.set("votes", round.votes[i]);
    if (round.winner && *round.winner == i) row.set("note", words.t("decisions_round_winner"));
    else if (round.eliminated && *round.eliminated == i)
      row.set("note", words.t("decisions_round_eliminated_" + std::string(to_string(round.tie_break))));
    rows.push(std::move(row));
  }
  rv.set("rows", std::move(rows));
  return rv;
}

class RankedChoice final : public MethodDescriptor {
 public:
  Result<std::string> read_choice(const Settings&, std::size_t n, const BallotFields& f) const override {
    RankedBallot r;
    for (const auto& rank : f.ranks) {
      if (text::trim(rank).empty()) continue;
      auto pos = whole(rank);
      if (!pos || *pos < 0) return field_error("ranking", keys::kRankUnknownOption);
      r.ranking.push_back(static_cast<std::size_t>(*pos));
    }
    if (auto ok = validate_ranked(r, n); !ok) return fail(ok.error());
    return encode(r);
  }
  void fill_fields(const std::string& choice, BallotFields& f) const override { f.ranks = choice_parts(choice); }

  void ballot_view(const web::Renderer& words, View& vote, const PageInput& in, const BallotFields& f) const override {
    vote.set("is_ranked", true);
    View ranks = View::list();
    for (std::size_t r = 0; r < in.options.size(); ++r)
      ranks.push(rank_select(words, r, in.options, r < f.ranks.size() ? f.ranks[r] : std::string()));
    vote.set("ranks", std::move(ranks));
  }

  MethodResult count(const Settings&, Phase, std::int64_t proposal_id, std::size_t option_count,
                     const std::vector<KeyedBallot>& ballots, const Electorate& who) const override {
    auto v = decoded<RankedBallot>(ballots, [](const std::string& c) { return decode_ranked(c); });
    return count_ranked(v, option_count, proposal_id, who);
  }

  CsvTable csv(const MethodResult& result, const std::vector<std::string>& options) const override {
    const auto& r = std::get<RankedResult>(result);
    CsvTable t{
        csv_columns({"round", "option", "votes", "continuing", "exhausted", "eliminated", "winner", "tie_break"}), {}};
    for (const auto& round : r.rounds) {
      for (std::size_t o = 0; o < round.votes.size(); ++o) {
        if (!round.continuing[o]) continue;
        const bool out = round.eliminated == o;
        t.rows.push_back(
            csv_row({csv_number(round.number), option_name(options, o), csv_number(round.votes[o]),
                     csv_number(round.continuing_ballots), csv_number(round.exhausted), csv_flag(out),
                     csv_flag(round.winner == o), out ? std::string(to_string(round.tie_break)) : std::string()},
                    r.outcome, r.quorum));
      }
    }
    return t;
  }

  void results_view(const web::Renderer& words, View& out, View& reasons, const MethodResult& result,
                    const PageInput& in) const override {
    const auto& x = std::get<RankedResult>(result);
    out.set("is_ranked", true);
    View rounds = View::list();
    for (const auto& round : x.rounds) rounds.push(round_view(words, round, in.options));
    out.set("rounds", std::move(rounds));
    if (x.winner) out.set("winner", option_name(in.options, *x.winner));
    add_plain_reasons(words, reasons, in);
  }
};

}  // namespace

const MethodDescriptor& ranked_choice() {
  static const RankedChoice d;
  return d;
}

}  // namespace hs::decisions::methods
