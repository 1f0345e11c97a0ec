// Score (rules/score.hpp): every option scored from kScoreMin to kScoreMax.
#include "modules/decisions/methods/methods.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "web/render.hpp"

namespace hs::decisions::methods {

namespace {

using web::View;

// A row of radio buttons, kScoreMin to kScoreMax, for option i.
View score_row(std::size_t i, const std::string& option, const std::string& chosen) {
  std::vector<std::pair<std::string, std::string>> values;
  for (int s = kScoreMin; s <= kScoreMax; ++s) values.emplace_back(std::to_string(s), "");
  View row;
  row.set("label", option);
  row.set("legend_id", "score_" + std::to_string(i) + "-legend");
  row.set("values", radio_row("scores", "score_" + std::to_string(i), i == 0, values, chosen));
  return row;
}

class Score final : public MethodDescriptor {
 public:
  Result<std::string> read_choice(const Settings&, std::size_t n, const BallotFields& f) const override {
    ScoreBallot sb;
    for (const auto& x : f.scores) {
      auto v = whole(x);
      if (!v) return field_error("scores", keys::kScoreCount);
      sb.scores.push_back(*v);
    }
    if (auto ok = validate_score(sb, n); !ok) return fail(ok.error());
    return encode(sb);
  }
  void fill_fields(const std::string& choice, BallotFields& f) const override { f.scores = choice_parts(choice); }

  void ballot_view(const web::Renderer&, View& vote, const PageInput& in, const BallotFields& f) const override {
    vote.set("is_score", true);
    View rows = View::list();
    for (std::size_t i = 0; i < in.options.size(); ++i)
      rows.push(score_row(i, in.options[i], i < f.scores.size() ? f.scores[i] : std::string()));
    vote.set("score_rows", std::move(rows));
  }

  MethodResult count(const Settings&, Phase, std::int64_t, std::size_t option_count,
                     const std::vector<KeyedBallot>& ballots, const Electorate& who) const override {
    auto v = decoded<ScoreBallot>(ballots, [](const std::string& c) { return decode_score(c); });
    return count_score(v, option_count, who);
  }

  CsvTable csv(const MethodResult& result, const std::vector<std::string>& options) const override {
    const auto& r = std::get<ScoreResult>(result);
    CsvTable t{csv_columns({"option", "sum", "mean", "ballots", "rank", "tied"}), {}};
    for (auto o : r.order) {
      const auto& line = r.options[o];
      t.rows.push_back(csv_row({option_name(options, o), csv_number(line.sum), line.mean(), csv_number(line.ballots),
                                csv_number(line.rank), csv_flag(line.tied)},
                               r.outcome, r.quorum));
    }
    return t;
  }

  void results_view(const web::Renderer& words, View& out, View& reasons, const MethodResult& result,
                    const PageInput& in) const override {
    const auto& x = std::get<ScoreResult>(result);
    out.set("is_score", true);
    out.set("rows", ranked_rows(x.order, x.options, in.options, [](View& row, const ScoreLine& line) {
              row.set("sum", line.sum);
              row.set("mean", line.mean());
            }));
    add_plain_reasons(words, reasons, in);
  }
};

}  // namespace

const MethodDescriptor& score() {
  static const Score d;
  return d;
}

}  // namespace hs::decisions::methods
