#pragma once
// The differences between two versions of a text, line by line and, within a changed
// line, word by word (dtl's shortest edit script). Blank lines are left out: in Markdown
// they only separate paragraphs. Long runs of unchanged lines are folded, keeping a few
// lines of context around each change. Pure: no I/O.
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace hs::terms {

enum class Change { same, added, removed };

struct Segment {
  Change change = Change::same;
  std::string text;
};

struct DiffLine {
  enum class Kind { same, added, removed, changed, folded };
  Kind kind = Kind::same;
  std::string text;               // same, added, removed
  std::vector<Segment> segments;  // changed: the words kept, removed and added, in reading order
  std::size_t folded = 0;         // folded: how many unchanged lines are not shown
};

struct TextDiff {
  std::vector<DiffLine> lines;
  std::size_t added = 0;    // lines added, changed lines included
  std::size_t removed = 0;  // lines removed, changed lines included
  bool identical() const { return added == 0 && removed == 0; }
};

// context: unchanged lines kept on each side of a change.
TextDiff diff_texts(std::string_view from, std::string_view to, std::size_t context = 2);

// Words and the spaces between them, for the word-level comparison.
std::vector<std::string> tokens(std::string_view line);

}  // namespace hs::terms
