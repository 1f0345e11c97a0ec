// A conversation's page and what is done on it: reply (quoting), choose how much to hear
// of it, edit (history kept) or remove one's post, react, flag, and moderate.
#include "core/number.hpp"
#include "modules/conversations/handlers/common.hpp"
#include "modules/conversations/handlers/handlers.hpp"
#include "modules/conversations/handlers/links.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::conversations::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

constexpr const char* kNotices[] = {"started", "pending",     "replied",     "reply_pending", "edited",
                                    "removed", "flagged",     "level_saved", "approve",       "hide",
                                    "restore", "keep_hidden", "ask_review", "linked"};

struct Loaded {
  std::optional<Space> space;
  std::optional<commands::Thread> thread;
  Response refusal;
};

Loaded load(Context& c, commands::Window window = {}) {
  Loaded l;
  auto in = in_space(c);
  if (!in.space) {
    l.refusal = std::move(in.refusal);
    return l;
  }
  l.space = std::move(in.space);
  auto id = number::id(c.param("id"));
  if (!id) {
    l.refusal = not_found(c);
    return l;
  }
  auto t = commands::thread(c.app, l.space->space().id, *id, viewer_id(c), window);
  if (!t) l.refusal = refused(c, t.error());
  else l.thread = std::move(*t);
  return l;
}

View thread_view(Context& c, const Space& s, const commands::Thread& t, const std::string& reply_text,
                 bool reply_anonymous, std::optional<std::int64_t> quote_of) {
  const auto& conv = t.conversation;
  const auto title = title_for(c, conv.title, t.posts.front());
  View v = spaces::space_page(c, s, "conversations_show_title", {{"title", title}});
  v.set("title", title);
  v.set("kind_label", c.t("conversations_kind_" + conv.kind));
  v.set("kind", conv.kind);
  v.set("index_href", base_path(s));
  const bool moderator = permissions::moderate(t.reader.subject);
  View posts = View::list();
  bool first = true;
  // The post the person has just reacted to: its words stay open behind their content note
  // (they had opened them to react), rather than closing again at each press.
  const auto read = c.query_param("read") == "1" ? number::id(c.query_param("post")) : std::nullopt;
  for (const auto& p : t.posts) {
    View x = post_view(c, s, p);
    if (read && *read == p.row.id) x.set("details_open", true);
    permissions::Reader r{t.reader.subject, p.is_author};
    if (first) x.set("opening", true);
    first = false;
    if (permissions::edit_post(r, p.facts)) x.set("can_edit", true);
    if (permissions::react(r, p.facts)) x.set("can_react", true);
    if (permissions::flag(r, p.facts)) x.set("can_flag", true);
    if (permissions::ask_review(r, p.facts)) x.set("can_ask_review", true);
    if (permissions::reply(r, t.posts.front().facts) && p.shown == Shown::text && p.facts.state == State::visible)
      x.set("can_quote", true);
    if (moderator) {
      const auto st = p.facts.state;
      if (st == State::pending) x.set("mod_approve", true);
      if (st == State::pending || st == State::visible) x.set("mod_hide", true);
      if (st == State::hidden || st == State::review) x.set("mod_restore", true);
      if (st == State::review) x.set("mod_keep", true);
      if (st != State::removed) x.set("can_moderate", true);
    }
    posts.push(std::move(x));
  }
  v.set("posts", std::move(posts));
  // A long conversation's replies come in pages (GOV.UK pagination).
  if (t.pages > 1) {
    auto page_href = [&](std::int64_t n) { return conversation_path(s, conv.id, "?page=" + std::to_string(n)); };
    View pg;
    if (t.page > 1) pg.set("previous_href", page_href(t.page - 1));
    if (t.page < t.pages) pg.set("next_href", page_href(t.page + 1));
    View items = View::list();
    for (std::int64_t n = 1; n <= t.pages; ++n) {
      View x;
      x.set("number", n);
      x.set("href", page_href(n));
      x.set("current", n == t.page);
      items.push(std::move(x));
    }
    pg.set("items", std::move(items));
    pg.set("label", c.app.renderer->format("conversations_pages_label",
                                           {{"page", std::to_string(t.page)}, {"pages", std::to_string(t.pages)}}));
    v.set("pagination", std::move(pg));
  }
  if (permissions::reply(t.reader, t.posts.front().facts)) {
    View f;
    f.set("action", conversation_path(s, conv.id, "/replies"));
    f.set("body", reply_text);
    if (quote_of) f.set("quote_of", *quote_of);
    if (permissions::post_anonymously(t.reader.subject, t.allow_anonymous)) {
      f.set("allow_anonymous", true);
      f.set("anonymous", reply_anonymous);
    }
    v.set("reply", std::move(f));
  }
  View levels = View::list();
  for (auto l : {"", "watch", "normal", "mute"}) {
    View o;
    o.set("value", l);
    o.set("id", std::string_view(l).empty() ? std::string("level") : std::string("level-") + l);
    o.set("label", c.t(std::string("conversations_level_here_") + (std::string_view(l).empty() ? "space" : l)));
    o.set("checked", t.level == l);
    levels.push(std::move(o));
  }
  v.set("levels", std::move(levels));
  v.set("level_action", conversation_path(s, conv.id, "/level"));
  v.set("choices_href", base_path(s, "/notifications"));
  auto notice = std::string(c.query_param("notice"));
  for (auto n : kNotices)
    if (notice == n) v.set("notice", c.t(std::string("conversations_notice_") + n));
  return v;
}

