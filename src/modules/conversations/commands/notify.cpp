// Telling people of a post, as each of them chose (rules/notify.hpp: mute wins): an
// in-app notification made in the transaction that made the post visible, and an email at
// once after commit for those who asked for one. Each email carries a one-click
// unsubscribe (RFC 8058) that stops conversation email from that space for that person
// only; the link in its words does the same without signing in.
#include <spdlog/spdlog.h>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "core/number.hpp"
#include "core/view.hpp"
#include "mail/mailer.hpp"
#include "modules/accounts/module.hpp"
#include "modules/conversations/commands/support.hpp"
#include "modules/conversations/rules/mention.hpp"
#include "modules/spaces/module.hpp"
#include "store/db.hpp"

namespace hs::conversations::commands {

namespace {

Choices choices_of(const std::optional<repo::ChoicesRow>& row, const std::optional<std::string>& level) {
  Choices ch;
  if (row) {
    ch.space = parse_level(row->level).value_or(Level::normal);
    ch.email = parse_email(row->email).value_or(Email::at_once);
  }
  if (level) ch.conversation = parse_level(*level);
  return ch;
}

std::string_view when_name(When w) {
  switch (w) {
    case When::now: return "now";
    case When::daily: return "daily";
    case When::weekly: return "weekly";
    case When::never: return "never";
  }
  return "never";
}

std::string_view reason_name(Reason r) {
  switch (r) {
    case Reason::mention: return "mention";
    case Reason::reply: return "reply";
    case Reason::new_conversation: return "new_conversation";
    case Reason::none: return "none";
  }
  return "none";
}

crypto::Key token_key(const Services& app) { return crypto::derive(app.master_key, 1701, "convunsb"); }

std::string token_mac(const Services& app, std::int64_t space_id, std::int64_t user_id) {
  return crypto::base64url(
      crypto::hmac_sha256(token_key(app), "unsubscribe:" + std::to_string(space_id) + ":" + std::to_string(user_id)));
}

}  // namespace

std::vector<std::int64_t> notify_post(Services& app, store::Conn& c, const repo::PostRow& post) {
  std::vector<std::int64_t> now_ids;
  const auto members = spaces::members(c, post.space_id);
  std::vector<std::int64_t> ids;
  for (const auto& m : members)
    if (spaces::is_member(m.role)) ids.push_back(m.user_id);
  if (ids.empty()) return now_ids;
  // Mentions: handles matched to the members' names now.
  std::set<std::int64_t> mentioned;
  const auto handles = mentions(post.body);
  if (!handles.empty()) {
    const std::set<std::string> wanted(handles.begin(), handles.end());
    for (const auto& [id, name] : accounts::display_names(app, c, ids))
      if (wanted.contains(handle_of(name))) mentioned.insert(id);
  }
  const auto chosen = repo::choices_in(c, post.space_id);
  const auto levels = repo::levels_in(c, post.conversation_id);
  const auto took_part = repo::authors_in(c, post.conversation_id);
  const auto now = app.clock->now();
  for (auto id : ids) {
    auto ci = chosen.find(id);
    auto li = levels.find(id);
    const auto ch = choices_of(ci == chosen.end() ? std::nullopt : std::optional(ci->second),
                               li == levels.end() ? std::nullopt : std::optional(li->second));
    Happening h;
    h.new_conversation = post.opening;
    h.is_actor = post.author_id && *post.author_id == id;
    h.mentioned = mentioned.contains(id);
    h.took_part = took_part.contains(id);
    const auto d = decide(ch, h);
    if (d.reason == Reason::none) continue;
    if (repo::notified(c, id, post.id)) continue;
    repo::NotificationRow n;
    n.user_id = id;
    n.space_id = post.space_id;
    n.conversation_id = post.conversation_id;
    n.post_id = post.id;
    n.reason = std::string(reason_name(d.reason));
    n.email = std::string(when_name(d.email));
    n.created_at = now;
    const auto nid = repo::insert_notification(c, n);
    if (d.email == When::now) now_ids.push_back(nid);
  }
  return now_ids;
}

void email_now(Services& app, const std::vector<std::int64_t>& notification_ids) {
  if (notification_ids.empty() || !app.mailer || !app.words) return;
  const auto& w = *app.words;
  for (auto nid : notification_ids) {
    struct Prepared {
      std::string to, subject, body, token;
      std::int64_t space_id = 0, user_id = 0;
    };
    auto prepared = app.store->with([&](store::Conn& c) -> std::optional<Prepared> {
      auto n = c.one(
          "SELECT user_id, space_id, conversation_id, post_id, reason FROM conversation_notifications "
          "WHERE id = ? AND emailed_at IS NULL",
          nid);
      if (!n) return std::nullopt;
      const auto user_id = n->i64(0), space_id = n->i64(1), conversation_id = n->i64(2), post_id = n->i64(3);
      const auto reason = n->text(4);
      auto to = accounts::contact_email(app, c, user_id);
      auto space = spaces::space_by_id(c, space_id);
      auto conv = repo::conversation(c, conversation_id);
      auto post = repo::post(c, post_id);
      if (!to || to->empty() || !space || !conv || !post || post->state != "visible") return std::nullopt;
      Prepared p;
      p.to = *to;
      p.space_id = space_id;
      p.user_id = user_id;
      p.token = unsubscribe_token(app, space_id, user_id);
      const std::string who = post->anonymous || !post->author_id ? w.t("conversations_someone")
                                                                  : accounts::display_name(app, c, *post->author_id);
      const std::string title = conv->title.empty() ? w.t("conversations_title_removed") : conv->title;
      p.subject = w.format("conversations_email_subject_" + reason, {{"person", who}, {"title", title}});
      View v;
      v.set("space", space->name);
      v.set("title", title);
      v.set("person", who);
      v.set("line", w.format("conversations_email_line_" + reason,
                             {{"person", who}, {"title", title}, {"space", space->name}}));
      v.set("link", app.link("/spaces/" + space->slug + "/conversations/" + std::to_string(conversation_id) + "?post=" +
                             std::to_string(post_id) + "#post-" +
                             std::to_string(post_id)));
      v.set("choices_link", app.link("/spaces/" + space->slug + "/conversations/notifications"));
      v.set("unsubscribe_link", app.link("/conversations/unsubscribe?token=" + p.token));
      p.body = w.render_text("email/conversations_notification", v);
      return p;
    });
    if (!prepared) continue;
    if (!send_email(app, prepared->to, prepared->subject, prepared->body, prepared->space_id, prepared->user_id))
      continue;
    const auto now = app.clock->now();
    (void)app.store->write([&](store::Conn& c) -> Result<void> {
      repo::mark_emailed(c, nid, now);
      return {};
    });
  }
}

bool send_email(Services& app, const std::string& to, const std::string& subject, const std::string& body,
                std::int64_t space_id, std::int64_t user_id) {
  try {
    mail::Email e;
    e.to = to;
    e.subject = subject;
    e.body = body;
    e.headers = {
        {"List-Unsubscribe",
         "<" + app.link("/conversations/unsubscribe?token=" + unsubscribe_token(app, space_id, user_id)) + ">"},
        {"List-Unsubscribe-Post", "List-Unsubscribe=One-Click"}};
    app.mailer->send(e);
    return true;
  } catch (const std::exception& ex) {
    spdlog::warn("conversations: could not send an email: {}", ex.what());
    return false;
  }
}

std::vector<NotificationItem> notifications(Services& app, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) {
    std::vector<NotificationItem> out;
    std::map<std::int64_t, std::optional<spaces::Space>> spaces_seen;
    for (auto& n : repo::notifications_of(c, user_id, 100)) {
      // Only what they may still see: a member who left the space, or a post since hidden
      // or removed, leaves nothing behind here.
      auto p = repo::post(c, n.post_id);
      auto r = p ? reader_in(c, n.space_id, user_id, p->author_id) : permissions::Reader{};
      if (!p || !permissions::read_words(r, facts_of(*p))) continue;
      auto& space = spaces_seen[n.space_id];
      if (!space) space = spaces::space_by_id(c, n.space_id);
      auto conv = repo::conversation(c, n.conversation_id);
      if (!space || !conv) continue;
      bool hidden = false;
      if (!p->opening)
        if (auto o = repo::opening_post(c, n.conversation_id))
          hidden = !permissions::read_words(reader_in(c, n.space_id, user_id, o->author_id), facts_of(*o));
      out.push_back({std::move(n), space->slug, space->name, hidden ? std::string() : conv->title, hidden});
    }
    return out;
  });
}

