#include "modules/decisions/rules/results_csv.hpp"

#include <cstdint>
#include <initializer_list>
#include <string_view>

namespace hs::decisions {

namespace {

constexpr std::string_view kSummaryColumns[] = {"outcome", "turnout", "eligible", "quorum_required", "quorum_met"};

std::string num(std::int64_t v) { return std::to_string(v); }
std::string flag(bool b) { return b ? "1" : "0"; }

std::string name_of(const std::vector<std::string>& names, std::size_t i) {
  return i < names.size() ? names[i] : std::string();
}

std::vector<std::string> columns(std::initializer_list<std::string_view> own) {
  std::vector<std::string> out(own.begin(), own.end());
  for (auto c : kSummaryColumns) out.emplace_back(c);
  return out;
}

std::vector<std::string> row(std::vector<std::string> cells, Outcome outcome, const QuorumReport& q) {
  cells.emplace_back(to_string(outcome));
  cells.push_back(num(q.turnout));
  cells.push_back(num(q.eligible));
  cells.push_back(num(q.required));
  cells.push_back(flag(q.met));
  return cells;
}

}  // namespace

CsvTable results_table(const MajorityResult& r) {
  CsvTable t{columns({"yes", "no", "abstain", "cast", "threshold"}), {}};
  t.rows.push_back(row({num(r.yes), num(r.no), num(r.abstain), num(r.cast()), std::string(to_string(r.threshold))},
                       r.outcome, r.quorum));
  return t;
}

CsvTable results_table(const ConsentResult& r) {
  CsvTable t{columns({"revision", "consents", "objections"}), {}};
  t.rows.push_back(row({num(r.revision), num(r.consents), num(r.objections)}, r.outcome, r.quorum));
  return t;
}

CsvTable results_table(const ConsensusResult& r) {
  CsvTable t{columns({"revision", "agree", "abstain", "disagree", "block"}), {}};
  t.rows.push_back(
      row({num(r.revision), num(r.agree), num(r.abstain), num(r.disagree), num(r.block)}, r.outcome, r.quorum));
  return t;
}

CsvTable results_table(const RankedResult& r, const std::vector<std::string>& options) {
  CsvTable t{columns({"round", "option", "votes", "continuing", "exhausted", "eliminated", "winner", "tie_break"}), {}};
  for (const auto& round : r.rounds) {
    for (std::size_t o = 0; o < round.votes.size(); ++o) {
      if (!round.continuing[o]) continue;
      const bool out = round.eliminated == o;
      t.rows.push_back(row({num(round.number), name_of(options, o), num(round.votes[o]), num(round.continuing_ballots),
                            num(round.exhausted), flag(out), flag(round.winner == o),
                            out ? std::string(to_string(round.tie_break)) : std::string()},
                           r.outcome, r.quorum));
    }
  }
  return t;
}

CsvTable results_table(const ScoreResult& r, const std::vector<std::string>& options) {
  CsvTable t{columns({"option", "sum", "mean", "ballots", "rank", "tied"}), {}};
  for (auto o : r.order) {
    const auto& line = r.options[o];
    t.rows.push_back(
        row({name_of(options, o), num(line.sum), line.mean(), num(line.ballots), num(line.rank), flag(line.tied)},
            r.outcome, r.quorum));
  }
  return t;
}

CsvTable results_table(const DotResult& r, const std::vector<std::string>& options) {
  CsvTable t{columns({"option", "dots", "rank", "tied"}), {}};
  for (auto o : r.order) {
    const auto& line = r.options[o];
    t.rows.push_back(row({name_of(options, o), num(line.dots), num(line.rank), flag(line.tied)}, r.outcome, r.quorum));
  }
  return t;
}

CsvTable results_table(const MeetingResult& r, const std::vector<std::string>& slots) {
  CsvTable t{columns({"slot", "yes", "if_need_be", "no", "rank", "tied"}), {}};
  for (auto s : r.order) {
    const auto& line = r.slots[s];
    t.rows.push_back(
        row({name_of(slots, s), num(line.yes), num(line.if_need_be), num(line.no), num(line.rank), flag(line.tied)},
            r.outcome, r.quorum));
  }
  return t;
}

}  // namespace hs::decisions
