#include "modules/equity/rules/suppression.hpp"

#include <algorithm>
#include <cmath>

namespace hs::equity {

namespace {

using Row = std::vector<double>;

// Rank of a small matrix by Gaussian elimination with partial pivoting (its entries are
// 0 and 1, so doubles are exact enough).
std::size_t rank_of(std::vector<Row> m) {
  if (m.empty()) return 0;
  const std::size_t cols = m[0].size();
  std::size_t rank = 0;
  for (std::size_t c = 0; c < cols && rank < m.size(); ++c) {
    std::size_t pivot = rank;
    for (std::size_t r = rank; r < m.size(); ++r)
      if (std::fabs(m[r][c]) > std::fabs(m[pivot][c])) pivot = r;
    if (std::fabs(m[pivot][c]) < 1e-9) continue;
    std::swap(m[pivot], m[rank]);
    for (std::size_t r = 0; r < m.size(); ++r) {
      if (r == rank) continue;
      const double f = m[r][c] / m[rank][c];
      if (f == 0) continue;
      for (std::size_t k = c; k < cols; ++k) m[r][k] -= f * m[rank][k];
    }
    ++rank;
  }
  return rank;
}

// The lines (rows and columns) whose totals are published, as lists of cell indexes: row
// totals when there are several columns, column totals when there are several rows (a
// one-row table's column totals would be its cells), and the grand total either way.
std::vector<std::vector<std::size_t>> lines(const Table& t) {
  std::vector<std::vector<std::size_t>> out;
  if (t.cols > 1 || t.rows == 1)
    for (std::size_t r = 0; r < t.rows; ++r) {
      std::vector<std::size_t> line;
      for (std::size_t c = 0; c < t.cols; ++c) line.push_back(r * t.cols + c);
      out.push_back(std::move(line));
    }
  if (t.rows > 1)
    for (std::size_t c = 0; c < t.cols; ++c) {
      std::vector<std::size_t> line;
      for (std::size_t r = 0; r < t.rows; ++r) line.push_back(r * t.cols + c);
      out.push_back(std::move(line));
    }
  return out;
}

// A line whose hidden cells give one away: exactly one hidden, or hidden primaries only
// whose sum (the line's total less what is shown) is at an end of what they could add up
// to, so every one of them is at its bound.
bool gives_away(const std::vector<Shown>& cells, const std::vector<std::size_t>& line) {
  std::size_t hidden = 0;
  bool secondary = false;
  std::int64_t sum = 0;
  for (auto i : line)
    if (cells[i].hidden) {
      ++hidden;
      sum += cells[i].count;
      secondary = secondary || !cells[i].primary;
    }
  if (hidden == 0) return false;
  if (hidden == 1) return true;
  const auto n = static_cast<std::int64_t>(hidden);
  return !secondary && (sum == n || sum == n * (kSmallest - 1));
}

// Hides the smallest shown non-zero cell of the line; when the line has none, a zero (a
// shown zero beside one hidden cell gives that cell away as the line's total). False when
// everything in the line is hidden already.
bool hide_one_more(std::vector<Shown>& cells, const std::vector<std::size_t>& line) {
  std::size_t best = cells.size();
  for (auto i : line)
    if (!cells[i].hidden && cells[i].count > 0 && (best == cells.size() || cells[i].count < cells[best].count))
      best = i;
  if (best == cells.size())
    for (auto i : line)
      if (!cells[i].hidden) {
        best = i;
        break;
      }
  if (best == cells.size()) return false;
  cells[best].hidden = true;
  return true;
}

}  // namespace

std::vector<Shown> suppress(const Table& t) {
  std::vector<Shown> cells;
  cells.reserve(t.counts.size());
  for (auto n : t.counts) {
    const bool small = n > 0 && n < kSmallest;
    cells.push_back({n, small, small});
  }
  const auto all = lines(t);
  for (bool changed = true; changed;) {
    changed = false;
    for (const auto& line : all)
      if (gives_away(cells, line) && hide_one_more(cells, line)) changed = true;
    if (changed) continue;
    // Chains across lines: hide more in the row of any cell the totals still determine.
    auto known = linearly_recoverable(t, cells);
    for (std::size_t i = 0; i < cells.size() && !changed; ++i)
      if (known[i]) {
        for (const auto& line : all)
          if (std::find(line.begin(), line.end(), i) != line.end() && hide_one_more(cells, line)) {
            changed = true;
            break;
          }
      }
    if (!changed)
      for (std::size_t i = 0; i < cells.size(); ++i)
        if (known[i]) {
          // Nothing left to hide beside it: hide the whole table's small remainder rather
          // than publish a recoverable count.
          for (auto& c : cells)
            if (!c.hidden) {
              c.hidden = true;
              changed = true;
            }
          break;
        }
  }
  return cells;
}

bool publishable(const Table& t, const std::vector<Shown>& cells) {
  for (const auto& line : lines(t))
    if (gives_away(cells, line)) return false;
  for (bool known : linearly_recoverable(t, cells))
    if (known) return false;
  return true;
}

std::vector<bool> linearly_recoverable(const Table& t, const std::vector<Shown>& cells) {
  std::vector<std::size_t> unknowns;
  std::vector<std::size_t> index(cells.size(), cells.size());
  for (std::size_t i = 0; i < cells.size(); ++i)
    if (cells[i].hidden) {
      index[i] = unknowns.size();
      unknowns.push_back(i);
    }
  std::vector<bool> out(cells.size(), false);
  if (unknowns.empty()) return out;
  std::vector<Row> system;
  for (const auto& line : lines(t)) {
    Row row(unknowns.size(), 0.0);
    bool any = false;
    for (auto i : line)
      if (index[i] < cells.size()) {
        row[index[i]] = 1.0;
        any = true;
      }
    if (any) system.push_back(std::move(row));
  }
  const auto base = rank_of(system);
  for (std::size_t k = 0; k < unknowns.size(); ++k) {
    auto with = system;
    Row e(unknowns.size(), 0.0);
    e[k] = 1.0;
    with.push_back(std::move(e));
    out[unknowns[k]] = rank_of(std::move(with)) == base;  // the cell alone is in the row space
  }
  return out;
}

}  // namespace hs::equity
