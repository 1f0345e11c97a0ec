#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace hs::text {

bool valid_utf8(std::string_view s);
std::string_view trim(std::string_view s);
std::string lower_ascii(std::string_view s);
// Number of Unicode code points (the input must be valid UTF-8).
std::size_t length(std::string_view s);
// True when s contains control characters other than tab, CR and LF.
bool has_control(std::string_view s, bool allow_newlines);
// Text escaped for XML content and attribute values (SVG we draw ourselves).
std::string xml_escape(std::string_view text);
// Appends <name>escaped text</name> and a line end (feeds are written this way).
void append_xml_element(std::string& out, std::string_view name, std::string_view text);
// The lines of a data file, trimmed, without blank lines and '#' comment lines.
std::vector<std::string_view> content_lines(std::string_view file);

}  // namespace hs::text
