#pragma once
// Closed-form rounds for plan_groups (assign.hpp) where the numbers fit a finite field: n =
// g * q people in q groups of g, q a prime power (4, 5, 7, 8, 9, 11, ...) and g <= q. Nobody
// meets anyone twice in these rounds. Internal to the breakouts rules.
#include <vector>

namespace hs::breakouts::design {

// A resolvable design for n = g * q people in q groups of g (q a prime power, g <= q): people
// sit in a g-by-q grid; in round a, the person at (row i, column c) joins group c - a*x_i,
// x_i = i. Two people in different rows share a group in exactly one of the q rounds; a last
// round splits each row into groups of g when g divides q. Returns the rounds as
// cell -> group, or nothing when the numbers do not fit.
std::vector<std::vector<int>> design_rounds(int n, int groups, int g);

}  // namespace hs::breakouts::design
