#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "modules/events/commands/commands.hpp"
#include "modules/events/repo.hpp"
#include "web/app.hpp"

namespace hs::events::handlers {

std::optional<std::int64_t> id_param(const web::Context& c, std::string_view name);
// The event named by {id} and how this person stands there; nothing: 404.
std::optional<commands::Access> load(web::Context& c);
web::Response not_found(web::Context& c);
web::Response forbidden(web::Context& c);
std::string event_path(std::int64_t id);
// The current item for a page (participant, facilitator or presenter).
web::View current_view(web::Context& c, const commands::Access& a, const commands::Current& cur, bool runner);
// The word cloud's name for screen readers: the item's title, then its largest words.
std::string cloud_label(web::Context& c, const std::string& title, const cloud::Picture* p);
// "12 entries, top: listening (4)".
web::View event_view(web::Context& c, const repo::EventRow& e);
// The word clouds' languages for a <select>, with `selected` chosen.
web::View language_options(web::Context& c, const std::string& selected);
// Other modules' pages for this event (breakouts, themes, the report) that this person
// may use, as a list of {text, href}; `has_tools` says whether there are any.
void add_tool_links(web::Context& c, web::View& v, const commands::Access& a);
// Those who run the event, or the page to show everyone else (404 or 403).
std::optional<commands::Access> load_runner(web::Context& c, web::Response& denied);

}  // namespace hs::events::handlers
