#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/error.hpp"

namespace hs::web {
class App;
}

namespace hs::accounts {

// Sign up, email verification, sign in (password or magic link), reset, sessions,
// profile, my data and erasure. Also installs app.resolve_session.
void register_module(web::App& app);

// For `humanspace user add`: an account whose email is taken as verified.
Result<std::int64_t> add_user(web::App& app, const std::string& email, const std::string& display_name,
                              const std::string& password);
// For `humanspace user set-role EMAIL steward|member` (site-wide: who may create spaces).
Result<std::int64_t> set_site_role(web::App& app, const std::string& email, const std::string& role);
std::optional<std::int64_t> find_user(web::App& app, const std::string& email);

}  // namespace hs::accounts
