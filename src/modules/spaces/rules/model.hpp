#pragma once
// The words the spaces module stores: roles, visibilities and kinds, and their spelling
// in the database and in forms. Pure: no I/O.
#include <optional>
#include <string_view>

namespace hs::spaces {

// Roles are functions, not ranks: the order below carries no meaning beyond `none`.
enum class Role { none, member, facilitator, auditor, steward };
enum class Visibility { listed, unlisted, private_space };
enum class Kind { practice, forum, network };

std::optional<Role> parse_role(std::string_view s);  // never yields Role::none
std::optional<Visibility> parse_visibility(std::string_view s);
std::optional<Kind> parse_kind(std::string_view s);

std::string_view to_string(Role r);  // "" for none
std::string_view to_string(Visibility v);
std::string_view to_string(Kind k);

// A role that lets a person see other people's data in a space.
bool elevated(Role r);

}  // namespace hs::spaces
