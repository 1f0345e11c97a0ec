#pragma once
// The equality questions, asked site-wide and optional at every step, on the lines of the
// 2022 Scotland census question sets: each has "prefer not to say", and leaving one out is
// always fine. What a person answered is a map from question to their answers (one, or
// several for the areas of lived experience). Pure.
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace hs::equity {

struct Question {
  std::string_view key;
  std::vector<std::string_view> options;  // the last is always "prefer_not"
  bool multiple = false;                  // several answers may be chosen
};

// In the order the form asks them. Words: equity_q_<key>, equity_a_<key>_<option>.
const std::vector<Question>& questions();
const Question* question(std::string_view key);

using Answers = std::map<std::string, std::vector<std::string>>;

// Only known questions and options, each at most once; "prefer_not" alone when chosen.
// Unknown ones are dropped (a form from an older page), never an error: every answer is
// optional.
Answers clean(const Answers& typed);

// Counts of one question's answers among people, in the question's order of options, and
// a last row for those who answered other questions but not this one. A person choosing
// several areas counts once in each.
struct Counts {
  std::vector<std::string> rows;  // option keys, then "not_answered"
  std::vector<std::int64_t> counts;
};
Counts count(const Question& q, const std::vector<Answers>& people);

// A reference population (e.g. the area's census): a share of each answer in tenths of a
// per cent (0 to 1000), as a steward typed it ("12.5" for 12.5 %).
std::optional<std::int64_t> parse_share(std::string_view typed);
// Under-represented: the share of people here who gave the answer (of those who answered
// the question at all) is below four fifths of the reference share.
bool under_represented(std::int64_t count, std::int64_t answered, std::int64_t reference_per_mille);

// Reports are refused when fewer people than this answered any question.
inline constexpr std::int64_t kMinimumPeople = 10;

}  // namespace hs::equity
