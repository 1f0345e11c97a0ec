#pragma once
// A text as its lines (lists typed one per line: agenda key messages, poll options,
// breakout prompts, CSV lists) or as its paragraphs (a space's purpose, a report's text).
#include <string>
#include <string_view>
#include <vector>

namespace hs::text {

// The lines of text, each trimmed (a CR before the line feed goes too), blank ones left out.
std::vector<std::string> lines(std::string_view text);

// The text split at blank lines; each paragraph's lines (without a trailing CR) joined
// with `join`, and the paragraph trimmed. Blank paragraphs are left out.
std::vector<std::string> paragraphs(std::string_view text, std::string_view join);

}  // namespace hs::text
