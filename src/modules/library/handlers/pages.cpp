#include "core/number.hpp"
#include "modules/library/commands/commands.hpp"
#include "modules/library/handlers/handlers.hpp"
#include "modules/spaces/module.hpp"
#include "web/blocks.hpp"
#include "web/multipart.hpp"
#include "web/parse.hpp"
#include "web/render.hpp"

namespace hs::library::handlers {

using spaces::viewer_id;
using web::Context;
using web::Response;
using web::View;

namespace {

using Space = spaces::SpaceInPath;

// The space in the path when the viewer may see its library; else sign in first, or "not
// found" (a member of another space learns nothing).
struct InSpace {
  std::optional<Space> space;
  Response refusal;
};

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "library_not_found")); }

InSpace in_space(Context& c) {
  InSpace out;
  auto s = spaces::space_in_path(c);
  if (!s || !permissions::view_library(s->subject)) out.refusal = c.viewer ? not_found(c) : c.need_signin();
  else out.space = std::move(s);
  return out;
}

std::string base_path(const Space& s, const std::string& rest = "") {
  return "/spaces/" + s.space().slug + "/library" + rest;
}

std::string conversation_href(const Space& s, std::int64_t id) {
  return "/spaces/" + s.space().slug + "/conversations/" + std::to_string(id);
}

std::string kind_label(Context& c, const std::string& media_type) {
  const auto* k = allowed_kind(media_type);
  return k ? c.t(std::string(k->label_key)) : c.t("library_type_file");
}

View resource_view(Context& c, const Space& s, const commands::Shown& x) {
  const auto& r = x.row;
  View v;
  v.set("id", r.id);
  v.set("title", r.title);
  if (!r.description.empty()) v.set("description", web::paragraphs(r.description));
  if (r.kind == "link" && r.url) {
    v.set("is_link", true);
    v.set("url", *r.url);
  } else {
    v.set("is_file", true);
    v.set("href", base_path(s, "/" + std::to_string(r.id) + "/download"));
    v.set("type", kind_label(c, r.media_type.value_or("")));
    v.set("size", size_words(r.size_bytes.value_or(0)));
    if (r.file_name && !r.file_name->empty()) v.set("file_name", *r.file_name);
  }
  View tags = View::list();
  for (const auto& t : r.tags) {
    View y;
    y.set("tag", t);
    y.set("href", base_path(s, "?tag=" + web::percent_encode(t)));
    if (&t != &r.tags.front()) y.set("sep", true);
    tags.push(std::move(y));
  }
  if (!r.tags.empty()) {
    v.set("has_resource_tags", true);
    v.set("resource_tags", std::move(tags));
  }
  v.set("by", x.added_by_name.empty() ? c.t("library_former_member") : x.added_by_name);
  if (x.yours) v.set("yours", true);
  v.set("when", web::date_text(c, r.created_at));
  if (x.conversation_title && r.conversation_id) {
    v.set("conversation_title", *x.conversation_title);
    v.set("conversation_href", conversation_href(s, *r.conversation_id));
  }
  if (x.can_remove) v.set("remove_href", base_path(s, "/" + std::to_string(r.id) + "/remove"));
  return v;
}

Response render_new(Context& c, const Space& s, const ResourceInput& in, const Error* error = nullptr, int status = 200,
                    bool had_file = false) {
  View v = spaces::space_page(c, s, "library_new_title");
  v.set("title", in.title);
  v.set("description", in.description);
  v.set("tags", in.tags);
  v.set("url", in.url);
  View options = View::list();
  for (const auto& x : commands::conversations(c.app, s.space().id, viewer_id(c))) {
    View o;
    o.set("value", x.id);
    o.set("label", x.title);
    if (std::to_string(x.id) == in.conversation) o.set("selected", true);
    options.push(std::move(o));
  }
  if (!options.items().empty()) {
    v.set("has_conversations", true);
    v.set("conversations", std::move(options));
  }
  v.set("had_file", had_file && error);
  v.set("action", base_path(s, "/new"));
  v.set("back_href", base_path(s));
  v.set("max_bytes", kMaxFileBytes);
  if (error) c.add_errors(v, *error);
  return c.page("library/new", v, status);
}

}  // namespace

