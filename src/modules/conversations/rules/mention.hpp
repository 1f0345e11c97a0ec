#pragma once
// @mentions in a post. A member is mentioned by their handle: "@" and their display name
// folded to lower case, with every run of characters that are not letters or digits
// (spaces, hyphens, apostrophes) written as one hyphen and none at either end. "Saffron
// Ridley-Achebe" is @saffron-ridley-achebe, "Seán O'Neill" @seán-o-neill (letters beyond
// ASCII are kept as typed). The "@" must start a word: an email address (ana@example.org)
// mentions nobody. Nothing inside code (`inline`, fenced ``` or ~~~ blocks, lines indented
// four spaces) or links ([text](url), <url>, bare http(s):// addresses) or quoted lines ("> ...": the
// words of the post quoted) is a mention, so quoting never notifies anyone again. Pure: the caller matches handles
// to the space's members.
#include <string>
#include <string_view>
#include <vector>

namespace hs::conversations {

// The handle a display name is mentioned by ("" when the name has no letter or digit).
std::string handle_of(std::string_view display_name);
// The distinct handles mentioned in Markdown text, in the order first written, without
// the "@" and folded as handle_of folds. At most kMaxMentions: a post naming more
// notifies the first ones only (a post is not a mailing list).
inline constexpr std::size_t kMaxMentions = 20;
std::vector<std::string> mentions(std::string_view markdown);

}  // namespace hs::conversations
