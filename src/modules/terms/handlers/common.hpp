#pragma once
// What the terms handlers share: the space as the viewer may see it (the spaces
// module's loader), the members-only gate, and how a version is shown.
#include <optional>
#include <string>

#include "modules/spaces/module.hpp"
#include "modules/terms/repo.hpp"
#include "web/app.hpp"

namespace hs::terms::handlers {

using Space = spaces::SpaceInPath;

struct Access {
  std::optional<Space> space;
  web::Response refusal;
};
// Members only; everyone else: "not found" (or sign in first, when signed out of a space
// they may know about).
Access members_only(web::Context& c);
web::Response not_found(web::Context& c);
web::Response forbidden(web::Context& c);

std::string terms_path(const Space& s, const std::string& rest = "");
// A version for a template: number, status, summary, dates, links; with_body adds its
// text as escaped blocks.
web::View version_view(web::Context& c, const Space& s, const repo::VersionRow& v, bool with_body);
// "12 March 2027" from YYYY-MM-DD.
std::string day_text(web::Context& c, const std::string& iso);

}  // namespace hs::terms::handlers
