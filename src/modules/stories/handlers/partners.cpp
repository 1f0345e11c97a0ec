// GET /spaces/{slug}/stories/partners: stewards list the organisations whose partners
// answer stories (a name, never a job title) and who answers for which; POST
// .../partners/organisations lists one more; POST .../partners gives a person (by the
// email of their account) the partner role for one organisation.
#include "core/number.hpp"
#include "modules/stories/handlers/common.hpp"
#include "modules/stories/handlers/handlers.hpp"

namespace hs::stories::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

struct Typed {
  std::string name, email, organisation;
};

Response render(Context& c, const Space& s, const Typed& typed, const Error* error = nullptr, int status = 200) {
  View v = spaces::space_page(c, s, "stories_partners_title");
  View orgs = View::list();
  for (const auto& o : commands::organisations(c.app, s.space().id)) {
    View x;
    x.set("id", o.id);
    x.set("name", o.name);
    x.set("selected", typed.organisation == std::to_string(o.id));
    orgs.push(std::move(x));
  }
  v.set("has_organisations", !orgs.items().empty());
  if (!orgs.items().empty()) v.set("organisations", std::move(orgs));
  View people = View::list();
  for (const auto& p : commands::partners(c.app, s.space().id)) {
    View x;
    x.set("name", p.name);
    x.set("organisation", p.organisation);
    x.set("remove_action", stories_path(s, "/partners/" + std::to_string(p.user_id) + "/remove"));
    people.push(std::move(x));
  }
  v.set("has_partners", !people.items().empty());
  if (!people.items().empty()) v.set("partners", std::move(people));
  v.set("name", typed.name);
  v.set("email", typed.email);
  v.set("organisation_action", stories_path(s, "/partners/organisations"));
  v.set("partner_action", stories_path(s, "/partners"));
  v.set("stories_href", stories_path(s));
  auto notice = c.query_param("notice");
  if (notice == "organisation") v.set("notice", c.t("stories_notice_organisation"));
  if (notice == "partner") v.set("notice", c.t("stories_notice_partner"));
  if (notice == "removed") v.set("notice", c.t("stories_notice_partner_removed"));
  if (error) c.add_errors(v, *error);
  return c.page("stories/partners", v, status);
}

std::optional<Space> stewards_only(Context& c, Response& refusal) {
  auto s = spaces::space_in_path(c);
  if (!s) refusal = not_found(c);
  else if (!permissions::manage_partners(s->subject)) refusal = s->subject.signed_in ? not_found(c) : c.need_signin();
  else return s;
  return std::nullopt;
}

Response refused(Context& c, const Space& s, const Typed& typed, Error e, const char* field) {
  if (e.code == ErrorCode::forbidden) return forbidden(c, e.message_key);
  if (e.fields.empty()) e.fields.push_back({field, e.message_key});
  return render(c, s, typed, &e, web::http_status(e.code));
}

}  // namespace

Response partners_page(Context& c) {
  Response refusal;
  auto s = stewards_only(c, refusal);
  if (!s) return refusal;
  return render(c, *s, {});
}

Response organisation_create(Context& c) {
  Response refusal;
  auto s = stewards_only(c, refusal);
  if (!s) return refusal;
  Typed typed{c.field("name"), "", ""};
  auto r = commands::add_organisation(c.app, s->space().id, viewer_id(c), typed.name);
  if (!r) return refused(c, *s, typed, r.error(), "name");
  return c.redirect(stories_path(*s, "/partners?notice=organisation"));
}

Response partner_create(Context& c) {
  Response refusal;
  auto s = stewards_only(c, refusal);
  if (!s) return refusal;
  Typed typed{"", c.field("email"), c.field("organisation")};
  auto r = commands::add_partner(c.app, s->space().id, viewer_id(c), typed.email,
                                 number::id(typed.organisation).value_or(0));
  if (!r) return refused(c, *s, typed, r.error(), "email");
  return c.redirect(stories_path(*s, "/partners?notice=partner"));
}

Response partner_remove(Context& c) {
  Response refusal;
  auto s = stewards_only(c, refusal);
  if (!s) return refusal;
  auto who = number::id(c.param("user_id"));
  if (!who) return not_found(c);
  auto r = commands::remove_partner(c.app, s->space().id, viewer_id(c), *who);
  if (!r) return r.error().code == ErrorCode::not_found ? not_found(c) : refused(c, *s, {}, r.error(), "email");
  return c.redirect(stories_path(*s, "/partners?notice=removed"));
}

}  // namespace hs::stories::handlers
