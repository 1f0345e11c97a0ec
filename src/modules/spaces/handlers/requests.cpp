
#include "core/number.hpp"
#include "modules/spaces/handlers/handlers.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render_requests(Context& c, const Loaded& s, const Error* error = nullptr, int status = 200) {
  View v = space_page_view(c, s, "spaces_requests_title");
  View list = View::list();
  for (const auto& r : commands::pending_requests(c.app, s.space().id)) {
    View item;
    item.set("id", r.id);
    item.set("name", r.display_name);
    if (r.pronouns && !r.pronouns->empty()) item.set("pronouns", *r.pronouns);
    item.set("has_message", r.message && !r.message->empty());
    item.set("message", web::paragraphs(r.message.value_or("")));
    item.set("date", web::date_text(c, r.created_at));
    item.set("iso_date", iso_date(r.created_at));
    list.push(std::move(item));
  }
  v.set("has_requests", !list.items().empty());
  v.set("requests", std::move(list));
  if (error) c.add_errors(v, *error);
  return c.page("spaces/requests", v, status);
}

Response decide(Context& c, bool approve) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!decide_join(s->subject)) return forbidden(c);
  auto id = number::id(c.param("id"));
  if (!id) return not_found(c);
  auto r = commands::decide_join(c.app, actor(c), s->space(), *id, approve);
  if (!r && r.error().code == ErrorCode::not_found) return not_found(c);
  if (!r) return render_requests(c, *s, &r.error(), web::http_status(r.error().code));
  return c.redirect(
      redirect_with_notice("/spaces/" + s->space().slug + "/requests", approve ? "approved" : "declined"));
}

}  // namespace

Response requests_index(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!decide_join(s->subject)) return forbidden(c);
  return render_requests(c, *s);
}

Response request_approve(Context& c) { return decide(c, true); }
Response request_decline(Context& c) { return decide(c, false); }

}  // namespace hs::spaces::handlers
