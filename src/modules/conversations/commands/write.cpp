// Starting a conversation, replying (quoting), editing with history, removing, reacting
// and flagging. A post that shows at once tells people of it (notify.cpp) in the same
// transaction; the email goes after commit.
#include "core/clock.hpp"
#include "modules/accounts/module.hpp"
#include "modules/conversations/commands/search.hpp"
#include "modules/conversations/commands/support.hpp"
#include "modules/spaces/module.hpp"
#include "store/db.hpp"

namespace hs::conversations::commands {

namespace {

Result<PostFields> checked(const PostInput& in, bool with_title) { return validate_post(in, with_title); }

std::optional<std::string> note(const std::string& s) {
  if (s.empty()) return std::nullopt;
  return s;
}

}  // namespace

Result<std::int64_t> start(Services& app, std::int64_t space_id, std::int64_t user_id, const PostInput& in) {
  const auto now = app.clock->now();
  std::vector<std::int64_t> emails;
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto who = reader_in(c, space_id, user_id, std::nullopt);
    if (!permissions::start_conversation(who.subject)) return fail(ErrorCode::forbidden, "conversations_not_allowed");
    auto f = checked(in, true);
    if (!f) return fail(f.error());
    if (f->anonymous && !permissions::post_anonymously(who.subject, repo::allow_anonymous(c, space_id)))
      return fail(ErrorCode::forbidden, "conversations_anonymous_not_allowed");
    repo::ConversationRow conv;
    conv.space_id = space_id;
    conv.kind = std::string(to_string(f->kind));
    conv.title = f->title;
    conv.created_at = conv.last_post_at = now;
    const auto id = repo::insert_conversation(c, conv);
    repo::PostRow p;
    p.conversation_id = id;
    p.space_id = space_id;
    p.author_id = user_id;
    p.opening = true;
    p.anonymous = f->anonymous;
    p.state = std::string(to_string(initial_state(f->anonymous)));
    p.body = f->body;
    p.content_note = note(f->content_note);
    p.created_at = p.updated_at = now;
    p.id = repo::insert_post(c, p);
    index_post(c, p.id);
    if (p.state == "visible") emails = notify_post(app, c, p);
    return id;
  });
  if (r) email_now(app, emails);
  return r;
}

Result<std::int64_t> reply(Services& app, std::int64_t conversation_id, std::int64_t user_id, const PostInput& in,
                           std::optional<std::int64_t> quote_of) {
  const auto now = app.clock->now();
  std::vector<std::int64_t> emails;
  auto r = app.store->write([&](store::Conn& c) -> Result<std::int64_t> {
    auto conv = repo::conversation(c, conversation_id);
    auto opening = repo::opening_post(c, conversation_id);
    if (!conv || !opening) return fail(ErrorCode::not_found, "conversations_not_found");
    auto who = reader_in(c, conv->space_id, user_id, opening->author_id);
    if (!permissions::read_post(who, facts_of(*opening))) return fail(ErrorCode::not_found, "conversations_not_found");
    if (!permissions::reply(who, facts_of(*opening))) return fail(ErrorCode::forbidden, "conversations_not_open");
    auto f = checked(in, false);
    if (!f) return fail(f.error());
    if (f->anonymous && !permissions::post_anonymously(who.subject, repo::allow_anonymous(c, conv->space_id)))
      return fail(ErrorCode::forbidden, "conversations_anonymous_not_allowed");
    if (quote_of) {
      auto q = repo::post(c, *quote_of);
      auto qwho = q ? reader_in(c, conv->space_id, user_id, q->author_id) : who;
      if (!q || q->conversation_id != conversation_id || !permissions::read_words(qwho, facts_of(*q))) quote_of.reset();
    }
    repo::PostRow p;
    p.conversation_id = conversation_id;
    p.space_id = conv->space_id;
    p.author_id = user_id;
    p.anonymous = f->anonymous;
    p.state = std::string(to_string(initial_state(f->anonymous)));
    p.quote_of = quote_of;
    p.body = f->body;
    p.content_note = note(f->content_note);
    p.created_at = p.updated_at = now;
    p.id = repo::insert_post(c, p);
    index_post(c, p.id);
    if (p.state == "visible") {
      repo::touch(c, conversation_id, now);
      emails = notify_post(app, c, p);
    }
    return p.id;
  });
  if (r) email_now(app, emails);
  return r;
}

