#include "modules/conversations/handlers/common.hpp"

#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::conversations::handlers {

using web::Context;
using web::Response;
using web::View;

InSpace in_space(Context& c) {
  InSpace out;
  auto s = spaces::space_in_path(c);
  if (!s) {
    out.refusal = c.viewer ? not_found(c) : c.need_signin();
  } else if (!permissions::view_conversations(s->subject)) {
    out.refusal = c.viewer ? not_found(c) : c.need_signin();
  } else {
    out.space = std::move(s);
  }
  return out;
}

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "conversations_not_found")); }

Response refused(Context& c, const Error& e) {
  if (e.code == ErrorCode::not_found) return not_found(c);
  return c.error_page(e);
}

std::string base_path(const Space& s, const std::string& rest) {
  return "/spaces/" + s.space().slug + "/conversations" + rest;
}

std::string conversation_path(const Space& s, std::int64_t id, const std::string& rest) {
  // A link to a post says which post, so that the page holding it (of a long
  // conversation's replies) is shown: "#post-7" becomes "?post=7#post-7".
  const auto anchor = rest.find("#post-");
  if (anchor != std::string::npos && rest.find("post=") == std::string::npos) {
    const auto query = rest.substr(0, anchor);
    const auto post = rest.substr(anchor + 6);
    return base_path(s, "/" + std::to_string(id) + query + (query.empty() ? "?" : "&") + "post=" + post +
                            rest.substr(anchor));
  }
  return base_path(s, "/" + std::to_string(id) + rest);
}

std::string post_path(const Space& s, std::int64_t conversation_id, std::int64_t post_id, const std::string& rest) {
  return conversation_path(s, conversation_id, "/posts/" + std::to_string(post_id) + rest);
}

View post_view(Context& c, const Space& s, const commands::ShownPost& p) {
  const auto& r = p.row;
  View v;
  v.set("id", r.id);
  v.set("anchor", "post-" + std::to_string(r.id));
  if (p.author) v.set("author", p.author->empty() ? c.t("conversations_former_member") : *p.author);
  else v.set("anonymous", true);
  if (p.is_author) v.set("yours", true);
  if (p.is_author && r.anonymous) v.set("yours_anonymous", true);
  v.set("when", web::date_text(c, r.created_at));
  if (r.version > 1) v.set("edited", web::date_text(c, r.updated_at));
  v.set("state", r.state);
  v.set("is_" + r.state, true);
  switch (p.shown) {
    case Shown::text:
      v.set("shows_text", true);
      if (r.content_note) v.set("content_note", *r.content_note);
      v.set("blocks", web::code_blocks(r.body));
      // Words quoted from another post show as a quotation, with a link to where they came from.
      if (r.quote_of)
        v.set("quoted_href", conversation_path(s, r.conversation_id,
                                               "?post=" + std::to_string(*r.quote_of) + "#post-" +
                                                   std::to_string(*r.quote_of)));
      break;
    case Shown::hidden_notice: v.set("hidden_notice", true); break;
    case Shown::removed_notice: v.set("removed_notice", true); break;
    case Shown::nothing: break;
  }
  if (r.hide_reason) {
    View h;
    h.set("paragraphs", web::paragraphs(*r.hide_reason));
    v.set("hide_reason", std::move(h));
  }
  if (p.shown == Shown::text && r.state == "visible") {
    View reactions = View::list();
    for (auto kind : kReactions) {
      const std::string name(to_string(kind));
      View x;
      x.set("value", name);
      x.set("label", c.t("conversations_reaction_" + name));
      auto it = p.reactions.find(name);
      const std::int64_t n = it == p.reactions.end() ? 0 : it->second;
      x.set("count", n);
      if (n > 0) x.set("has_count", true);
      if (p.mine.contains(name)) x.set("mine", true);
      reactions.push(std::move(x));
    }
    v.set("reactions", std::move(reactions));
    v.set("has_reactions", true);
    // Who reacted is on a page of its own, for a reader who asks.
    if (!p.reactions.empty()) v.set("who_href", post_path(s, r.conversation_id, r.id, "/reactions"));
  }
  if (!p.earlier.empty()) {
    View earlier = View::list();
    for (auto it = p.earlier.rbegin(); it != p.earlier.rend(); ++it) {
      View y;
      y.set("version", it->version);
      // Set even when empty: a missing key would be looked up in the page around it.
      y.set("title", it->title.value_or(""));
      y.set("when", web::date_text(c, it->created_at));
      y.set("content_note", it->content_note.value_or(""));
      y.set("blocks", web::code_blocks(it->body));
      earlier.push(std::move(y));
    }
    v.set("earlier", std::move(earlier));
    v.set("has_earlier", true);
  }
  if (p.open_flags > 0) v.set("open_flags", p.open_flags);
  v.set("edit_href", post_path(s, r.conversation_id, r.id, "/edit"));
  v.set("flag_href", post_path(s, r.conversation_id, r.id, "/flag"));
  v.set("react_action", post_path(s, r.conversation_id, r.id, "/react"));
  v.set("moderate_action", post_path(s, r.conversation_id, r.id, "/moderate"));
  v.set("quote_href", conversation_path(s, r.conversation_id, "?quote=" + std::to_string(r.id) + "#reply"));
  return v;
}

std::string title_for(Context& c, const std::string& title, const commands::ShownPost& opening) {
  if (opening.shown == Shown::hidden_notice) return c.t("conversations_title_hidden");
  if (opening.shown == Shown::removed_notice || title.empty()) return c.t("conversations_title_removed");
  return title;
}

View kind_choices(Context& c, const std::string& chosen) {
  View kinds = View::list();
  for (auto k : kKinds) {
    const std::string name(to_string(k));
    View o;
    o.set("value", name);
    o.set("id", k == Kind::learning ? std::string("kind") : "kind-" + name);
    o.set("label", c.t("conversations_kind_" + name));
    o.set("hint", c.t("conversations_kind_" + name + "_hint"));
    o.set("checked", chosen == name);
    kinds.push(std::move(o));
  }
  return kinds;
}

const commands::ShownPost* find_in(const commands::Thread& t, std::int64_t post_id) {
  for (const auto& p : t.posts)
    if (p.row.id == post_id) return &p;
  return nullptr;
}

PostInput read_post_form(Context& c) {
  PostInput in;
  for (const auto& [k, val] : c.form()) {
    if (k == "body") in.body = val;
    else if (k == "title") in.title = val;
  }
  in.content_note = c.field("content_note");
  in.kind = c.field("kind");
  in.anonymous = c.field("anonymous") == "yes";
  return in;
}

}  // namespace hs::conversations::handlers
