#include "web/blocks.hpp"

#include <unordered_map>

#include "core/dates.hpp"
#include "core/lines.hpp"
#include "web/app.hpp"
#include "web/markdown.hpp"
#include "web/render.hpp"

namespace hs::web {

View paragraphs(const std::string& text) {
  View list = View::list();
  for (auto& p : text::paragraphs(text, " ")) list.push(View(std::move(p)));
  return list;
}

View code_blocks(const std::string& markdown) {
  // Codes of conduct change rarely and are read on every space page: parse each once per
  // thread (a small cache, emptied when it fills).
  thread_local std::unordered_map<std::string, View> cache;
  if (auto it = cache.find(markdown); it != cache.end()) return it->second;
  if (cache.size() >= 64) cache.clear();
  View list = View::list();
  for (const auto& b : markdown_blocks(markdown)) {
    View item;
    item.set("is_heading", b.type == MarkdownBlock::Type::heading);
    item.set("is_paragraph", b.type == MarkdownBlock::Type::paragraph);
    item.set("is_list", b.type == MarkdownBlock::Type::list);
    item.set("ordered", b.ordered);
    item.set("quoted", b.quoted);
    item.set("text", b.text);
    View items = View::list();
    for (const auto& i : b.items) items.push(View(i));
    item.set("items", std::move(items));
    list.push(std::move(item));
  }
  cache.emplace(markdown, list);
  return list;
}

std::string date_text(const Context& c, std::int64_t t) {
  const auto d = dates::civil(t);
  return c.app.renderer->format("spaces_date", {{"day", std::to_string(d.day)},
                                                {"month", c.t("spaces_month_" + std::to_string(d.month))},
                                                {"year", std::to_string(d.year)}});
}

}  // namespace hs::web
