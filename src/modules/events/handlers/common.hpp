#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "modules/events/commands/commands.hpp"
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
web::View event_view(web::Context& c, const repo::EventRow& e);

}  // namespace hs::events::handlers
