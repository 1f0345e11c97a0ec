#include "modules/conversations/rules/mention.hpp"

#include <algorithm>

namespace hs::conversations {

namespace {

bool ascii_alnum(unsigned char ch) {
  return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9');
}
// A byte of a word: an ASCII letter or digit, or any byte of a character beyond ASCII
// (UTF-8 lead and continuation bytes), which are letters in every name we expect.
bool word_byte(unsigned char ch) { return ascii_alnum(ch) || ch >= 0x80; }
char lower(unsigned char ch) { return (ch >= 'A' && ch <= 'Z') ? static_cast<char>(ch - 'A' + 'a') : ch; }

// Folds text the way handles are written: lower case, non-word runs as one hyphen.
std::string fold(std::string_view s) {
  std::string out;
  bool gap = false;
  for (unsigned char ch : s) {
    if (word_byte(ch)) {
      if (gap && !out.empty()) out += '-';
      gap = false;
      out += lower(ch);
    } else {
      gap = true;
    }
  }
  return out;
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }

// The line with its leading spaces (up to three) removed, for fence detection.
std::string_view trim_indent(std::string_view line, std::size_t& indent) {
  indent = 0;
  while (indent < line.size() && line[indent] == ' ') ++indent;
  return line.substr(indent);
}

// Mentions in one line of prose (not code), skipping inline code, links and addresses.
void scan_line(std::string_view line, std::vector<std::string>& out) {
  std::size_t i = 0;
  const auto n = line.size();
  while (i < n && out.size() < kMaxMentions) {
    const char ch = line[i];
    if (ch == '`') {
      // Inline code: up to the same run of backticks, or the rest of the line.
      std::size_t run = 0;
      while (i + run < n && line[i + run] == '`') ++run;
      const auto close = line.find(std::string(run, '`'), i + run);
      i = close == std::string_view::npos ? n : close + run;
      continue;
    }
    if (ch == '[') {
      // A link: [text](url) — neither the text nor the address mentions anyone.
      const auto end = line.find(']', i);
      if (end != std::string_view::npos && end + 1 < n && line[end + 1] == '(') {
        const auto close = line.find(')', end);
        i = close == std::string_view::npos ? n : close + 1;
        continue;
      }
    }
    if (ch == '<') {
      const auto close = line.find('>', i);
      if (close != std::string_view::npos) {
        auto inner = line.substr(i + 1, close - i - 1);
        if (inner.find("://") != std::string_view::npos || inner.find('@') != std::string_view::npos) {
          i = close + 1;
          continue;
        }
      }
    }
    if (starts_with(line.substr(i), "http://") || starts_with(line.substr(i), "https://") ||
        starts_with(line.substr(i), "www.")) {
      while (i < n && line[i] != ' ' && line[i] != '\t') ++i;
      continue;
    }
    if (ch == '@' && (i == 0 || !(word_byte(static_cast<unsigned char>(line[i - 1])) || line[i - 1] == '.' ||
                                  line[i - 1] == '_' || line[i - 1] == '/'))) {
      // The handle: word bytes and single hyphens between them.
      std::size_t j = i + 1;
      std::string handle;
      while (j < n) {
        const auto b = static_cast<unsigned char>(line[j]);
        if (word_byte(b)) {
          handle += lower(b);
          ++j;
        } else if (line[j] == '-' && j + 1 < n && word_byte(static_cast<unsigned char>(line[j + 1])) &&
                   !handle.empty()) {
          handle += '-';
          ++j;
        } else {
          break;
        }
      }
      // ana@example.org style: "@" followed by a domain is part of an address.
      const bool address = j < n && line[j] == '.' && j + 1 < n && word_byte(static_cast<unsigned char>(line[j + 1]));
      if (!handle.empty() && !address && std::find(out.begin(), out.end(), handle) == out.end()) out.push_back(handle);
      i = j;
      continue;
    }
    ++i;
  }
}

}  // namespace

std::string handle_of(std::string_view display_name) { return fold(display_name); }

std::vector<std::string> mentions(std::string_view markdown) {
  std::vector<std::string> out;
  std::string fence;  // the open fence's marker ("```" or "~~~"), empty outside one
  bool after_blank = true;
  std::size_t at = 0;
  while (at <= markdown.size() && out.size() < kMaxMentions) {
    auto nl = markdown.find('\n', at);
    if (nl == std::string_view::npos) nl = markdown.size();
    auto line = markdown.substr(at, nl - at);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    at = nl + 1;
    std::size_t indent = 0;
    const auto body = trim_indent(line, indent);
    if (!fence.empty()) {
      if (indent < 4 && starts_with(body, fence)) fence.clear();
      continue;
    }
    if (indent < 4 && (starts_with(body, "```") || starts_with(body, "~~~"))) {
      fence = std::string(body.substr(0, 3));
      continue;
    }
    const bool blank = body.empty();
    // An indented code block starts after a blank line (inside a paragraph, indentation
    // is only a continuation).
    if (indent >= 4 && after_blank && !blank) continue;
    after_blank = blank;
    // A quote ("> ...") repeats someone else's words: a mention in it was theirs, and
    // quoting it does not notify the person again.
    if (!starts_with(body, ">")) scan_line(body, out);
    if (nl == markdown.size()) break;
  }
  return out;
}

}  // namespace hs::conversations