std::int64_t unread(Services& app, std::int64_t user_id) {
  return app.store->with([&](store::Conn& c) { return repo::unread_count(c, user_id); });
}

void mark_read(Services& app, std::int64_t user_id) {
  const auto now = app.clock->now();
  (void)app.store->write([&](store::Conn& c) -> Result<void> {
    repo::mark_read(c, user_id, now);
    return {};
  });
}

repo::ChoicesRow choices(Services& app, std::int64_t space_id, std::int64_t user_id) {
  return app.store->with(
      [&](store::Conn& c) { return repo::choices(c, user_id, space_id).value_or(repo::ChoicesRow{}); });
}

Result<void> set_choices(Services& app, std::int64_t space_id, std::int64_t user_id, const std::string& level,
                         const std::string& email) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto who = reader_in(c, space_id, user_id, std::nullopt);
    if (!permissions::view_conversations(who.subject)) return fail(ErrorCode::forbidden, "conversations_not_allowed");
    Validation v;
    if (!parse_level(level)) v.add("level", "conversations_level_required");
    if (!parse_email(email)) v.add("email", "conversations_email_required");
    if (!v.ok()) return fail(v.error());
    repo::set_choices(c, user_id, space_id, {level, email}, now);
    return {};
  });
}

Result<void> set_level(Services& app, std::int64_t conversation_id, std::int64_t user_id, const std::string& level) {
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto conv = repo::conversation(c, conversation_id);
    auto opening = repo::opening_post(c, conversation_id);
    if (!conv || !opening) return fail(ErrorCode::not_found, "conversations_not_found");
    auto who = reader_in(c, conv->space_id, user_id, opening->author_id);
    if (!permissions::read_post(who, facts_of(*opening))) return fail(ErrorCode::not_found, "conversations_not_found");
    if (!level.empty() && !parse_level(level)) {
      Validation v;
      v.add("level", "conversations_level_required");
      return fail(v.error());
    }
    repo::set_level(c, user_id, conversation_id, level, now);
    return {};
  });
}

