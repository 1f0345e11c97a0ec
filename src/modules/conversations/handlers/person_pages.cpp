// A person's notifications (/notifications), and the one-click unsubscribe that works
// without signing in: its token names one space and one person and stops conversation
// email from that space to that person, nothing else.
#include "modules/conversations/handlers/common.hpp"
#include "modules/conversations/handlers/handlers.hpp"
#include "web/blocks.hpp"
#include "web/parse.hpp"
#include "web/render.hpp"

namespace hs::conversations::handlers {

using web::Context;
using web::Response;
using web::View;

Response notifications_page(Context& c) {
  if (!c.viewer) return c.need_signin();
  const auto uid = c.viewer->user_id;
  View v = c.view("conversations_notifications_title");
  const auto unread = commands::unread(c.app, uid);
  View items = View::list();
  for (const auto& n : commands::notifications(c.app, uid)) {
    View x;
    x.set("line", c.t("conversations_notification_" + n.row.reason));
    x.set("title", n.title_hidden                 ? c.t("conversations_title_hidden")
                   : n.conversation_title.empty() ? c.t("conversations_title_removed")
                                                  : n.conversation_title);
    x.set("space", n.space_name);
    x.set("href", "/spaces/" + n.space_slug + "/conversations/" + std::to_string(n.row.conversation_id) + "?post=" +
                      std::to_string(n.row.post_id) + "#post-" +
                      std::to_string(n.row.post_id));
    x.set("when", web::date_text(c, n.row.created_at));
    x.set("is_unread", !n.row.read_at);
    items.push(std::move(x));
  }
  if (!items.items().empty()) v.set("items", std::move(items));
  v.set("unread", unread);
  v.set("unread_text", c.t(unread == 1 ? "conversations_unread_one" : "conversations_unread_many"));
  if (unread > 0) v.set("has_unread", true);
  v.set("read_action", "/notifications/read");
  return c.page("conversations/notifications", v);
}

Response notifications_read(Context& c) {
  if (!c.viewer) return c.need_signin();
  commands::mark_read(c.app, c.viewer->user_id);
  return c.redirect("/notifications");
}

Response unsubscribe_page(Context& c) {
  const std::string token(c.query_param("token"));
  auto t = commands::read_unsubscribe_token(c.app, token);
  if (!t) return c.error_page(Error::of(ErrorCode::not_found, "conversations_unsubscribe_invalid"));
  View v = c.view("conversations_unsubscribe_title");
  v.set("action", "/conversations/unsubscribe?token=" + web::percent_encode(token));
  if (c.query_param("done") == "1") v.set("done", true);
  return c.page("conversations/unsubscribe", v);
}

// The page's button and a mail reader's one-click POST (RFC 8058: the body says
// "List-Unsubscribe=One-Click"): the token is the proof, so the route takes no CSRF token.
Response unsubscribe_submit(Context& c) {
  const std::string token(c.query_param("token"));
  auto r = commands::unsubscribe(c.app, token);
  if (!r) return c.error_page(r.error());
  if (c.field("List-Unsubscribe") == "One-Click") {
    return web::Response::text(200, c.t("conversations_unsubscribe_done") + "\n");
  }
  return c.redirect("/conversations/unsubscribe?token=" + web::percent_encode(token) + "&done=1");
}

}  // namespace hs::conversations::handlers
