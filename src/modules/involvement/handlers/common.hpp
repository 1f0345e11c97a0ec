#pragma once
// What the involvement handlers share: the space in the path as this viewer may use its
// involvement pages, paths, and form fields built as data for one partial
// (templates/partials/involvement_field.mustache), so every form shows what was typed and
// what to fix the same way.
#include <optional>
#include <string>
#include <vector>

#include "modules/involvement/commands/commands.hpp"
#include "modules/spaces/module.hpp"
#include "web/app.hpp"

namespace hs::involvement::handlers {

using Space = spaces::SpaceInPath;
using spaces::viewer_id;

// The space when the viewer may use its involvement pages (its members); otherwise the
// refusal (sign in first, or not found for a space they cannot see, or 403 for others).
struct Loaded {
  std::optional<Space> space;
  web::Response refusal;
};
Loaded load_space(web::Context& c);
web::Response not_found(web::Context& c);
inline web::Response forbidden(web::Context& c, const std::string& key) { return spaces::refuse(c, key); }
// A command's refusal as a page: 404, 403 or the form again is the caller's; this maps the
// non-form ones.
web::Response refused(web::Context& c, const Error& e);

std::string path(const Space& s, const std::string& rest = "");
// A page of the involvement area, with the space, title and the viewer's roles.
web::View page(web::Context& c, const Space& s, const std::string& title_key,
               const std::vector<std::pair<std::string, std::string>>& args = {});

// Form fields. `e` is the form's error (or null): a field shows the message for its name.
struct Field {
  std::string name, label_key, value, hint_key;
};
web::View text_field(web::Context& c, const Field& f, const Error* e, const std::string& width = "",
                     const std::string& type = "text", const std::string& inputmode = "");
web::View area_field(web::Context& c, const Field& f, const Error* e);
web::View file_field(web::Context& c, const Field& f, const Error* e);
// Options: value and the message key of its label.
web::View select_field(web::Context& c, const Field& f, const Error* e,
                       const std::vector<std::pair<std::string, std::string>>& options, bool blank = true);
web::View checks_field(web::Context& c, const Field& f, const Error* e,
                       const std::vector<std::pair<std::string, std::string>>& options,
                       const std::vector<std::string>& chosen);
web::View radios_field(web::Context& c, const Field& f, const Error* e,
                       const std::vector<std::pair<std::string, std::string>>& options, bool with_about = false);
// Every value of a repeated field (checkboxes).
std::vector<std::string> all_of(web::Context& c, std::string_view name);

// Words for records.
std::string kind_label(web::Context& c, const std::string& kind);
std::string state_label(web::Context& c, const std::string& state);
// The GOV.UK tag colour for a claim's state.
std::string state_tag(const std::string& state);
std::string day_words(web::Context& c, const std::string& day);
std::string hours_words(web::Context& c, std::int64_t minutes);
std::string claim_ref(std::int64_t id);
// A claim as lists show it: ref, href, what, day, amount, state label and tag.
web::View claim_item(web::Context& c, const Space& s, const ClaimRow& k);

}  // namespace hs::involvement::handlers
