#pragma once
// What the actions handlers share: the space in the path as this viewer may see its
// actions, and how an action is shown.
#include <optional>
#include <string>

#include "modules/actions/commands/commands.hpp"
#include "modules/spaces/module.hpp"
#include "web/app.hpp"

namespace hs::actions::handlers {

using Space = spaces::SpaceInPath;

using spaces::viewer_id;
web::Response not_found(web::Context& c);
inline web::Response forbidden(web::Context& c, const std::string& key) { return spaces::refuse(c, key); }
// The space when this viewer may see its actions; otherwise the refusal to send (sign in
// first, or not found).
struct Loaded {
  std::optional<Space> space;
  bool page_public = false;
  web::Response refusal;
};
Loaded load_space(web::Context& c);

std::string actions_path(const Space& s, const std::string& rest = "");
// An action for the list and its page: title, details, owner, status (label and tag),
// due date, source (a story's title and link only when the viewer may read it; "withdrawn
// by its author" and nothing else when it was withdrawn), and its history.
web::View action_view(web::Context& c, const Space& s, const commands::Shown& a);
std::string status_label(web::Context& c, const std::string& status);

}  // namespace hs::actions::handlers