Response index(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  const auto& s = *in.space;
  const auto tag = std::string(c.query_param("tag"));
  auto lib = commands::library(c.app, s.space().id, viewer_id(c), tag);
  if (!lib) return not_found(c);
  View v = spaces::space_page(c, s, "library_index_title");
  View items = View::list();
  for (const auto& x : lib->resources) items.push(resource_view(c, s, x));
  if (!items.items().empty()) v.set("resources", std::move(items));
  View tags = View::list();
  for (const auto& [name, n] : lib->tags) {
    View t;
    t.set("tag", name);
    t.set("count", n);
    t.set("href", base_path(s, "?tag=" + web::percent_encode(name)));
    if (name == tag) t.set("current", true);
    tags.push(std::move(t));
  }
  if (!lib->tags.empty()) {
    v.set("has_tags", true);
    v.set("tags", std::move(tags));
  }
  if (!tag.empty()) {
    v.set("filter", tag);
    v.set("all_href", base_path(s));
  }
  v.set("new_href", base_path(s, "/new"));
  v.set("conversations_href", "/spaces/" + s.space().slug + "/conversations");
  auto notice = c.query_param("notice");
  if (notice == "added" || notice == "removed") v.set("notice", c.t("library_notice_" + std::string(notice)));
  return c.page("library/index", v);
}

Response new_form(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  if (!permissions::add_resource(in.space->subject)) return not_found(c);
  ResourceInput blank;
  blank.conversation = std::string(c.query_param("conversation"));
  return render_new(c, *in.space, blank);
}

Response create(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  ResourceInput form{c.field("title"), c.field("description"), c.field("tags"), c.field("url"),
                     c.field("conversation")};
  std::optional<commands::FileIn> file;
  for (const auto& u : web::uploads(c.req))
    if (u.field == "file" && !u.bytes.empty()) file = commands::FileIn{u.bytes, u.file_name};
  auto r = commands::add(c.app, in.space->space().id, viewer_id(c), form, file);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) {
      if (r.error().code == ErrorCode::unavailable) return render_new(c, *in.space, form, &r.error(), 503, file.has_value());
      return r.error().code == ErrorCode::not_found ? not_found(c) : c.error_page(r.error());
    }
    // Too big is 413 (the request was too large for what it carries); anything else 422.
    int status = 422;
    for (const auto& f : r.error().fields)
      if (f.message_key == "library_file_too_big") status = 413;
    return render_new(c, *in.space, form, &r.error(), status, file.has_value());
  }
  return c.redirect(base_path(*in.space, "?notice=added#resource-" + std::to_string(*r)));
}

Response download(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto id = number::id(c.param("id"));
  if (!id) return not_found(c);
  auto file = commands::download(c.app, in.space->space().id, *id, viewer_id(c));
  if (!file) return not_found(c);
  Response r;
  r.status = 200;
  // Never shown in the page's origin: always a download, as the type the bytes are (one on
  // the allow-list), and the browser may not guess another.
  r.set("Content-Type", file->media_type);
  r.set("Content-Disposition", file->disposition);
  r.set("X-Content-Type-Options", "nosniff");
  r.set("Content-Security-Policy", "default-src 'none'; sandbox");
  r.set("Cache-Control", "private, no-store");
  r.body = std::move(file->bytes);
  return r;
}

Response remove_form(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto id = number::id(c.param("id"));
  auto x = id ? commands::resource(c.app, in.space->space().id, *id, viewer_id(c)) : Result<commands::Shown>();
  if (!id || !x || !x->can_remove) return not_found(c);
  View v = spaces::space_page(c, *in.space, "library_remove_title");
  v.set("resource", resource_view(c, *in.space, *x));
  v.set("needs_reason", permissions::needs_reason(in.space->subject, x->yours));
  v.set("action", base_path(*in.space, "/" + std::to_string(*id) + "/remove"));
  v.set("back_href", base_path(*in.space));
  return c.page("library/remove", v);
}

Response remove_submit(Context& c) {
  auto in = in_space(c);
  if (!in.space) return std::move(in.refusal);
  auto id = number::id(c.param("id"));
  if (!id) return not_found(c);
  const auto reason = c.field("reason");
  auto r = commands::remove(c.app, in.space->space().id, *id, viewer_id(c), reason);
  if (!r) {
    if (r.error().code != ErrorCode::invalid) return r.error().code == ErrorCode::not_found ? not_found(c) : c.error_page(r.error());
    auto x = commands::resource(c.app, in.space->space().id, *id, viewer_id(c));
    if (!x) return not_found(c);
    View v = spaces::space_page(c, *in.space, "library_remove_title");
    v.set("resource", resource_view(c, *in.space, *x));
    v.set("needs_reason", true);
    v.set("reason", reason);
    v.set("action", base_path(*in.space, "/" + std::to_string(*id) + "/remove"));
    v.set("back_href", base_path(*in.space));
    c.add_errors(v, r.error());
    return c.page("library/remove", v, 422);
  }
  return c.redirect(base_path(*in.space, "?notice=removed"));
}

}  // namespace hs::library::handlers
