#pragma once
// What the breakouts handlers share.
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "modules/breakouts/commands/commands.hpp"
#include "web/app.hpp"

namespace hs::breakouts::handlers {

std::optional<std::int64_t> number(std::string_view s);
// The event named by {id} and how this person stands there; nothing: "not found".
std::optional<commands::Access> load(web::Context& c);
web::Response not_found(web::Context& c);
web::Response forbidden(web::Context& c);
web::View event_view(const commands::Access& a);
// "?notice=<key>" when it is one of ours.
void add_notice(web::Context& c, web::View& v);
// Who wrote a note, as a page shows it.
std::string note_author(web::Context& c, const commands::Note& n);

}  // namespace hs::breakouts::handlers