Result<void> edit(Services& app, std::int64_t post_id, std::int64_t user_id, const PostInput& in) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto f = find_post(c, post_id, user_id);
    if (!f) return fail(f.error());
    if (!permissions::edit_post(f->reader, f->facts)) return fail(ErrorCode::forbidden, "conversations_not_yours");
    auto words = checked(in, f->post.opening);
    if (!words) return fail(words.error());
    std::optional<std::string> title_before;
    if (f->post.opening) {
      auto conv = repo::conversation(c, f->post.conversation_id);
      title_before = conv ? conv->title : "";
      if (words->title == *title_before && words->body == f->post.body &&
          note(words->content_note) == f->post.content_note)
        return {};
      repo::set_title(c, f->post.conversation_id, words->title);
    } else if (words->body == f->post.body && note(words->content_note) == f->post.content_note) {
      return {};
    }
    repo::update_words(c, f->post, title_before, words->body, note(words->content_note), now);
    index_post(c, post_id);
    return {};
  });
}

Result<void> remove(Services& app, std::int64_t post_id, std::int64_t user_id) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto f = find_post(c, post_id, user_id);
    if (!f) return fail(f.error());
    if (!permissions::remove_post(f->reader, f->facts)) return fail(ErrorCode::forbidden, "conversations_not_yours");
    if (auto next = next_state(f->facts.state, Act::remove); !next) return fail(next.error());
    repo::remove_words(c, post_id, now);
    index_post(c, post_id);
    // The title was the opening post's words too: it goes with them.
    if (f->post.opening) repo::set_title(c, f->post.conversation_id, "");
    repo::resolve_flags(c, post_id, now);
    return record(app, c, f->post.space_id, "conversation.post_removed",
                  {{"conversation", f->post.conversation_id}, {"post", post_id}, {"by", std::string("author")}});
  });
}

Result<void> react(Services& app, std::int64_t post_id, std::int64_t user_id, const std::string& reaction) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto f = find_post(c, post_id, user_id);
    if (!f) return fail(f.error());
    if (!permissions::react(f->reader, f->facts)) return fail(ErrorCode::forbidden, "conversations_not_allowed_react");
    auto r = parse_reaction(reaction);
    if (!r) return fail(ErrorCode::invalid, "conversations_reaction_invalid");
    repo::toggle_reaction(c, post_id, user_id, std::string(to_string(*r)), now);
    return {};
  });
}

Result<std::map<std::string, std::vector<std::string>>> who_reacted(Services& app, std::int64_t post_id,
                                                                    std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) -> Result<std::map<std::string, std::vector<std::string>>> {
    auto f = find_post(c, post_id, user_id);
    if (!f) return fail(f.error());
    const auto rows = repo::reactors(c, post_id);
    std::vector<std::int64_t> ids;
    for (const auto& [reaction, id] : rows) ids.push_back(id);
    const auto names = accounts::display_names(app, c, ids);
    std::map<std::string, std::vector<std::string>> out;
    for (const auto& [reaction, id] : rows)
      if (auto it = names.find(id); it != names.end()) out[reaction].push_back(it->second);
    return out;
  });
}

Result<void> flag(Services& app, std::int64_t post_id, std::int64_t user_id, const std::string& reason) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto f = find_post(c, post_id, user_id);
    if (!f) return fail(f.error());
    if (!permissions::flag(f->reader, f->facts)) return fail(ErrorCode::forbidden, "conversations_not_allowed_flag");
    auto r = validate_reason(reason);
    if (!r) return fail(r.error());
    if (repo::flagged_by(c, post_id, user_id)) return {};  // once is enough until a facilitator looks
    repo::insert_flag(c, post_id, user_id, *r, now);
    return record(app, c, f->post.space_id, "conversation.post_flagged",
                  {{"conversation", f->post.conversation_id}, {"post", post_id}});
  });
}

}  // namespace hs::conversations::commands
