#include "modules/conversations/handlers/links.hpp"

#include "core/number.hpp"
#include "modules/conversations/links.hpp"

namespace hs::conversations::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr const char* kKinds[] = {"event", "decision", "story", "action"};

std::string item_href(const Space& s, const links::Item& i) {
  const auto id = std::to_string(i.id);
  if (i.kind == "event") return "/events/" + id;
  const std::string base = "/spaces/" + s.space().slug;
  if (i.kind == "decision") return base + "/decisions/" + id;
  if (i.kind == "story") return base + "/stories/" + id;
  return base + "/actions/" + id;
}

View groups(Context& c, const std::vector<links::Item>& items, std::string_view chosen) {
  View out = View::list();
  for (auto kind : kKinds) {
    View options = View::list();
    for (const auto& i : items) {
      if (i.kind != kind) continue;
      View o;
      o.set("value", links::value_of(i));
      o.set("label", i.title);
      if (links::value_of(i) == chosen) o.set("selected", true);
      options.push(std::move(o));
    }
    if (options.items().empty()) continue;
    View g;
    g.set("label", c.t(std::string("conversations_link_group_") + kind));
    g.set("options", std::move(options));
    out.push(std::move(g));
  }
  return out;
}

}  // namespace

void add_link_choices(Context& c, View& v, const Space& s, std::string_view chosen) {
  auto items = links::choices(c.app, s.space().id, viewer_id(c));
  if (items.empty()) return;
  v.set("has_link_choices", true);
  v.set("link_groups", groups(c, items, chosen));
}

void add_links(Context& c, View& v, const Space& s, std::int64_t conversation_id) {
  const auto me = viewer_id(c);
  View shown = View::list();
  for (const auto& i : links::linked(c.app, s.space().id, conversation_id, me)) {
    View x;
    x.set("kind_label", c.t("conversations_link_kind_" + i.kind));
    x.set("title", i.title);
    x.set("href", item_href(s, i));
    shown.push(std::move(x));
  }
  if (!shown.items().empty()) {
    v.set("has_links", true);
    v.set("links", std::move(shown));
  }
  // The library takes what came up here (it names the conversation it came from).
  v.set("library_new_href", "/spaces/" + s.space().slug + "/library/new?conversation=" + std::to_string(conversation_id));
  if (links::may_link(c.app, conversation_id, me)) {
    auto items = links::choices(c.app, s.space().id, me);
    if (!items.empty()) {
      v.set("can_link", true);
      v.set("link_action", conversation_path(s, conversation_id, "/links"));
      v.set("link_groups", groups(c, items, ""));
      if (c.query_param("link_error") == "1") v.set("link_error", c.t("conversations_link_missing"));
    }
  }
}

Result<std::optional<links::Item>> chosen_link(Context& c, const Space& s) {
  return links::check(c.app, s.space().id, viewer_id(c), c.field("link"));
}

Response link_submit(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto id = number::id(c.param("id"));
  if (!id) return not_found(c);
  auto r = links::add(c.app, in.space->space().id, *id, viewer_id(c), c.field("link"));
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    // Nothing chosen, or something no longer offered: back to the list, saying so.
    return c.redirect(conversation_path(*in.space, *id, "?link_error=1#links"));
  }
  return c.redirect(conversation_path(*in.space, *id, "?notice=linked#links"));
}

}  // namespace hs::conversations::handlers
