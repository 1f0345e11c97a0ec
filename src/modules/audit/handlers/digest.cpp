// The daily email of new signed heads (commands/head_digests.cpp).
// POST /spaces/{slug}/audit/digest: start (email=on) or stop (email=off) it, from the
// audit page, which then says which at its top.
// GET /spaces/{slug}/audit/digest/stop?key=K: the link in every digest, for someone who
// may not be signed in (the key is theirs, MACed with the master key). It asks them to
// confirm, so a mail scanner following links stops nothing; POST to the same address
// stops it and says so.
#include "core/number.hpp"
#include "modules/audit/commands/commands.hpp"
#include "modules/audit/handlers/common.hpp"
#include "modules/audit/handlers/handlers.hpp"
#include "modules/audit/permissions.hpp"
#include "modules/spaces/module.hpp"
#include "store/db.hpp"
#include "web/render.hpp"

namespace hs::audit::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

struct StopLink {
  std::int64_t space_id = 0;
  std::string slug;
  std::string name;
  std::int64_t user_id = 0;
  std::string key;
};

// The space and person a stop key names, whether or not they may still see the space
// (someone who left it may still want the emails stopped): the key is the proof.
std::optional<StopLink> stop_link(Context& c, std::string_view key) {
  std::string slug(c.param("slug"));
  if (slug.empty() || slug.size() > 80 || key.empty() || key.size() > 120) return std::nullopt;
  const auto uid = number::whole(key.substr(0, key.find('.'))).value_or(0);
  if (uid <= 0) return std::nullopt;
  auto space = c.app.store->with([&](store::Conn& conn) -> std::optional<spaces::Space> {
    auto id = spaces::space_id_by_slug(conn, slug);
    return id ? spaces::space_by_id(conn, *id) : std::nullopt;
  });
  if (!space || commands::digest_stop_key_owner(c.app, space->id, key) != uid) return std::nullopt;
  return StopLink{space->id, space->slug, space->name, uid, std::string(key)};
}

Response stop_page(Context& c, const StopLink& s, bool done) {
  View v = c.view("audit_digest_stop_title");
  View space;
  space.set("slug", s.slug);
  space.set("name", s.name);
  v.set("space", std::move(space));
  v.set("key", s.key);
  v.set("done", done);
  v.set("question", c.app.renderer->format("audit_digest_stop_question", {{"space", s.name}}));
  v.set("stopped", c.app.renderer->format("audit_digest_stopped", {{"space", s.name}}));
  v.set("panel", c.app.renderer->format("audit_digest_stopped_panel", {{"space", s.name}}));
  return c.page("audit/digest_stop", v);
}

Response bad_link(Context& c) {
  return c.error_page(Error::of(ErrorCode::not_found, "audit_digest_stop_bad_link"), 404);
}

}  // namespace

Response digest_choose(Context& c) {
  auto l = load_space(c);
  if (!l) return not_found(c);
  if (!c.viewer || !permissions::email_heads(l->subject)) return denied(c);
  const auto choice = c.field("email");
  const std::string page = "/spaces/" + l->space.slug + "/audit";
  if (choice == "on") {
    commands::start_digest(c.app, l->space.id, c.viewer->user_id);
    return c.redirect(page + "?notice=digest_on");
  }
  if (choice == "off") {
    commands::stop_digest(c.app, l->space.id, c.viewer->user_id);
    return c.redirect(page + "?notice=digest_off");
  }
  return c.error_page(Error::of(ErrorCode::invalid, "audit_digest_bad_choice"));
}

Response digest_stop_show(Context& c) {
  auto s = stop_link(c, c.query_param("key"));
  if (!s) return bad_link(c);
  return stop_page(c, *s, false);
}

Response digest_stop(Context& c) {
  auto s = stop_link(c, c.field("key"));
  if (!s) return bad_link(c);
  commands::stop_digest(c.app, s->space_id, s->user_id);
  return stop_page(c, *s, true);
}

}  // namespace hs::audit::handlers
