// Creating a space (site stewards) and editing one (its stewards): the same form.
#include "modules/spaces/handlers/handlers.hpp"
#include "web/render.hpp"

namespace hs::spaces::handlers {

using web::Context;
using web::Response;
using web::View;

namespace {

SpaceFields read_form(Context& c) {
  SpaceFields f;
  f.name = c.field("name");
  f.slug = c.field("slug");
  f.kind = c.field("kind");
  f.purpose = c.field("purpose");
  f.visibility = c.field("visibility");
  f.code_of_conduct = c.field("code_of_conduct");
  return f;
}

View choices(Context& c, const std::string& field, std::initializer_list<const char*> values,
             const std::string& chosen) {
  View list = View::list();
  bool first = true;
  for (const char* value : values) {
    View item;
    item.set("value", value);
    // The first choice carries the field's own id, so the error summary can link to it.
    item.set("id", first ? field : field + "-" + value);
    item.set("label", c.t("spaces_" + field + "_" + value));
    item.set("about", c.t("spaces_" + field + "_" + value + "_about"));
    item.set("checked", chosen == value);
    list.push(std::move(item));
    first = false;
  }
  return list;
}

Response render_form(Context& c, View v, const SpaceFields& f, const Error* error, int status) {
  View form;
  form.set("name", f.name);
  form.set("slug", f.slug);
  form.set("purpose", f.purpose);
  form.set("code_of_conduct", f.code_of_conduct);
  v.set("form", std::move(form));
  v.set("kinds", choices(c, "kind", {"practice", "forum", "network"}, f.kind));
  v.set("visibilities", choices(c, "visibility", {"listed", "unlisted", "private"}, f.visibility));
  if (error) c.add_errors(v, *error);
  return c.page("spaces/form", v, status);
}

View new_view(Context& c) {
  View v = c.view("spaces_new_title");
  v.set("is_new", true);
  v.set("action", "/spaces/new");
  return v;
}

View edit_view(Context& c, const Loaded& s) {
  View v = space_page_view(c, s, "spaces_edit_title");
  v.set("is_new", false);
  v.set("action", "/spaces/" + s.space().slug + "/edit");
  return v;
}

bool may_create(Context& c) { return create_space(subject_for(c, Role::none, Visibility::private_space, false)); }

}  // namespace

Response space_new_form(Context& c) {
  if (!c.viewer) return c.need_signin();
  if (!may_create(c)) return forbidden(c);
  SpaceFields f;
  f.visibility = "listed";
  // A starting point the steward can change: rendered from a template, so it is words
  // in a file, not in code.
  f.code_of_conduct = c.app.renderer->render("spaces/default_code", View());
  return render_form(c, new_view(c), f, nullptr, 200);
}

Response space_create(Context& c) {
  if (!c.viewer) return sign_in_then(c, "/spaces/new");
  if (!may_create(c)) return forbidden(c);
  auto f = read_form(c);
  auto slug = commands::create_space(c.app, actor(c), f);
  if (!slug) return render_form(c, new_view(c), f, &slug.error(), web::http_status(slug.error().code));
  return c.redirect(redirect_with_notice("/spaces/" + *slug, "created"));
}

Response space_edit_form(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!edit_space(s->subject)) return forbidden(c);
  const auto& sp = s->space();
  SpaceFields f{sp.name, sp.slug, sp.kind, sp.purpose, sp.visibility, sp.code_of_conduct};
  return render_form(c, edit_view(c, *s), f, nullptr, 200);
}

Response space_update(Context& c) {
  auto s = load_space(c);
  if (!s) return not_found(c);
  if (!edit_space(s->subject)) return forbidden(c);
  auto f = read_form(c);
  auto slug = commands::update_space(c.app, s->space().id, f);
  if (!slug) return render_form(c, edit_view(c, *s), f, &slug.error(), web::http_status(slug.error().code));
  return c.redirect(redirect_with_notice("/spaces/" + *slug, "updated"));
}

}  // namespace hs::spaces::handlers
