#pragma once
// Text that people wrote, as blocks for a template to escape and show: plain paragraphs,
// and Markdown read into headings, paragraphs and lists (web/markdown.hpp). Any module's
// page may use them.
#include <cstdint>
#include <string>

#include "web/view.hpp"

namespace hs::web {

// Paragraphs split at blank lines, each line break kept as a space.
View paragraphs(const std::string& text);
// Markdown as a list of blocks: {is_heading, is_paragraph, is_list, ordered, text, items}.
View code_blocks(const std::string& markdown);

class Context;
// A day in words, in UTC: "12 March 2027".
std::string date_text(const Context& c, std::int64_t unix_seconds);

}  // namespace hs::web
