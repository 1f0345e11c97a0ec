#pragma once
// An opinion map as people see it: everyone a dot (nobody named) on the two principal
// components, each group in its own colour and shape (so colour is never the only
// difference), with a legend; and its text equivalent: each group's size and distinctive
// statements, and the common ground. The SVG is written as text and carries the text
// equivalent in its <desc>.
#include <string>
#include <vector>

#include "modules/vision/rules/opinions.hpp"

namespace hs::vision {

// The words people read, from messages/en/vision.txt (keys in brackets). {g} is a
// group's letter, {n} a count, {p} and {q} whole percentages.
struct OpinionWords {
  std::string title;          // the question asked
  std::string group;          // [vision_opinion_group] "Group {g}"
  std::string people;         // [vision_opinion_people] "{n} people"
  std::string one_person;     // [vision_opinion_one_person] "1 person"
  std::string not_grouped;    // [vision_opinion_not_grouped] "Not grouped yet: {n}"
  std::string agreed;         // [vision_opinion_agreed] "{p}% of the group agreed (others: {q}%)"
  std::string disagreed;      // [vision_opinion_disagreed] "{p}% of the group disagreed (others: {q}%)"
  std::string common_ground;  // [vision_opinion_common_ground] "Common ground"
  std::string common_line;    // [vision_opinion_common_line] "at least {p}% of every group agreed"
  std::string none;           // [vision_opinion_none] "None yet"
};

// "A", "B", ... for group 0, 1, ...
std::string group_letter(std::size_t group);

// The map as SVG, `width` x `height` px, with opinion_text in its <desc>.
std::string opinion_svg(const OpinionMap& map, const std::vector<std::string>& statements, const OpinionWords& words,
                        double width = 640, double height = 420);

// Plain text: the title, each group with its people and distinctive statements, then the
// common ground. `statements`: the statements' words, in the vote matrix's column order.
std::string opinion_text(const OpinionMap& map, const std::vector<std::string>& statements, const OpinionWords& words);

}  // namespace hs::vision