Response render_thread(Context& c, const Loaded& l, const std::string& reply_text, bool anonymous,
                       std::optional<std::int64_t> quote_of, const Error* error = nullptr, int status = 200) {
  View v = thread_view(c, *l.space, *l.thread, reply_text, anonymous, quote_of);
  if (error) c.add_errors(v, *error);
  add_links(c, v, *l.space, l.thread->conversation.id);
  return c.page("conversations/show", v, status);
}

// The post named by {pid} in the loaded conversation, as this viewer sees it.
const commands::ShownPost* post_in(Context& c, const Loaded& l) {
  auto pid = number::id(c.param("pid"));
  if (!pid) return nullptr;
  return find_in(*l.thread, *pid);
}

Response render_edit(Context& c, const Loaded& l, const commands::ShownPost& p, const PostInput& in,
                     const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, *l.space, "conversations_edit_title");
  View f;
  f.set("opening", p.row.opening);
  f.set("title", in.title);
  f.set("body", in.body);
  f.set("content_note", in.content_note);
  v.set("form", std::move(f));
  v.set("action", post_path(*l.space, p.row.conversation_id, p.row.id, "/edit"));
  v.set("remove_action", post_path(*l.space, p.row.conversation_id, p.row.id, "/remove"));
  v.set("back_href", conversation_path(*l.space, p.row.conversation_id, "#post-" + std::to_string(p.row.id)));
  if (error) c.add_errors(v, *error);
  return c.page("conversations/edit", v, status);
}

Response render_flag(Context& c, const Loaded& l, const commands::ShownPost& p, const std::string& reason,
                     const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, *l.space, "conversations_flag_title");
  v.set("post", post_view(c, *l.space, p));
  v.set("reason", reason);
  v.set("action", post_path(*l.space, p.row.conversation_id, p.row.id, "/flag"));
  v.set("back_href", conversation_path(*l.space, p.row.conversation_id, "#post-" + std::to_string(p.row.id)));
  if (error) c.add_errors(v, *error);
  return c.page("conversations/flag", v, status);
}

}  // namespace

Response show(Context& c) {
  // Which replies: ?page=N, or the page holding ?post= (links to a post say it) or the
  // post being quoted; the first page otherwise.
  commands::Window window{1, 0};
  if (auto n = number::id(c.query_param("page"))) window.page = *n;
  if (auto p = number::id(c.query_param("post"))) window.post_id = *p;
  else if (auto q = number::id(c.query_param("quote"))) window.post_id = *q;
  auto l = load(c, window);
  if (!l.thread) return std::move(l.refusal);
  std::string typed;
  std::optional<std::int64_t> quote_of;
  if (auto q = number::id(c.query_param("quote"))) {
    if (auto p = find_in(*l.thread, *q); p && p->shown == Shown::text) {
      typed = quote(p->row.body);
      quote_of = p->row.id;
    }
  }
  return render_thread(c, l, typed, false, quote_of);
}

Response reply_submit(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto in = read_post_form(c);
  auto quote_of = number::id(c.field("quote_of"));
  auto r = commands::reply(c.app, l.thread->conversation.id, viewer_id(c), in, quote_of);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    return render_thread(c, l, in.body, in.anonymous, quote_of, &r.error(), 422);
  }
  return c.redirect(
      conversation_path(*l.space, l.thread->conversation.id,
                        (in.anonymous ? "?notice=reply_pending#post-" : "?notice=replied#post-") + std::to_string(*r)));
}

Response level_submit(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto r = commands::set_level(c.app, l.thread->conversation.id, viewer_id(c), c.field("level"));
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    return render_thread(c, l, "", false, std::nullopt, &r.error(), 422);
  }
  return c.redirect(conversation_path(*l.space, l.thread->conversation.id, "?notice=level_saved"));
}

