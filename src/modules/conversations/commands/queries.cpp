// What the pages read: a conversation as one person sees it, the space's list, and the
// facilitators' queue. Who wrote an anonymous post is never read into what a page gets,
// except for its own author.
#include <algorithm>

#include "modules/accounts/module.hpp"
#include "modules/conversations/commands/support.hpp"
#include "store/db.hpp"

namespace hs::conversations::commands {

namespace {

// Each post as this reader sees it (nothing for those they may not see at all).
std::vector<ShownPost> shown_posts(Services& app, store::Conn& c, const spaces::Subject& subject, std::int64_t user_id,
                                   std::vector<repo::PostRow> rows, bool with_details) {
  std::vector<ShownPost> out;
  std::vector<std::int64_t> names_wanted;
  const bool facilitator = subject.signed_in && subject.role == spaces::Role::facilitator;
  for (auto& row : rows) {
    ShownPost s;
    s.is_author = user_id > 0 && row.author_id && *row.author_id == user_id;
    permissions::Reader r{subject, s.is_author};
    s.facts = facts_of(row);
    if (!permissions::read_post(r, s.facts)) continue;
    s.shown = conversations::shown(s.facts.state, s.is_author, facilitator);
    if (permissions::see_author(r, s.facts) && row.author_id) names_wanted.push_back(*row.author_id);
    if (s.shown != Shown::text) {
      // The words stay out of a page that may not show them.
      row.body.clear();
      row.content_note.reset();
      if (!s.is_author && !facilitator) row.hide_reason.reset();
    }
    s.row = std::move(row);
    out.push_back(std::move(s));
  }
  auto names = accounts::display_names(app, c, names_wanted);
  for (auto& s : out) {
    permissions::Reader r{subject, s.is_author};
    if (permissions::see_author(r, s.facts) && s.row.author_id) {
      auto it = names.find(*s.row.author_id);
      s.author = it == names.end() ? std::string() : it->second;
    }
    if (with_details && s.shown == Shown::text && s.row.version > 1) s.earlier = repo::versions(c, s.row.id);
  }
  return out;
}

}  // namespace

Result<Thread> thread(Services& app, std::int64_t space_id, std::int64_t conversation_id, std::int64_t user_id,
                      Window window) {
  return app.store->with([&](store::Conn& c) -> Result<Thread> {
    auto conv = repo::conversation(c, conversation_id);
    if (!conv || conv->space_id != space_id) return fail(ErrorCode::not_found, "conversations_not_found");
    auto opening = repo::opening_post(c, conversation_id);
    if (!opening) return fail(ErrorCode::not_found, "conversations_not_found");
    Thread t;
    t.conversation = *conv;
    t.reader = reader_in(c, space_id, user_id, opening->author_id);
    if (!permissions::read_post(t.reader, facts_of(*opening)))
      return fail(ErrorCode::not_found, "conversations_not_found");
    std::vector<repo::PostRow> rows;
    if (window.page > 0 || window.post_id > 0) {
      const auto replies = repo::reply_count(c, conversation_id);
      t.pages = std::max<std::int64_t>(1, (replies + kRepliesPerPage - 1) / kRepliesPerPage);
      t.page = window.post_id > 0 ? repo::replies_before(c, conversation_id, window.post_id) / kRepliesPerPage + 1
                                  : window.page;
      t.page = std::clamp<std::int64_t>(t.page, 1, t.pages);
      rows = repo::posts_page(c, conversation_id, (t.page - 1) * kRepliesPerPage, kRepliesPerPage);
    } else {
      rows = repo::posts_of(c, conversation_id);
    }
    t.posts = shown_posts(app, c, t.reader.subject, user_id, std::move(rows), true);
    auto counts = repo::reaction_counts(c, conversation_id);
    std::set<std::pair<std::int64_t, std::string>> mine;
    if (user_id > 0) mine = repo::reactions_by(c, conversation_id, user_id);
    std::map<std::int64_t, std::int64_t> flags;
    if (permissions::moderate(t.reader.subject))
      for (const auto& f : repo::open_flags(c, space_id)) ++flags[f.post_id];
    for (auto& p : t.posts) {
      if (p.shown != Shown::text) continue;
      if (auto it = counts.find(p.row.id); it != counts.end()) p.reactions = it->second;
      for (const auto& [post, reaction] : mine)
        if (post == p.row.id) p.mine.insert(reaction);
      if (auto it = flags.find(p.row.id); it != flags.end()) p.open_flags = it->second;
    }
    t.allow_anonymous = repo::allow_anonymous(c, space_id);
    if (user_id > 0) t.level = repo::level_for(c, user_id, conversation_id).value_or("");
    return t;
  });
}

std::vector<ListItem> list(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<ListItem> out;
    auto who = reader_in(c, space_id, user_id, std::nullopt);
    if (!permissions::view_conversations(who.subject)) return out;
    auto rows = repo::listed(c, space_id, 200);
    std::vector<repo::PostRow> openings;
    for (const auto& l : rows) openings.push_back(l.opening);
    auto shown = shown_posts(app, c, who.subject, user_id, openings, false);
    std::map<std::int64_t, ShownPost*> by_id;
    for (auto& s : shown) by_id[s.row.id] = &s;
    for (const auto& l : rows) {
      auto it = by_id.find(l.opening.id);
      if (it == by_id.end()) continue;  // pending, not theirs to see
      out.push_back({l.conversation, *it->second, l.replies});
    }
    return out;
  });
}

bool allow_anonymous(Services& app, std::int64_t space_id) {
  return app.store->with([&](store::Conn& c) { return repo::allow_anonymous(c, space_id); });
}

std::vector<QueueItem> queue(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<QueueItem> out;
    auto who = reader_in(c, space_id, user_id, std::nullopt);
    if (!permissions::moderate(who.subject)) return out;
    auto flags = repo::open_flags(c, space_id);
    auto rows = repo::posts_in_states(c, space_id, {"pending", "review"});
    std::set<std::int64_t> seen;
    for (const auto& r : rows) seen.insert(r.id);
    for (const auto& f : flags)
      if (seen.insert(f.post_id).second)
        if (auto p = repo::post(c, f.post_id)) rows.push_back(*p);
    for (auto& s : shown_posts(app, c, who.subject, user_id, rows, false)) {
      QueueItem q;
      for (const auto& f : flags)
        if (f.post_id == s.row.id) q.flags.push_back(f);
      if (auto conv = repo::conversation(c, s.row.conversation_id)) q.conversation_title = conv->title;
      q.post = std::move(s);
      out.push_back(std::move(q));
    }
    return out;
  });
}

}  // namespace hs::conversations::commands
