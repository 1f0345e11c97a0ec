// Consent (rules/consent.hpp): passes unless an objection stands. Answers go through the
// rules' state machine when cast (commands/cast_vote.cpp), which checks their reasons.
#include "modules/decisions/methods/methods.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "web/render.hpp"

namespace hs::decisions::methods {

namespace {

using web::View;

class Consent final : public MethodDescriptor {
 public:
  Result<std::string> read_choice(const Settings&, std::size_t, const BallotFields& f) const override {
    if (!decode_consent(f.choice)) return field_error("choice", "decisions_ballot_stance_required");
    return f.choice;
  }
  bool reads_reason() const override { return false; }
  void fill_fields(const std::string& choice, BallotFields& f) const override { f.choice = choice; }

  Result<StoredBallot> apply_answer(const Settings& s, int revision, const std::optional<StoredBallot>& current,
                                    const StoredBallot& next, bool withdraw, std::int64_t now) const override {
    const VoterKey me{"me"};
    ConsentState state;
    state.revision = revision;
    if (current)
      if (auto stance = decode_consent(current->choice))
        state.responses[me] = {*stance, current->reason, current->revision, 0};
    const auto action =
        withdraw ? ConsentAction::withdraw : (next.choice == "object" ? ConsentAction::object : ConsentAction::consent);
    return answer_after(state, ConsentEvent{action, me, next.reason, now}, s,
                        [](const ConsentResponse& r) { return encode(r.stance); });
  }
  const char* objection_entry(const std::string& choice) const override {
    return choice == "object" ? "decision.objected" : nullptr;
  }

  void ballot_view(const web::Renderer& words, View& vote, const PageInput& in, const BallotFields& f) const override {
    vote.set("is_consent", true);
    View items = View::list();
    items.push(radio("choice", "consent", words.t("decisions_stance_consent"), f.choice == "consent", true,
                     words.t("decisions_stance_consent_hint")));
    items.push(radio("choice", "object", words.t("decisions_stance_object"), f.choice == "object", false,
                     words.t("decisions_stance_object_hint")));
    vote.set("choices", std::move(items));
    vote.set("has_objection", in.mine && in.mine->choice == "object");
  }

  MethodResult count(const Settings&, Phase phase, std::int64_t, std::size_t, const std::vector<KeyedBallot>& ballots,
                     const Electorate& who) const override {
    ConsentState state;
    state.phase = phase;
    for (const auto& b : ballots)
      if (auto stance = decode_consent(b.ballot.choice))
        state.responses[b.voter] = {*stance, b.ballot.reason, b.ballot.revision, b.at};
    return consent_result(state, who);
  }

  CsvTable csv(const MethodResult& result, const std::vector<std::string>&) const override {
    const auto& r = std::get<ConsentResult>(result);
    CsvTable t{csv_columns({"revision", "consents", "objections"}), {}};
    t.rows.push_back(
        csv_row({csv_number(r.revision), csv_number(r.consents), csv_number(r.objections)}, r.outcome, r.quorum));
    return t;
  }

  void results_view(const web::Renderer& words, View& out, View& reasons, const MethodResult& result,
                    const PageInput& in) const override {
    const auto& x = std::get<ConsentResult>(result);
    out.set("is_consent", true);
    out.set("consents", x.consents);
    out.set("objections", x.objections);
    // Objections only: a consent needs no defending.
    if (in.names) {
      for (const auto& a : in.named)
        if (a.ballot.choice == "object")
          reasons.push(reason_item(words, name_or_former(words, a.name), "decisions_stance_object", a.ballot.reason));
    } else {
      for (const auto& o : x.standing) reasons.push(reason_item(words, "", "decisions_stance_object", o.reason));
    }
  }
};

}  // namespace

const MethodDescriptor& consent() {
  static const Consent d;
  return d;
}

}  // namespace hs::decisions::methods
