#pragma once
// What the stories handlers share: the space in the path, the story in it as this
// viewer may see it, and how a story is shown.
#include <optional>
#include <string>

#include "modules/spaces/module.hpp"
#include "modules/stories/commands/commands.hpp"
#include "web/app.hpp"

namespace hs::stories::handlers {

using Space = spaces::SpaceInPath;

using spaces::viewer_id;
web::Response not_found(web::Context& c);
inline web::Response forbidden(web::Context& c, const std::string& key = "stories_not_allowed") {
  return spaces::refuse(c, key);
}
// The story named by {id} when the viewer may read it; a withdrawn one answers 410 with
// "withdrawn by its author"; everything else "not found" (or sign in first).
struct Loaded {
  std::optional<Space> space;
  std::optional<commands::Shown> story;
  web::Response refusal;
};
Loaded load_story(web::Context& c);

std::string stories_path(const Space& s, const std::string& rest = "");
std::string story_path(const Space& s, std::int64_t id, const std::string& rest = "");
// A story for lists and its page: title, href, author (or anonymous), content note,
// topics, organisations, status, dates; with_text adds its words as escaped blocks.
web::View story_view(web::Context& c, const Space& s, const commands::Shown& story, bool with_text);
// The write/edit form's fields and choices.
web::View form_view(web::Context& c, const Space& s, const StoryInput& in, const std::vector<std::int64_t>& about);
// Reads the story form.
StoryInput read_story_form(web::Context& c);
std::vector<std::int64_t> read_about(web::Context& c);

}  // namespace hs::stories::handlers

namespace hs::stories::handlers {
// The story page, with a form's error and what was typed in the answer box.
web::Response render_story(web::Context& c, const Space& s, const commands::Shown& st, const Error* error, int status,
                           const std::string& typed);
}  // namespace hs::stories::handlers
