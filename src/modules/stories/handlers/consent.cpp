// GET and POST /spaces/{slug}/stories/consent: stewards write the space's own consent
// text, as a new version (the built-in text until they do). Stories record the version
// their author agreed to.
#include "modules/stories/handlers/common.hpp"
#include "modules/stories/handlers/handlers.hpp"
#include "web/blocks.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

Response render(Context& c, const Space& s, const std::string& body, const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, "stories_consent_title");
  auto current = commands::consent(c.app, s.space().id);
  v.set("version", current.version);
  v.set("built_in", current.version == 0);
  v.set("body", body);
  v.set("action", stories_path(s, "/consent"));
  v.set("stories_href", stories_path(s));
  if (c.query_param("notice") == "saved") v.set("notice", c.t("stories_notice_consent"));
  if (error) c.add_errors(v, *error);
  return c.page("stories/consent", v, status);
}

std::optional<Space> stewards(Context& c, Response& refusal) {
  auto s = spaces::space_in_path(c);
  if (!s) refusal = not_found(c);
  else if (!permissions::manage_partners(s->subject)) refusal = s->subject.signed_in ? not_found(c) : c.need_signin();
  else return s;
  return std::nullopt;
}

}  // namespace

Response consent_page(Context& c) {
  Response refusal;
  auto s = stewards(c, refusal);
  if (!s) return refusal;
  return render(c, *s, commands::consent(c.app, s->space().id).body);
}

Response consent_update(Context& c) {
  Response refusal;
  auto s = stewards(c, refusal);
  if (!s) return refusal;
  std::string body;
  for (const auto& [k, val] : c.form())
    if (k == "body") body = val;
  auto r = commands::set_consent_text(c.app, s->space().id, viewer_id(c), body);
  if (!r) {
    auto e = r.error();
    if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
    if (e.fields.empty()) e.fields.push_back({"body", e.message_key});
    return render(c, *s, body, &e, web::http_status(e.code));
  }
  return c.redirect(stories_path(*s, "/consent?notice=saved"));
}

}  // namespace hs::stories::handlers
