#pragma once
// What the accounts handlers share: who is asking, session cookies, link pages.
#include <cstdint>
#include <optional>
#include <string>

#include "modules/accounts/commands/commands.hpp"
#include "web/app.hpp"

namespace hs::accounts::handlers {

commands::Requester requester(web::Context& c);
std::optional<std::int64_t> current_session(const web::Context& c);
// Sets the rotated session cookie and redirects where the person was going.
web::Response signed_in(web::Context& c, const commands::SignedIn& s);
// The page for a link that has expired or been used (404).
web::Response link_invalid(web::Context& c);
// Pages whose address holds a token must not be kept by any cache.
web::Response no_store(web::Response r);
// A raw form value, untrimmed: passwords are taken exactly as typed.
std::string raw_field(web::Context& c, std::string_view name);
// "5 minutes ago" in the person's language.
std::string ago_text(web::Context& c, std::int64_t then);

}  // namespace hs::accounts::handlers
