// Daily and weekly digests: for each person and space whose digest is due
// (rules/notify.hpp: a day or a week after the last, or after the oldest waiting), what
// waits is claimed in a short transaction (marked emailed, the digest's time kept) and
// emailed after commit, once, even with several servers sweeping. What the person may no
// longer read (a post since hidden or removed, a space they left) is left out.
#include "core/clock.hpp"
#include "core/view.hpp"
#include "modules/accounts/module.hpp"
#include "modules/conversations/commands/support.hpp"
#include "modules/spaces/module.hpp"
#include "store/db.hpp"

namespace hs::conversations::commands {

int send_digests(Services& app) {
  if (!app.mailer || !app.words) return 0;
  const auto& w = *app.words;
  const auto now = app.clock->now();
  const auto waiting = app.store->with([](store::Conn& c) { return repo::waiting_digests(c); });
  int sent = 0;
  for (const auto& d : waiting) {
    const auto choice = parse_email(d.choice).value_or(Email::at_once);
    if (choice == Email::never) continue;  // unsubscribed since: nothing goes
    // Someone who chose "at once" since gets what waited now.
    if (choice != Email::at_once && !digest_due(choice, d.last_sent_at, d.oldest, now)) continue;
    std::vector<repo::NotificationRow> items;
    auto claimed = app.store->write([&](store::Conn& c) -> Result<void> {
      if (choice != Email::at_once && !digest_due(choice, repo::last_digest(c, d.user_id, d.space_id), d.oldest, now))
        return {};
      items = repo::claim_digest(c, d.user_id, d.space_id, now);
      if (!items.empty()) repo::set_last_digest(c, d.user_id, d.space_id, now);
      return {};
    });
    if (!claimed || items.empty()) continue;
    struct Prepared {
      std::string to, subject, body;
    };
    auto prepared = app.store->with([&](store::Conn& c) -> std::optional<Prepared> {
      auto to = accounts::contact_email(app, c, d.user_id);
      auto space = spaces::space_by_id(c, d.space_id);
      if (!to || to->empty() || !space) return std::nullopt;
      View lines = View::list();
      for (const auto& n : items) {
        auto post = repo::post(c, n.post_id);
        auto conv = repo::conversation(c, n.conversation_id);
        if (!post || !conv) continue;
        if (!permissions::read_words(reader_in(c, d.space_id, d.user_id, post->author_id), facts_of(*post))) continue;
        const std::string who = post->anonymous || !post->author_id ? w.t("conversations_someone")
                                                                    : accounts::display_name(app, c, *post->author_id);
        const std::string title = conv->title.empty() ? w.t("conversations_title_removed") : conv->title;
        View x;
        x.set("line", w.format("conversations_email_line_" + n.reason,
                               {{"person", who}, {"title", title}, {"space", space->name}}));
        x.set("link", app.link("/spaces/" + space->slug + "/conversations/" + std::to_string(n.conversation_id) +
                               "?post=" + std::to_string(n.post_id) + "#post-" + std::to_string(n.post_id)));
        lines.push(std::move(x));
      }
      if (lines.items().empty()) return std::nullopt;
      View v;
      v.set("space", space->name);
      v.set("items", std::move(lines));
      v.set("choices_link", app.link("/spaces/" + space->slug + "/conversations/notifications"));
      v.set("unsubscribe_link",
            app.link("/conversations/unsubscribe?token=" + unsubscribe_token(app, d.space_id, d.user_id)));
      Prepared p;
      p.to = *to;
      p.subject = w.format(
          choice == Email::weekly ? "conversations_digest_subject_weekly" : "conversations_digest_subject_daily",
          {{"space", space->name}});
      p.body = w.render_text("email/conversations_digest", v);
      return p;
    });
    if (prepared && send_email(app, prepared->to, prepared->subject, prepared->body, d.space_id, d.user_id)) ++sent;
  }
  return sent;
}

}  // namespace hs::conversations::commands
