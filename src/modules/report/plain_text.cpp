#include "modules/report/plain_text.hpp"

#include <cctype>
#include <optional>
#include <string>

namespace hs::report {

namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

struct Marker {
  bool ordered = false;
  std::string_view rest;
};

// "- x", "* x", "• x" (bullets) and "12. x", "3) x" (numbers), with a space after the mark.
std::optional<Marker> list_marker(std::string_view line) {
  for (std::string_view bullet : {"- ", "* ", "\u2022 "})
    if (line.starts_with(bullet)) return Marker{false, trim(line.substr(bullet.size()))};
  std::size_t digits = 0;
  while (digits < line.size() && digits < 3 && std::isdigit(static_cast<unsigned char>(line[digits]))) ++digits;
  if (digits > 0 && digits + 1 < line.size() && (line[digits] == '.' || line[digits] == ')') && line[digits + 1] == ' ')
    return Marker{true, trim(line.substr(digits + 2))};
  return std::nullopt;
}

}  // namespace

std::vector<Block> blocks_of_text(std::string_view text) {
  std::vector<Block> out;
  std::string paragraph;
  std::optional<BulletList> list;
  auto end_paragraph = [&] {
    if (!paragraph.empty()) out.push_back(Paragraph{std::move(paragraph)});
    paragraph.clear();
  };
  auto end_list = [&] {
    if (list && !list->items.empty()) out.push_back(std::move(*list));
    list.reset();
  };
  std::size_t at = 0;
  while (at <= text.size()) {
    auto nl = text.find('\n', at);
    if (nl == std::string_view::npos) nl = text.size();
    const auto line = trim(text.substr(at, nl - at));
    at = nl + 1;
    if (line.empty()) {  // a blank line ends whatever was open
      end_paragraph();
      end_list();
      continue;
    }
    if (auto m = list_marker(line); m && !m->rest.empty()) {
      end_paragraph();
      if (list && list->ordered != m->ordered) end_list();
      if (!list) list = BulletList{{}, m->ordered};
      list->items.emplace_back(m->rest);
      continue;
    }
    if (list) {  // an item's text carried on to the next line
      list->items.back() += " ";
      list->items.back() += line;
      continue;
    }
    if (!paragraph.empty()) paragraph += "\n";
    paragraph += line;
  }
  end_paragraph();
  end_list();
  return out;
}

}  // namespace hs::report
