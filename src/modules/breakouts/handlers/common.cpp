#include "modules/breakouts/handlers/common.hpp"

#include "core/number.hpp"
#include "modules/events/module.hpp"

namespace hs::breakouts::handlers {

using web::Context;
using web::View;

std::optional<std::int64_t> number(std::string_view s) { return hs::number::whole(s); }

std::optional<commands::Access> load(Context& c) {
  auto id = number(c.param("id"));
  if (!id || *id == 0) return std::nullopt;
  std::optional<std::int64_t> uid;
  if (c.viewer) uid = c.viewer->user_id;
  auto a = events::commands::access(c.app, *id, uid, c.cookie("participant"));
  if (!a || !events::view_event(a->standing)) return std::nullopt;
  return a;
}

web::Response not_found(Context& c) {
  return c.error_page(Error::of(ErrorCode::not_found, "breakouts_round_not_found"));
}
web::Response forbidden(Context& c) { return c.error_page(Error::of(ErrorCode::forbidden, "events_forbidden")); }

View event_view(const commands::Access& a) {
  View e;
  e.set("title", a.event.title);
  e.set("path", "/events/" + std::to_string(a.event.id));
  return e;
}

void add_notice(Context& c, View& v) {
  static constexpr std::string_view kKnown[] = {
      "added",  "assigned", "moved", "started",     "ended",           "sent",          "helped",
      "joined", "noted",    "help",  "theme_added", "themes_accepted", "theme_changed", "note_placed"};
  auto n = c.query_param("notice");
  for (auto k : kKnown)
    if (n == k) v.set("notice", c.t("breakouts_notice_" + std::string(k)));
}

std::string note_author(Context& c, const commands::Note& n) {
  if (n.for_group) return c.t("breakouts_note_for_group");
  if (n.author) return *n.author;
  return c.t("breakouts_note_anonymous");
}

}  // namespace hs::breakouts::handlers
