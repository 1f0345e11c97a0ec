// Dot vote (rules/dot_vote.hpp): each person spreads the same number of dots, fixed when
// the proposal opens.
#include "core/text.hpp"
#include "modules/decisions/methods/methods.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "web/render.hpp"

namespace hs::decisions::methods {

namespace {

using web::View;

class DotVote final : public MethodDescriptor {
 public:
  void read_settings(const ProposalFields& f, Settings& s, Validation& v) const override {
    if (auto d = parse_dots_per_person(text::trim(f.dots))) s.dots_per_person = *d;
    else add_error(v, d.error());
  }
  std::vector<SettingRow> setting_rows(const web::Renderer&, const Settings& s) const override {
    return {{"decisions_setting_dots", std::to_string(s.dots_per_person)}};
  }

  Result<std::string> read_choice(const Settings& s, std::size_t n, const BallotFields& f) const override {
    DotBallot db;
    for (const auto& x : f.dots) {
      if (text::trim(x).empty()) {
        db.dots.push_back(0);  // a box left empty places no dots
        continue;
      }
      auto v = whole(x);
      if (!v) return field_error("dots", keys::kDotsCount);
      db.dots.push_back(*v);
    }
    if (auto ok = validate_dots(db, n, s.dots_per_person); !ok) return fail(ok.error());
    return encode(db);
  }
  void fill_fields(const std::string& choice, BallotFields& f) const override { f.dots = choice_parts(choice); }

  void ballot_view(const web::Renderer& words, View& vote, const PageInput& in, const BallotFields& f) const override {
    vote.set("is_dots", true);
    vote.set("dots_hint",
             words.format("decisions_dots_hint", {{"count", std::to_string(in.settings.dots_per_person)}}));
    View rows = View::list();
    for (std::size_t i = 0; i < in.options.size(); ++i) {
      View row;
      row.set("label", in.options[i]);
      row.set("name", "dots_" + std::to_string(i));
      row.set("id", i == 0 ? std::string("dots") : "dots_" + std::to_string(i));
      row.set("value", i < f.dots.size() ? f.dots[i] : std::string("0"));
      rows.push(std::move(row));
    }
    vote.set("dot_rows", std::move(rows));
  }

  MethodResult count(const Settings& s, Phase, std::int64_t, std::size_t option_count,
                     const std::vector<KeyedBallot>& ballots, const Electorate& who) const override {
    auto v = decoded<DotBallot>(ballots, [](const std::string& c) { return decode_dots(c); });
    return count_dots(v, option_count, s.dots_per_person, who);
  }

  CsvTable csv(const MethodResult& result, const std::vector<std::string>& options) const override {
    const auto& r = std::get<DotResult>(result);
    CsvTable t{csv_columns({"option", "dots", "rank", "tied"}), {}};
    for (auto o : r.order) {
      const auto& line = r.options[o];
      t.rows.push_back(
          csv_row({option_name(options, o), csv_number(line.dots), csv_number(line.rank), csv_flag(line.tied)},
                  r.outcome, r.quorum));
    }
    return t;
  }

  void results_view(const web::Renderer& words, View& out, View& reasons, const MethodResult& result,
                    const PageInput& in) const override {
    const auto& x = std::get<DotResult>(result);
    out.set("is_dots", true);
    out.set("rows", ranked_rows(x.order, x.options, in.options,
                                [](View& row, const DotLine& line) { row.set("dots", line.dots); }));
    add_plain_reasons(words, reasons, in);
  }
};

}  // namespace

const MethodDescriptor& dot_vote() {
  static const DotVote d;
  return d;
}

}  // namespace hs::decisions::methods
