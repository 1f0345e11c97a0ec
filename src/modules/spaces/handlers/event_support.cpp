// The space's setting for where people can find support at its events: stewards and
// facilitators write the text every new event starts from.
#include "modules/spaces/handlers/handlers.hpp"
#include "web/render.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

// The built-in text (UK helplines), paragraph by paragraph, as events use it.
std::string built_in(Context& c) {
  std::string out;
  for (int i = 1; i <= 5; ++i) out += (out.empty() ? "" : "\n\n") + c.t("support_default_" + std::to_string(i));
  return out;
}

Response render(Context& c, const Loaded& s, const std::string& text, const Error* error, int status) {
  View v = space_page_view(c, s, "spaces_support_page_title");
  v.set("action", "/spaces/" + s.space().slug + "/event-support");
  v.set("support_text", text);
  if (c.query_param("notice") == "saved") v.set("notice", c.t("spaces_support_saved"));
  if (error) c.add_errors(v, *error);
  return c.page("spaces/event_support", v, status);
}

}  // namespace

Response event_support_form(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!edit_event_support(s->subject)) return forbidden(c);
  auto text = commands::event_support_default(c.app, s->space().id);
  return render(c, *s, text ? *text : built_in(c), nullptr, 200);
}

Response event_support_update(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!edit_event_support(s->subject)) return forbidden(c);
  const auto text = c.field("support_text");
  auto r = commands::set_event_support_default(c.app, s->space().id, text);
  if (!r) return render(c, *s, text, &r.error(), web::http_status(r.error().code));
  return c.redirect(redirect_with_notice("/spaces/" + s->space().slug + "/event-support", "saved"));
}

}  // namespace hs::spaces::handlers
