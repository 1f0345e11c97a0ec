#include "modules/terms/handlers/common.hpp"

#include "modules/terms/permissions.hpp"
#include "web/blocks.hpp"
#include "web/render.hpp"

namespace hs::terms::handlers {

using web::Context;
using web::Response;
using web::View;

Access members_only(Context& c) {
  Access a;
  auto s = spaces::space_in_path(c);
  if (!s) a.refusal = not_found(c);
  else if (!permissions::view_terms(s->subject)) a.refusal = c.viewer ? not_found(c) : c.need_signin();
  else a.space = std::move(s);
  return a;
}

Response not_found(Context& c) { return c.error_page(Error::of(ErrorCode::not_found, "terms_not_found")); }

Response forbidden(Context& c) { return spaces::refuse(c, "terms_not_allowed"); }

std::string terms_path(const Space& s, const std::string& rest) {
  return "/spaces/" + s.space().slug + "/terms" + rest;
}

std::string day_text(Context& c, const std::string& iso) {
  if (iso.size() != 10) return iso;
  auto month = std::to_string(std::stoi(iso.substr(5, 2)));
  auto day = std::to_string(std::stoi(iso.substr(8, 2)));
  return c.app.renderer->format("spaces_date",
                                {{"day", day}, {"month", c.t("spaces_month_" + month)}, {"year", iso.substr(0, 4)}});
}

View version_view(Context& c, const Space& s, const repo::VersionRow& v, bool with_body) {
  View out;
  out.set("number", v.number);
  out.set("href", terms_path(s, "/versions/" + std::to_string(v.number)));
  out.set("status", c.t("terms_status_" + v.status));
  out.set("is_" + v.status, true);
  out.set("summary", v.summary);
  out.set("review_on", day_text(c, v.review_on));
  out.set("proposed", web::date_text(c, v.created_at));
  if (v.decided_at) out.set("decided", web::date_text(c, *v.decided_at));
  if (v.proposal_id)
    out.set("decision_href", "/spaces/" + s.space().slug + "/decisions/" + std::to_string(*v.proposal_id));
  if (v.base_number) {
    out.set("base", *v.base_number);
    out.set("diff_href",
            terms_path(s, "/diff?from=" + std::to_string(*v.base_number) + "&to=" + std::to_string(v.number)));
  }
  if (with_body) out.set("blocks", web::code_blocks(v.body));
  return out;
}

}  // namespace hs::terms::handlers
