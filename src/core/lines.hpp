#pragma once
// A text as its lines: for lists typed one per line (agenda key messages, poll options,
// breakout prompts, CSV lists).
#include <string>
#include <string_view>
#include <vector>

namespace hs::text {

// The lines of text, each trimmed (a CR before the line feed goes too), blank ones left out.
std::vector<std::string> lines(std::string_view text);

}  // namespace hs::text
