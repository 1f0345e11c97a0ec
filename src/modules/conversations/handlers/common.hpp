#pragma once
// What the conversations handlers share: the space in the path as this viewer sees it,
// the paths, and how a post is shown.
#include <optional>
#include <string>

#include "modules/conversations/commands/commands.hpp"
#include "modules/spaces/module.hpp"
#include "web/app.hpp"

namespace hs::conversations::handlers {

using Space = spaces::SpaceInPath;
using spaces::viewer_id;

// The space in the path when the viewer may see its conversations; else the refusal
// (sign in first; "not found" for everyone else: a member of another space sees nothing).
struct InSpace {
  std::optional<Space> space;
  web::Response refusal;
};
InSpace in_space(web::Context& c);
web::Response not_found(web::Context& c);
// A command's refusal as a page: forbidden and not found as error pages.
web::Response refused(web::Context& c, const Error& e);

std::string base_path(const Space& s, const std::string& rest = "");
std::string conversation_path(const Space& s, std::int64_t id, const std::string& rest = "");
std::string post_path(const Space& s, std::int64_t conversation_id, std::int64_t post_id, const std::string& rest);

// A post for a page: {id, anchor, author | anonymous, yours, when, edited, state flags,
// content_note, blocks, hide_reason, reactions, ...}.
web::View post_view(web::Context& c, const Space& s, const commands::ShownPost& p);
// The conversation's title as this reader may see it: its opening post's words, so a
// hidden one reads "hidden by a facilitator" to those who may not read it, and a removed
// one "removed by its author".
std::string title_for(web::Context& c, const std::string& title, const commands::ShownPost& opening);
// The kinds as radio choices, with the chosen one checked.
web::View kind_choices(web::Context& c, const std::string& chosen);
commands::ShownPost const* find_in(const commands::Thread& t, std::int64_t post_id);
// The post form as typed (the words kept exactly, trimmed at the ends by the rules).
PostInput read_post_form(web::Context& c);

}  // namespace hs::conversations::handlers
