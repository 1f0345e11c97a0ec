#pragma once
// A code of conduct is written in Markdown. Rather than trusting generated HTML, we read
// the Markdown into plain-text blocks (headings, paragraphs, lists) that templates then
// escape like any other text. Raw HTML in the source is dropped, never shown. Block quotes'
// blocks are marked `quoted`, so a page can show quoted words as a quotation.
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
  bool quoted = false;             // inside a block quote ("> "): someone else's words
};

std::vector<MarkdownBlock> markdown_blocks(std::string_view markdown);

}  // namespace hs::web
