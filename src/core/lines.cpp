#include "core/lines.hpp"

#include "core/text.hpp"

namespace hs::text {

std::vector<std::string> lines(std::string_view text) {
  std::vector<std::string> out;
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = trim(text.substr(start, end - start));
    if (!line.empty()) out.emplace_back(line);
    start = end + 1;
  }
  return out;
}

std::vector<std::string> paragraphs(std::string_view text, std::string_view join) {
  std::vector<std::string> out;
  std::string cur;
  auto flush = [&] {
    auto p = trim(cur);
    if (!p.empty()) out.emplace_back(p);
    cur.clear();
  };
  std::size_t start = 0;
  while (start <= text.size()) {
    auto end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    auto line = text.substr(start, end - start);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    if (trim(line).empty()) {
      flush();
    } else {
      if (!cur.empty()) cur += join;
      cur += line;
    }
    start = end + 1;
  }
  flush();
  return out;
}

}  // namespace hs::text
