// Searching the space's conversations and replies: a GET form, so it works without
// JavaScript and a search can be bookmarked. Snippets are escaped by the template; the
// matched words are marked by segments, never by HTML in the text.
#include "core/number.hpp"
#include "modules/conversations/commands/search.hpp"
#include "modules/conversations/handlers/common.hpp"
#include "modules/conversations/handlers/people.hpp"
#include "web/blocks.hpp"
#include "web/parse.hpp"
#include "web/render.hpp"

namespace hs::conversations::handlers {

using web::Context;
using web::Response;
using web::View;

Response search_page(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  const auto& s = *in.space;
  const std::string words(c.query_param("q"));
  const int page = static_cast<int>(number::id(c.query_param("page")).value_or(1));
  auto r = commands::search(c.app, s.space().id, viewer_id(c), words, page);
  View v = spaces::space_page(c, s, "conversations_search_title");
  v.set("q", words);
  v.set("action", base_path(s, "/search"));
  v.set("back_href", base_path(s));
  v.set("searched", r.searched);
  View items = View::list();
  for (const auto& f : r.found) {
    View x;
    x.set("title", f.title_hidden ? c.t("conversations_title_hidden") : f.title);
    x.set("href", f.source == "conversations"
                      ? conversation_path(s, f.conversation_id, "#post-" + std::to_string(f.post_id))
                      : f.path);
    x.set("kind_label", f.source == "conversations" ? c.t("conversations_kind_" + f.kind) : f.kind);
    x.set("where", c.t(f.source != "conversations" ? "conversations_search_resource"
                       : f.opening                   ? "conversations_search_opening"
                                                     : "conversations_search_reply"));
    x.set("when", web::date_text(c, f.created_at));
    View snippet = View::list();
    for (const auto& seg : f.snippet) {
      View y;
      y.set("text", seg.text);
      y.set("mark", seg.match);
      snippet.push(std::move(y));
    }
    x.set("snippet", std::move(snippet));
    items.push(std::move(x));
  }
  v.set("has_results", !r.found.empty());
  v.set("results", std::move(items));
  if (r.more) v.set("next_href", base_path(s, "/search?q=" + web::percent_encode(words) + "&page=" +
                                                  std::to_string(r.page + 1)));
  if (r.page > 1)
    v.set("previous_href", base_path(s, "/search?q=" + web::percent_encode(words) + "&page=" +
                                            std::to_string(r.page - 1)));
  v.set("page", r.page);
  return c.page("conversations/search", v);
}

}  // namespace hs::conversations::handlers