Response edit_form(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto p = post_in(c, l);
  if (!p) return not_found(c);
  if (!permissions::edit_post({l.thread->reader.subject, p->is_author}, p->facts))
    return c.error_page(Error::of(ErrorCode::forbidden, "conversations_not_yours"));
  PostInput in;
  if (p->row.opening) in.title = l.thread->conversation.title;
  in.body = p->row.body;
  in.content_note = p->row.content_note.value_or("");
  return render_edit(c, l, *p, in);
}

Response edit_submit(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto p = post_in(c, l);
  if (!p) return not_found(c);
  auto in = read_post_form(c);
  in.kind = l.thread->conversation.kind;  // the kind stays as it was started
  auto r = commands::edit(c.app, p->row.id, viewer_id(c), in);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    return render_edit(c, l, *p, in, &r.error(), 422);
  }
  return c.redirect(
      conversation_path(*l.space, l.thread->conversation.id, "?notice=edited#post-" + std::to_string(p->row.id)));
}

Response remove_submit(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto p = post_in(c, l);
  if (!p) return not_found(c);
  auto r = commands::remove(c.app, p->row.id, viewer_id(c));
  if (!r) return refused(c, r.error());
  return c.redirect(
      conversation_path(*l.space, l.thread->conversation.id, "?notice=removed#post-" + std::to_string(p->row.id)));
}

Response react_submit(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto p = post_in(c, l);
  if (!p) return not_found(c);
  auto r = commands::react(c.app, p->row.id, viewer_id(c), c.field("reaction"));
  if (!r) return refused(c, r.error());
  const auto id = std::to_string(p->row.id);
  return c.redirect(conversation_path(*l.space, l.thread->conversation.id, "?post=" + id + "&read=1#post-" + id));
}

// GET .../posts/{pid}/reactions: who gave each reaction, for a reader who asks (the post
// shows counts only).
Response reactions_page(Context& c) {
  commands::Window window{1, 0};
  if (auto pid = number::id(c.param("pid"))) window.post_id = *pid;
  auto l = load(c, window);
  if (!l.thread) return std::move(l.refusal);
  auto p = post_in(c, l);
  if (!p || p->shown != Shown::text || p->row.state != "visible") return not_found(c);
  auto who = commands::who_reacted(c.app, p->row.id, viewer_id(c));
  if (!who) return refused(c, who.error());
  View v = spaces::space_page(c, *l.space, "conversations_reactions_title");
  v.set("post", post_view(c, *l.space, *p));
  v.set("back_href", conversation_path(*l.space, p->row.conversation_id,
                                       "?post=" + std::to_string(p->row.id) + "#post-" + std::to_string(p->row.id)));
  View list = View::list();
  for (auto kind : kReactions) {
    const std::string name(to_string(kind));
    auto it = who->find(name);
    if (it == who->end()) continue;
    View x;
    x.set("label", c.t("conversations_reaction_" + name));
    x.set("count", static_cast<std::int64_t>(it->second.size()));
    View names = View::list();
    for (const auto& n : it->second) names.push(View(n));
    x.set("names", std::move(names));
    list.push(std::move(x));
  }
  v.set("has_reactions", !who->empty());
  v.set("reactions", std::move(list));
  return c.page("conversations/reactions", v);
}

Response flag_form(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto p = post_in(c, l);
  if (!p) return not_found(c);
  if (!permissions::flag({l.thread->reader.subject, p->is_author}, p->facts))
    return c.error_page(Error::of(ErrorCode::forbidden, "conversations_not_allowed_flag"));
  return render_flag(c, l, *p, "");
}

Response flag_submit(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto p = post_in(c, l);
  if (!p) return not_found(c);
  const auto reason = c.field("reason");
  auto r = commands::flag(c.app, p->row.id, viewer_id(c), reason);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return refused(c, r.error());
    return render_flag(c, l, *p, reason, &r.error(), 422);
  }
  return c.redirect(
      conversation_path(*l.space, l.thread->conversation.id, "?notice=flagged#post-" + std::to_string(p->row.id)));
}

Response moderate_submit(Context& c) {
  auto l = load(c);
  if (!l.thread) return std::move(l.refusal);
  auto p = post_in(c, l);
  if (!p) return not_found(c);
  auto act = parse_act(c.field("act"));
  if (!act || *act == Act::remove) return refused(c, Error::of(ErrorCode::invalid, "conversations_act_invalid"));
  auto r = commands::moderate(c.app, p->row.id, viewer_id(c), *act, c.field("reason"));
  if (!r) {
    if (r.error().code != ErrorCode::invalid || r.error().fields.empty()) return refused(c, r.error());
    return render_thread(c, l, "", false, std::nullopt, &r.error(), 422);
  }
  return c.redirect(
      conversation_path(*l.space, l.thread->conversation.id,
                        "?notice=" + std::string(to_string(*act)) + "#post-" + std::to_string(p->row.id)));
}

}  // namespace hs::conversations::handlers
