// Members register for an event ahead of the day, and cancel, from the event's page.
#include "modules/events/handlers/common.hpp"
#include "modules/events/handlers/handlers.hpp"
#include "web/render.hpp"

namespace hs::events::handlers {

using web::Context;
using web::Response;

Response registration_add(Context& c) {
  if (!c.viewer) return c.need_signin();
  auto a = load(c);
  if (!a) return not_found(c);
  const auto path = event_path(a->event.id);
  auto r = commands::register_member(c.app, *a, {c.absolute_url(path), c.absolute_url(path + "/event.ics")});
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c);
    return c.error_page(r.error());
  }
  return c.redirect(path + "?notice=registered#registration");
}

Response registration_cancel(Context& c) {
  if (!c.viewer) return c.need_signin();
  auto a = load(c);
  if (!a) return not_found(c);
  auto r = commands::cancel_registration(c.app, *a);
  if (!r) {
    if (r.error().code == ErrorCode::forbidden) return forbidden(c);
    return c.error_page(r.error());
  }
  return c.redirect(event_path(a->event.id) + "?notice=unregistered#registration");
}

}  // namespace hs::events::handlers
