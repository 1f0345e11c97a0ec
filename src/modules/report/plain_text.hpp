#pragma once
// What a facilitator typed in a plain textarea, read as a writer means it: paragraphs
// split at blank lines, and lines that start with "- ", "* " or "• " as a bulleted list,
// "1. " or "1) " as a numbered list, even with no blank line before the list. Pure.
#include <string_view>
#include <vector>

#include "modules/report/document.hpp"

namespace hs::report {

// Paragraph and BulletList blocks, in order. Lines inside a paragraph stay as typed
// (joined with "\n"); a line that does not start like a list item after a list item
// continues that item. Nothing blank is kept.
std::vector<Block> blocks_of_text(std::string_view text);

}  // namespace hs::report
