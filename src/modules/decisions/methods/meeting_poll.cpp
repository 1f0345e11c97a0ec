// Meeting poll (rules/meeting_poll.hpp): every time answered yes, if need be or no.
#include "modules/decisions/methods/methods.hpp"
#include "modules/decisions/methods/shared.hpp"
#include "modules/decisions/rules/errors.hpp"
#include "modules/decisions/rules/keys.hpp"
#include "web/render.hpp"

namespace hs::decisions::methods {

namespace {

using web::View;

constexpr Availability kAnswers[] = {Availability::yes, Availability::if_need_be, Availability::no};

// A row of radio buttons, one per answer, for time i.
View slot_row(const web::Renderer& words, std::size_t i, const std::string& option, const std::string& chosen) {
  std::vector<std::pair<std::string, std::string>> values;
  for (auto a : kAnswers)
    values.emplace_back(std::string(to_string(a)), words.t("decisions_availability_" + std::string(to_string(a))));
  View row;
  row.set("label", option);
  row.set("answers", radio_row("slots", "slot_" + std::to_string(i), i == 0, values, chosen));
  return row;
}

class MeetingPoll final : public MethodDescriptor {
 public:
  Result<std::string> read_choice(const Settings&, std::size_t n, const BallotFields& f) const override {
    AvailabilityBallot ab;
    for (const auto& x : f.slots) {
      auto a = parse_availability(x);
      if (!a) return field_error("slots", keys::kSlotAnswerRequired);
      ab.slots.push_back(*a);
    }
    if (auto ok = validate_availability(ab, n); !ok) return fail(ok.error());
    return encode(ab);
  }
  void fill_fields(const std::string& choice, BallotFields& f) const override { f.slots = choice_parts(choice); }

  void ballot_view(const web::Renderer& words, View& vote, const PageInput& in, const BallotFields& f) const override {
    vote.set("is_meeting", true);
    View rows = View::list();
    for (std::size_t i = 0; i < in.options.size(); ++i)
      rows.push(slot_row(words, i, in.options[i], i < f.slots.size() ? f.slots[i] : std::string()));
    vote.set("slot_rows", std::move(rows));
  }

  MethodResult count(const Settings&, Phase, std::int64_t, std::size_t option_count,
                     const std::vector<KeyedBallot>& ballots, const Electorate& who) const override {
    auto v = decoded<AvailabilityBallot>(ballots, [](const std::string& c) { return decode_availability(c); });
    return count_availability(v, option_count, who);
  }

  CsvTable csv(const MethodResult& result, const std::vector<std::string>& slots) const override {
    const auto& r = std::get<MeetingResult>(result);
    CsvTable t{csv_columns({"slot", "yes", "if_need_be", "no", "rank", "tied"}), {}};
    for (auto s : r.order) {
      const auto& line = r.slots[s];
      t.rows.push_back(csv_row({option_name(slots, s), csv_number(line.yes), csv_number(line.if_need_be),
                                csv_number(line.no), csv_number(line.rank), csv_flag(line.tied)},
                               r.outcome, r.quorum));
    }
    return t;
  }

  void results_view(const web::Renderer& words, View& out, View& reasons, const MethodResult& result,
                    const PageInput& in) const override {
    const auto& x = std::get<MeetingResult>(result);
    out.set("is_meeting", true);
    out.set("rows", ranked_rows(x.order, x.slots, in.options, [](View& row, const SlotLine& line) {
              row.set("yes", line.yes);
              row.set("if_need_be", line.if_need_be);
              row.set("no", line.no);
            }));
    add_plain_reasons(words, reasons, in);
  }
};

}  // namespace

const MethodDescriptor& meeting_poll() {
  static const MeetingPoll d;
  return d;
}

}  // namespace hs::decisions::methods
