// Times our opinion groups for bench/vision/run.sh.
// Usage: driver VOTES.txt RUNS LABELS_OUT
// Reads the votes (generate.py's format), recomputes the groups RUNS times, each after
// one more vote (as the live map does when a vote arrives: everything is recomputed from
// the matrix), and prints {"median_ms", "min_ms", "groups", "grouped", "silhouette"};
// writes each person's group (-1: not grouped) to LABELS_OUT, one a line.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "modules/vision/rules/opinions.hpp"

namespace v = hs::vision;

int main(int argc, char** argv) {
  if (argc != 4) {
    std::cerr << "usage: driver VOTES.txt RUNS LABELS_OUT\n";
    return 2;
  }
  std::ifstream in(argv[1]);
  std::size_t people = 0, statements = 0;
  in >> people >> statements;
  v::VoteMatrix votes(people, statements);
  std::string row;
  for (std::size_t p = 0; p < people && in >> row; ++p)
    for (std::size_t s = 0; s < statements && s < row.size(); ++s)
      votes.at(p, s) = row[s] == '+'   ? v::Vote::agree
                       : row[s] == '-' ? v::Vote::disagree
                       : row[s] == '0' ? v::Vote::pass
                                       : v::Vote::unseen;
  const int runs = std::max(1, std::stoi(argv[2]));
  std::vector<double> ms;
  v::OpinionMap map;
  v::VoteMatrix before = votes;
  for (int r = 0; r < runs; ++r) {
    // One more vote: someone agrees with a statement they had not seen (undone after, so
    // every run's result is the first matrix's plus one vote).
    votes = before;
    for (std::size_t i = static_cast<std::size_t>(r) * 7919 % votes.cells.size(), n = 0; n < votes.cells.size();
         ++n, i = (i + 1) % votes.cells.size())
      if (votes.cells[i] == v::Vote::unseen) {
        votes.cells[i] = v::Vote::agree;
        break;
      }
    auto start = std::chrono::steady_clock::now();
    map = v::opinion_map(votes);
    ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
  }
  // The labels of the matrix as generated, for the comparison with the peer.
  map = v::opinion_map(before);
  std::sort(ms.begin(), ms.end());
  std::printf("{\"median_ms\": %.2f, \"min_ms\": %.2f, \"groups\": %zu, \"grouped\": %zu, \"silhouette\": %.4f}\n",
              ms[ms.size() / 2], ms.front(), map.groups.size(), map.grouped, map.silhouette);
  std::ofstream out(argv[3]);
  for (int g : map.group) out << g << "\n";
  return 0;
}