std::string unsubscribe_token(const Services& app, std::int64_t space_id, std::int64_t user_id) {
  return std::to_string(space_id) + "." + std::to_string(user_id) + "." + token_mac(app, space_id, user_id);
}

std::optional<Unsubscribed> read_unsubscribe_token(const Services& app, const std::string& token) {
  const auto a = token.find('.');
  const auto b = a == std::string::npos ? std::string::npos : token.find('.', a + 1);
  if (b == std::string::npos) return std::nullopt;
  auto space_id = number::id(token.substr(0, a));
  auto user_id = number::id(token.substr(a + 1, b - a - 1));
  if (!space_id || !user_id) return std::nullopt;
  if (!crypto::equal(token.substr(b + 1), token_mac(app, *space_id, *user_id))) return std::nullopt;
  return Unsubscribed{*space_id, *user_id};
}

Result<void> unsubscribe(Services& app, const std::string& token) {
  auto t = read_unsubscribe_token(app, token);
  if (!t) return fail(ErrorCode::not_found, "conversations_unsubscribe_invalid");
  const auto now = app.clock->now();
  return app.store->write([&](store::Conn& c) -> Result<void> {
    auto row = repo::choices(c, t->user_id, t->space_id).value_or(repo::ChoicesRow{});
    row.email = "never";
    repo::set_choices(c, t->user_id, t->space_id, row, now);
    // Nothing already waiting goes out either.
    repo::stop_email(c, t->user_id, t->space_id);
    return {};
  });
}

}  // namespace hs::conversations::commands
