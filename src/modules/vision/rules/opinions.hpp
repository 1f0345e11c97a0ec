#pragma once
// Opinion groups from an opinion map's votes, as Pol.is finds them: everyone's votes on
// the statements (agree +1, disagree -1, pass or not seen 0) are mean-centred, reduced to
// two dimensions by principal component analysis, and grouped by k-means for k = 2..5,
// keeping the k with the best mean silhouette. Then, from the votes themselves (not the
// picture): what sets each group apart, and the common ground every group shares.
//
// Deterministic: the same votes and options give the same groups and points (the PRNG
// is seeded and its numbers are drawn without the standard library's distributions,
// which differ between library versions).
//
// Pure and in memory; 2,000 people x 300 statements takes a few tens of milliseconds.
#include <cstddef>
#include <cstdint>
#include <vector>

namespace hs::vision {

// One cell of the vote matrix.
enum class Vote : std::int8_t { disagree = -1, pass = 0, agree = 1, unseen = 2 };

// Row-major: participants x statements. Rows and columns are the caller's order (its
// participant and statement lists); the results index them the same way.
struct VoteMatrix {
  std::size_t participants = 0;
  std::size_t statements = 0;
  std::vector<Vote> cells;  // participants * statements, unseen where nobody voted

  VoteMatrix() = default;
  VoteMatrix(std::size_t p, std::size_t s) : participants(p), statements(s), cells(p * s, Vote::unseen) {}
  Vote& at(std::size_t p, std::size_t s) { return cells[p * statements + s]; }
  Vote at(std::size_t p, std::size_t s) const { return cells[p * statements + s]; }
};

struct OpinionOptions {
  // Only people who answered this many statements (a pass is an answer) are grouped,
  // or every statement when there are fewer: a person who answered two says little
  // about which group they belong to and only blurs the groups.
  std::size_t min_votes = 7;
  std::size_t max_groups = 5;
  std::uint64_t seed = 0x5eed;
  int restarts = 4;  // k-means++ runs per k; the tightest is kept
  // A statement says something of a group only when this many of its members answered it.
  std::size_t min_group_votes = 3;
  // Common ground: every group agrees with the statement at this smoothed rate or more,
  // (agree + 1) / (answered + 2). Two in three is a large majority that a group of five
  // who all agree reaches ((5+1)/7 = 0.86), and a group split 50/50 never does. Passes
  // count as answers that did not agree.
  double common_ground = 2.0 / 3;
  // Distinctive: the group's smoothed agree (or disagree) rate is at least this much
  // higher than everyone else's, and above one half.
  double distinct_by = 0.2;
  std::size_t max_distinctive = 5;  // per group
};

struct Point {
  double x = 0, y = 0;
};

struct StatementInGroup {
  std::size_t statement = 0;
  bool agree = true;         // the group stands out by agreeing (false: by disagreeing)
  double rate = 0;           // smoothed rate of that answer in the group
  double others_rate = 0;    // the same among everyone grouped but not in the group
  std::size_t answered = 0;  // members of the group who answered it
};

struct OpinionGroup {
  std::vector<std::size_t> members;           // participant rows
  std::vector<StatementInGroup> distinctive;  // most distinctive first
};

struct CommonGround {
  std::size_t statement = 0;
  double lowest_rate = 0;  // the smoothed agree rate of the group that agrees least
};

struct OpinionMap {
  std::vector<Point> points;  // every participant, on the two principal components
  std::vector<int> group;     // every participant's group, -1 when not grouped (too few votes)
  std::vector<OpinionGroup> groups;
  std::vector<CommonGround> common_ground;  // in statement order
  std::size_t grouped = 0;                  // participants who were grouped
  double silhouette = 0;                    // mean silhouette of the chosen grouping
  // Share of the variance of the centred votes the two components explain (0..1).
  double explained = 0;
};

OpinionMap opinion_map(const VoteMatrix& votes, const OpinionOptions& options = {});

// How alike two groupings of the same people are, corrected for chance: 1 the same
// (whatever the groups' numbers), about 0 no better than random. Labels below 0 are a
// group of their own.
double adjusted_rand_index(const std::vector<int>& a, const std::vector<int>& b);

}  // namespace hs::vision
