#include "modules/decisions/rules/results_csv.hpp"

namespace hs::decisions {

namespace {

constexpr std::string_view kSummaryColumns[] = {"outcome", "turnout", "eligible", "quorum_required", "quorum_met"};

}  // namespace

std::string csv_number(std::int64_t v) { return std::to_string(v); }
std::string csv_flag(bool b) { return b ? "1" : "0"; }

std::vector<std::string> csv_columns(std::initializer_list<std::string_view> own) {
  std::vector<std::string> out(own.begin(), own.end());
  for (auto c : kSummaryColumns) out.emplace_back(c);
  return out;
}

std::vector<std::string> csv_row(std::vector<std::string> cells, Outcome outcome, const QuorumReport& q) {
  cells.emplace_back(to_string(outcome));
  cells.push_back(csv_number(q.turnout));
  cells.push_back(csv_number(q.eligible));
  cells.push_back(csv_number(q.required));
  cells.push_back(csv_flag(q.met));
  return cells;
}

}  // namespace hs::decisions
