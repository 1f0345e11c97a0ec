#pragma once
// A code of conduct is written in Markdown. Rather than trusting generated HTML, we read
// the Markdown into plain-text blocks (headings, paragraphs, lists) that templates then
// escape like any other text. Raw HTML in the source is dropped, never shown.
#include <string>
#include <string_view>
#include <vector>

namespace hs::web {

struct MarkdownBlock {
  enum class Type { heading, paragraph, list };
  Type type = Type::paragraph;
  std::string text;                // heading and paragraph
  std::vector<std::string> items;  // list
  bool ordered = false;            // list
};

std::vector<MarkdownBlock> markdown_blocks(std::string_view markdown);

}  // namespace hs::web
