// Majority (rules/majority.hpp): yes, no or abstain against the threshold set at opening.
#include "modules/decisions/methods/methods.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "web/render.hpp"

namespace hs::decisions::methods {

namespace {

using web::View;

constexpr MajorityChoice kChoices[] = {MajorityChoice::yes, MajorityChoice::no, MajorityChoice::abstain};

class Majority final : public MethodDescriptor {
 public:
  void read_settings(const ProposalFields& f, Settings& s, Validation& v) const override {
    if (auto t = parse_threshold(f.threshold)) s.threshold = *t;
    else v.add("threshold", std::string(keys::kThresholdUnknown));
  }
  std::vector<SettingRow> setting_rows(const web::Renderer& words, const Settings& s) const override {
    return {{"decisions_setting_threshold", words.t(std::string(name_key(s.threshold)))}};
  }

  Result<std::string> read_choice(const Settings&, std::size_t, const BallotFields& f) const override {
    auto c = parse_majority_choice(f.choice);
    if (!c) return field_error("choice", keys::kChoiceRequired);
    return std::string(to_string(*c));
  }
  void fill_fields(const std::string& choice, BallotFields& f) const override { f.choice = choice; }

  void ballot_view(const web::Renderer& words, View& vote, const PageInput&, const BallotFields& f) const override {
    vote.set("is_majority", true);
    View items = View::list();
    bool first = true;
    for (auto ch : kChoices) {
      auto name = std::string(to_string(ch));
      items.push(radio("choice", name, words.t("decisions_choice_" + name), f.choice == name, first));
      first = false;
    }
    vote.set("choices", std::move(items));
  }

  MethodResult count(const Settings& s, Phase, std::int64_t, std::size_t, const std::vector<KeyedBallot>& ballots,
                     const Electorate& who) const override {
    auto v = decoded<MajorityChoice>(ballots, [](const std::string& c) { return parse_majority_choice(c); });
    return count_majority(v, s.threshold, who);
  }

  CsvTable csv(const MethodResult& result, const std::vector<std::string>&) const override {
    const auto& r = std::get<MajorityResult>(result);
    CsvTable t{csv_columns({"yes", "no", "abstain", "cast", "threshold"}), {}};
    t.rows.push_back(csv_row({csv_number(r.yes), csv_number(r.no), csv_number(r.abstain), csv_number(r.cast()),
                              std::string(to_string(r.threshold))},
                             r.outcome, r.quorum));
    return t;
  }

  void results_view(const web::Renderer& words, View& out, View& reasons, const MethodResult& result,
                    const PageInput& in) const override {
    const auto& x = std::get<MajorityResult>(result);
    out.set("is_majority", true);
    out.set("yes", x.yes);
    out.set("no", x.no);
    out.set("abstain", x.abstain);
    out.set("threshold", words.t(std::string(name_key(x.threshold))));
    // Each reason beside the answer it came with.
    add_reasons(words, reasons, in, [](const StoredBallot& b) { return "decisions_choice_" + b.choice; });
  }
};

}  // namespace

const MethodDescriptor& majority() {
  static const Majority d;
  return d;
}

}  // namespace hs::decisions::methods
